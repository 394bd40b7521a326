// One change from the replication stream to the subscribers allowed to see it: match event and
// table, evaluate filters (in Postgres, one query), check RLS (one round trip for all distinct
// claims), then send each channel one `postgres_changes` message with the ids it matched and the
// payload Supabase Realtime sends: {schema, table, commit_timestamp, type, columns, record,
// old_record, errors}.
import type pg from 'pg'
import type { Catalog, ColumnInfo, RelationInfo } from './catalog.ts'
import type { Channel } from './channel.ts'
import { filterSql } from './filters.ts'
import type { Hub, PgSubscription } from './hub.ts'
import type { Change, Tuple } from './replication.ts'
import { type Json, toJson } from './values.ts'
import { checkVisibility, type Viewer, type Visibility } from './visibility.ts'

export interface DispatchContext {
  hub: Hub
  catalog: Catalog
  pool: pg.Pool
  log: (line: string) => void
}

const SEES_EVERYTHING: Visibility = { visible: true, hidden: new Set() }

export async function dispatchChange(ctx: DispatchContext, change: Change): Promise<void> {
  const candidates = ctx.hub
    .subscriptionsFor(change.relationOid)
    .filter((s) => s.channel.joined && !s.channel.closed && (s.action === '*' || s.action === change.type))
  if (candidates.length === 0) return
  const rel = await ctx.catalog.relation(change.relationOid)
  if (!rel) return
  const base = {
    schema: change.schema,
    table: change.table,
    commit_timestamp: change.commitTime.toISOString(),
    type: change.type,
  }

  if (change.type !== 'DELETE' && rel.primaryKey.length === 0) {
    // RLS cannot be checked without a key: Supabase sends only this error.
    const data = { schema: change.schema, table: change.table, type: change.type }
    for (const [channel, subs] of byChannel(candidates)) {
      send(channel, subs, { ...data, errors: ['Error 400: Bad Request, no primary key'] })
    }
    return
  }

  // Delete events are not filtered (the old row is mostly gone), as on Supabase.
  const matching =
    change.type === 'DELETE' ? candidates : await passFilters(ctx, rel, change.record ?? {}, candidates)
  const channels = byChannel(matching)
  if (channels.size === 0) return

  const viewers: Viewer[] = []
  const viewerIndex = new Map<string, number>()
  for (const channel of channels.keys()) {
    if (channel.claims.role === 'service_role') continue
    const claims = JSON.stringify(channel.claims)
    if (!viewerIndex.has(claims))
      viewerIndex.set(claims, viewers.push({ role: channel.claims.role, claims }) - 1)
  }
  const pk = rel.primaryKey.map((name) => change.record?.[name] ?? null)
  const rowSql = change.type === 'DELETE' ? 'select true' : rel.rowExistsSql
  let results: Visibility[]
  try {
    results = await checkVisibility(ctx.pool, rel.oid, rowSql, pk, viewers)
  } catch (error) {
    ctx.log(`realtime: RLS check on ${rel.schema}.${rel.table} failed: ${(error as Error).message}`)
    results = viewers.map(() => ({ visible: false, hidden: new Set() }))
  }

  for (const [channel, subs] of channels) {
    if (channel.closed) continue
    const visibility =
      channel.claims.role === 'service_role'
        ? SEES_EVERYTHING
        : results[viewerIndex.get(JSON.stringify(channel.claims)) ?? -1]
    if (!visibility?.visible) continue
    if (change.type === 'DELETE' && rel.primaryKey.some((c) => visibility.hidden.has(c))) continue
    // Subscriptions asking for different column subsets get separate messages.
    const bySelect = new Map<string, PgSubscription[]>()
    for (const sub of subs) {
      const key = sub.select ? [...sub.select].sort().join(',') : '*'
      bySelect.set(key, [...(bySelect.get(key) ?? []), sub])
    }
    for (const group of bySelect.values()) {
      const select = group[0].select
      const shown = (c: ColumnInfo) => !visibility.hidden.has(c.name) && (!select || select.has(c.name))
      const columns = rel.columns.filter(shown)
      const data: Record<string, unknown> = {
        ...base,
        columns: columns.map((c) => ({ name: c.name, type: c.type })),
        errors: null,
      }
      if (change.type !== 'DELETE') data.record = render(columns, change.record ?? {})
      if (change.type === 'UPDATE') data.old_record = render(columns, oldIdentity(rel, change))
      if (change.type === 'DELETE') {
        const keyOnly = rel.rlsEnabled ? columns.filter((c) => rel.primaryKey.includes(c.name)) : columns
        data.old_record = render(keyOnly, change.old ?? {})
      }
      send(channel, group, data)
    }
  }
}

function byChannel(subs: PgSubscription[]): Map<Channel, PgSubscription[]> {
  const map = new Map<Channel, PgSubscription[]>()
  for (const sub of subs) map.set(sub.channel, [...(map.get(sub.channel) ?? []), sub])
  return map
}

function send(channel: Channel, subs: PgSubscription[], data: unknown) {
  channel.conn.send({
    joinRef: null,
    ref: null,
    topic: channel.topic,
    event: 'postgres_changes',
    payload: { ids: subs.map((s) => s.id), data },
  })
}

/** The old row of an UPDATE: as streamed if any, else its primary key (taken from the new row). */
function oldIdentity(rel: RelationInfo, change: Change): Tuple {
  if (change.old) return change.old
  const tuple: Tuple = {}
  for (const name of rel.primaryKey) tuple[name] = change.record?.[name]
  return tuple
}

function render(columns: ColumnInfo[], tuple: Tuple): Record<string, Json> {
  const out: Record<string, Json> = {}
  for (const column of columns) {
    const value = tuple[column.name]
    if (value !== undefined) out[column.name] = toJson(value, column.value)
  }
  return out
}

/** Subscriptions whose filters all hold for the new row; one query for all distinct filters. */
async function passFilters(
  ctx: DispatchContext,
  rel: RelationInfo,
  record: Tuple,
  subs: PgSubscription[],
): Promise<PgSubscription[]> {
  const builders: Array<(param: (value: unknown) => string) => string> = []
  const index = new Map<string, number>()
  const needs = new Map<PgSubscription, number[] | false>()
  for (const sub of subs) {
    const refs: number[] = []
    let possible = true
    for (const filter of sub.filters) {
      const column = rel.byName.get(filter.column)
      const value = record[filter.column]
      if (!column || value === undefined) {
        possible = false
        break
      }
      const key = JSON.stringify([filter, value])
      let at = index.get(key)
      if (at === undefined) {
        at = builders.push((param) => filterSql(filter, column.castType, param(value), param)) - 1
        index.set(key, at)
      }
      refs.push(at)
    }
    needs.set(sub, possible ? refs : false)
  }
  let results: boolean[] = []
  if (builders.length > 0) results = await evaluate(ctx, builders)
  return subs.filter((sub) => {
    const refs = needs.get(sub)
    return refs !== false && refs !== undefined && refs.every((i) => results[i] === true)
  })
}

async function evaluate(
  ctx: DispatchContext,
  builders: Array<(param: (value: unknown) => string) => string>,
): Promise<boolean[]> {
  const run = async (parts: typeof builders) => {
    const params: unknown[] = []
    const param = (value: unknown) => `$${params.push(value)}`
    const sql = `select array[${parts.map((build) => build(param)).join(', ')}]::boolean[] as r`
    const { rows } = await ctx.pool.query(sql, params)
    return rows[0].r as boolean[]
  }
  try {
    return await run(builders)
  } catch (error) {
    ctx.log(`realtime: filter evaluation failed, retrying one by one: ${(error as Error).message}`)
    // One bad filter value must not hide the change from the other subscribers.
    return Promise.all(
      builders.map((build) =>
        run([build]).then(
          (r) => r[0] === true,
          () => false,
        ),
      ),
    )
  }
}
