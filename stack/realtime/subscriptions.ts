// A channel's `config.postgres_changes` entries turned into subscriptions: parameters read as
// Supabase Realtime reads them, tables resolved in the publication, filters checked against the
// columns. Errors carry Supabase's messages.
import type { Catalog } from './catalog.ts'
import { parseFilters } from './filters.ts'
import type { Action, PgSubscription } from './hub.ts'

type Draft = Omit<PgSubscription, 'channel'>

/** Same parameters, same id (realtime-js only needs it stable within a channel). */
export function subscriptionId(params: Record<string, unknown>): number {
  const text = JSON.stringify(params)
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0) % 2 ** 27
}

function actionOf(event: unknown): Action {
  const e = typeof event === 'string' ? event.toUpperCase() : '*'
  return e === 'INSERT' || e === 'UPDATE' || e === 'DELETE' ? e : '*'
}

function describe(params: Record<string, unknown>): string {
  const { event, schema, table, filter } = params
  return `event: ${event ?? '*'}, schema: ${schema ?? ''}, table: ${table ?? '*'}, filters: ${filter ?? '[]'}`
}

/** Builds the subscriptions; `error` is set when they cannot be established (none is then active). */
export async function resolveSubscriptions(
  catalog: Catalog,
  entries: Record<string, unknown>[],
): Promise<{ subscriptions: Draft[]; error?: string }> {
  const subscriptions: Draft[] = entries.map((params) => ({
    id: subscriptionId(params),
    params,
    action: actionOf(params.event),
    relations: new Set<number>(),
    filters: [],
  }))
  for (const sub of subscriptions) {
    const error = await resolveOne(catalog, sub)
    if (error) return { subscriptions, error }
  }
  return { subscriptions }
}

async function resolveOne(catalog: Catalog, sub: Draft): Promise<string | undefined> {
  const { schema, table, filter, select } = sub.params
  const has = (key: string) => sub.params[key] !== undefined && sub.params[key] !== null
  let target: [string, string]
  if (typeof schema === 'string' && typeof table === 'string') target = [schema, table]
  else if (typeof schema === 'string' && !has('table') && !has('filter')) target = [schema, '*']
  else if (typeof table === 'string' && !has('schema') && !has('filter')) target = ['public', table]
  else {
    return 'No subscription params provided. Please provide at least a `schema` or `table` to subscribe to'
  }
  if (has('filter')) {
    if (typeof filter !== 'string') return 'Error parsing `filter` params: the filter must be a string'
    const parsed = parseFilters(filter)
    if (!parsed.ok) return parsed.error
    sub.filters = parsed.filters
  }
  if (Array.isArray(select)) {
    const names = select.filter((s): s is string => typeof s === 'string')
    if (names.length > 0) {
      if (target[0] === '*' || target[1] === '*') {
        return 'Column selection is not supported for wildcard subscriptions. Provide an explicit schema and table name.'
      }
      sub.select = new Set(names)
    }
  }
  const oids = await catalog.publishedTables(...target)
  if (oids.length === 0) {
    return `Unable to subscribe to changes with given parameters. Please check Realtime is enabled for the given connect parameters: [${describe(sub.params)}]`
  }
  const invalid = await catalog.validateFilters(oids, sub.filters)
  if (invalid) {
    return `Unable to subscribe to changes with given parameters. An exception happened so please check your connect parameters: [${describe(sub.params)}]. Exception: ${invalid}`
  }
  sub.relations = new Set(oids)
  return undefined
}
