// The isolation audit's world and instruments: which rows are "tenant A's" in every table (found from
// the catalog), rows seeded where A has none, a checksum of everything A owns, and the values whose
// appearance in an answer would betray a leak of A's data.
import { createHash } from 'node:crypto'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import WebSocket from 'ws'
import { type Column, type Policy, pinnedTenantColumn, type Relation } from './catalog.ts'
import { signedInUser, stackInfo } from './stack.ts'

/** How a table's rows belong to someone: to a company, to a person, or to nobody (a global catalog). */
export interface Scoped {
  rel: Relation
  scope: 'tenant' | 'user' | 'global'
  /** tenant scope: the company column; user scope: the person column */
  column: string | null
  /** tenant scope: the `user_id` column of rows about a person (memberships, membership_roles, …) */
  person: string | null
}

/**
 * The company column of a table, in order of authority: the column its policies pin to
 * app_private.current_tenant_id(); a `tenant_id` column; the key of the companies table itself (the one
 * `tenant_id` columns refer to). Without one, a table with a key to auth.users holds per-person rows.
 */
export function classify(relations: Relation[], policies: Policy[]): Scoped[] {
  const pinned = new Map<string, string>()
  for (const p of policies) {
    const col = pinnedTenantColumn(p.using) ?? pinnedTenantColumn(p.check)
    if (col && !pinned.has(p.table)) pinned.set(p.table, col)
  }
  // The companies table is the one the `tenant_id` columns point at.
  const votes = new Map<string, number>()
  for (const r of relations)
    for (const fk of r.foreignKeys)
      if (fk.columns.length === 1 && fk.columns[0] === 'tenant_id')
        votes.set(fk.refTable, (votes.get(fk.refTable) ?? 0) + 1)
  const root = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
  return relations.map((rel) => {
    const names = new Set(rel.columns.map((c) => c.name))
    const single = (table: string) =>
      rel.foreignKeys.find((fk) => fk.columns.length === 1 && fk.refTable === table)?.columns[0] ?? null
    // A mere reference to a company (profiles.active_tenant_id) does not make the row the company's.
    const tenantColumn =
      pinned.get(rel.sql) ??
      (names.has('tenant_id') ? 'tenant_id' : null) ??
      (rel.sql === root && rel.primaryKey.length === 1 ? rel.primaryKey[0] : null)
    const userColumn = single('auth.users')
    if (tenantColumn)
      return { rel, scope: 'tenant', column: tenantColumn, person: names.has('user_id') ? 'user_id' : null }
    if (userColumn) return { rel, scope: 'user', column: userColumn, person: null }
    return { rel, scope: 'global', column: null, person: null }
  })
}

export interface Person {
  id: string
  email: string
  token: string
}

export interface World {
  a: { tenant: string; name: string; owner: Person; employee: Person }
  b: { tenant: string; owner: Person }
}

/** A valid 统一社会信用代码: 17 random characters and the GB 32100 check character. */
export function creditCode(): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  let body = '91'
  while (body.length < 17) body += alphabet[Math.floor(Math.random() * 10)]
  const sum = [...body].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i], 0)
  return body + alphabet[(31 - (sum % 31)) % 31]
}

/** A supabase-js client without the generated types: the audit reaches tables the types may not know yet. */
export function restClient(token: string | null, headers: Record<string, string> = {}): SupabaseClient {
  return createClient(stackInfo().apiUrl, stackInfo().anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    realtime: { transport: WebSocket as never },
    global: { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } },
  })
}

async function person(prefix: string): Promise<Person> {
  const u = await signedInUser(prefix)
  return { id: u.user.id, email: u.email, token: u.session.access_token }
}

async function createCompany(owner: Person, name: string): Promise<string> {
  const { data, error } = await restClient(owner.token).rpc('create_company', {
    p_name: name,
    p_credit_code: creditCode(),
  })
  if (error) throw new Error(`create_company for ${name}: ${error.message}`)
  return data as string
}

/**
 * Company A (owner + an employee who holds only the built-in 'employee' role) and company B (owner).
 * The employee's membership is written as superuser: the audit must not depend on the invitation flow.
 */
export async function setUpWorld(db: pg.Client): Promise<World> {
  const tag = Math.random().toString(36).slice(2, 8)
  const [ownerA, ownerB, employee] = await Promise.all([person('iso-a'), person('iso-b'), person('iso-emp')])
  const name = `Isolation audit A ${tag}`
  const [tenantA, tenantB] = await Promise.all([
    createCompany(ownerA, name),
    createCompany(ownerB, `Isolation audit B ${tag}`),
  ])
  const world: World = {
    a: { tenant: tenantA, name, owner: ownerA, employee },
    b: { tenant: tenantB, owner: ownerB },
  }
  await enrolEmployee(db, world)
  return world
}

/**
 * Makes A's employee a member of A holding exactly the built-in 'employee' role, working in A: also
 * repairs the world after a call that let them leave or changed their roles. Says whether anything had
 * to change.
 */
export async function enrolEmployee(db: pg.Client, world: World): Promise<boolean> {
  const { tenant } = world.a
  const { id, email } = world.a.employee
  const results = [
    await db.query(
      `insert into public.memberships (tenant_id, user_id, email) values ($1, $2, $3) on conflict do nothing`,
      [tenant, id, email],
    ),
    await db.query(
      `insert into public.membership_roles (tenant_id, user_id, role_id)
       select r.tenant_id, $2, r.id from public.roles r where r.tenant_id = $1 and r.key = 'employee'
       on conflict do nothing`,
      [tenant, id],
    ),
    await db.query(
      `delete from public.membership_roles mr using public.roles r
       where r.id = mr.role_id and mr.tenant_id = $1 and mr.user_id = $2 and r.key <> 'employee'`,
      [tenant, id],
    ),
    await db.query(
      'update public.profiles set active_tenant_id = $1 where id = $2 and active_tenant_id is distinct from $1',
      [tenant, id],
    ),
  ]
  return results.some((r) => (r.rowCount ?? 0) > 0)
}

/** The WHERE clause selecting A's rows of a table, with placeholders for A's company and A's owner. */
export function ownedByA(s: Scoped, company = '$1', owner = '$2'): string {
  const col = s.column ? `t.${quoteIdent(s.column)}` : ''
  if (s.scope === 'tenant') return `${col} = ${company}::uuid`
  if (s.scope === 'user') return `${col} = ${owner}::uuid`
  return 'true'
}

/** The same for a one-table query: the clause and its parameters. */
export function filterA(s: Scoped, world: World): { where: string; params: string[] } {
  if (s.scope === 'global') return { where: 'true', params: [] }
  return {
    where: ownedByA(s, '$1', '$1'),
    params: [s.scope === 'tenant' ? world.a.tenant : world.a.owner.id],
  }
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}

/**
 * What A owns, as superuser: per table a count and md5 of A's rows (exposed global tables: all rows), each row
 * with its xmin so that even an update writing the same values is seen; for company tables about a
 * person (memberships, …) one hash per row with its person, so that "someone left" can be told apart
 * from other changes. One statement for all tables.
 */
export interface Snapshot {
  /** tables summed as a whole (one entry: count and md5) */
  whole: Set<string>
  /** table -> row hash -> person of the row ('' for whole tables) */
  rows: Map<string, Map<string, string>>
}

export async function snapshotA(db: pg.Client, tables: Scoped[], world: World): Promise<Snapshot> {
  // Global tables of private schemas (templates, site settings) are left out: other test files may
  // change them while this one runs.
  const own = tables.filter((s) => s.rel.kind === 'table' && (s.scope !== 'global' || s.rel.exposed))
  const parts = own.map((s) =>
    s.person
      ? `select ${literal(s.rel.sql)} as t, md5(t.xmin::text || ' ' || t::text) as h, t.${quoteIdent(s.person)}::text as who
         from ${s.rel.sql} t where ${ownedByA(s)}`
      : `select ${literal(s.rel.sql)} as t, count(*)::text || ':' || coalesce(md5(string_agg(t.xmin::text || ' ' || t::text,
           '|' order by t::text, t.xmin::text)), '') as h, '' as who from ${s.rel.sql} t where ${ownedByA(s)}`,
  )
  // Both parameters are referenced even when no table of one kind exists yet.
  parts.push(`select null as t, null as h, null as who where $1::uuid is null and $2::uuid is null`)
  // A named (prepared) statement: the audit takes this snapshot thousands of times, and planning a union
  // over every table costs more than running it on A's few rows.
  const text = parts.join('\nunion all\n')
  const name = `snapshot-a-${createHash('md5').update(text).digest('hex').slice(0, 12)}`
  const { rows } = await db.query({ name, text, values: [world.a.tenant, world.a.owner.id] })
  const snapshot: Snapshot = {
    whole: new Set(own.filter((s) => !s.person).map((s) => s.rel.sql)),
    rows: new Map(own.map((s) => [s.rel.sql, new Map()])),
  }
  for (const r of rows) snapshot.rows.get(r.t)?.set(r.h, r.who ?? '')
  return snapshot
}

export interface Change {
  table: string
  /** persons of the rows that appeared / disappeared; null for tables summed as a whole */
  added: string[] | null
  removed: string[] | null
}

/** The tables whose rows of A differ between two snapshots (an updated row is one removed, one added). */
export function changes(before: Snapshot, after: Snapshot): Change[] {
  const out: Change[] = []
  for (const [table, rows] of after.rows) {
    const old = before.rows.get(table) ?? new Map<string, string>()
    const added = [...rows.keys()].filter((h) => !old.has(h))
    const removed = [...old.keys()].filter((h) => !rows.has(h))
    if (added.length === 0 && removed.length === 0) continue
    if (after.whole.has(table)) out.push({ table, added: null, removed: null })
    else
      out.push({
        table,
        added: added.map((h) => rows.get(h) as string),
        removed: removed.map((h) => old.get(h) as string),
      })
  }
  return out
}

export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

/** One row of A (global tables: any row) as JSON, with its primary-key values as text for filters. */
export async function sampleRow(
  db: pg.Client,
  s: Scoped,
  world: World,
): Promise<{ row: Record<string, unknown>; key: Record<string, string> } | null> {
  const key = s.rel.primaryKey.length > 0 ? s.rel.primaryKey : s.column ? [s.column] : []
  const keySql = key.map((k) => `${literal(k)}, t.${quoteIdent(k)}::text`).join(', ')
  const { where, params } = filterA(s, world)
  const { rows } = await db.query(
    `select to_jsonb(t) as row, jsonb_build_object(${keySql}) as key from ${s.rel.sql} t where ${where}
     order by t::text limit 1`,
    params,
  )
  return rows[0] ?? null
}

/** A value of a column's type that is likely valid (as text, for a cast); null when nothing sensible. */
function placeholder(column: Column): string | null {
  const { name, type, enumLabels } = column
  if (enumLabels?.length) return enumLabels[0]
  if (type.endsWith('[]')) {
    const element = placeholder({ ...column, type: type.slice(0, -2) })
    return element === null ? '{}' : `{"${element.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"}`
  }
  const fixed = /^(?:character|char)\((\d+)\)$/.exec(type)
  if (fixed) return 'X'.repeat(Number(fixed[1]))
  if (/^(text|character varying|varchar|citext|name)/.test(type)) {
    if (/email/.test(name)) return `iso-${randomHex(4)}@example.test`
    if (/url|link/.test(name)) return 'http://127.0.0.1/'
    return `audit${randomHex(3)}`
  }
  if (type === 'uuid') return crypto.randomUUID()
  if (/^(smallint|integer|bigint|numeric|real|double precision)/.test(type)) return '1'
  if (type === 'boolean') return 'false'
  if (type === 'date') return new Date().toISOString().slice(0, 10)
  if (type.startsWith('timestamp')) return new Date().toISOString()
  if (type.startsWith('time')) return '12:00'
  if (type === 'interval') return '1 day'
  if (type === 'json' || type === 'jsonb') return '{}'
  // 32 bytes: the size of the SHA-256 digests such columns usually hold
  if (type === 'bytea') return `\\x${randomHex(32)}`
  if (type === 'inet' || type === 'cidr') return '127.0.0.1'
  return null
}

function randomHex(bytes: number): string {
  return [...crypto.getRandomValues(new Uint8Array(bytes))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
}

/** Another value of the same type for a key column copied from another row (keeps lengths). */
function fresh(column: Column, value: string | null): string | null {
  if (value === null) return placeholder(column)
  if (column.type === 'uuid') return crypto.randomUUID()
  if (column.type === 'bytea') return `\\x${randomHex(Math.max(1, (value.length - 2) / 2))}`
  if (/^(text|character varying|varchar|citext)/.test(column.type)) {
    const at = value.indexOf('@')
    return at > 0 ? `${value.slice(0, at)}${randomHex(3)}${value.slice(at)}` : `${value}${randomHex(3)}`
  }
  if (/^(smallint|integer|bigint|numeric)/.test(column.type))
    return String(100000 + Math.floor(Math.random() * 800000))
  return value
}

type Values = Map<string, string | null>

/** Points the row's foreign keys at rows of A (or A's owner); nullable ones not fixed by A become null. */
async function aimForeignKeys(db: pg.Client, s: Scoped, all: Scoped[], world: World, values: Values) {
  const byName = new Map(s.rel.columns.map((c) => [c.name, c]))
  for (const fk of s.rel.foreignKeys) {
    const open = fk.columns.filter((c) => c !== s.column)
    if (open.length === 0) continue
    if (open.every((c) => !byName.get(c)?.notNull)) {
      for (const c of open) values.set(c, null)
      continue
    }
    const target = all.find((t) => t.rel.sql === fk.refTable)
    const conditions: string[] = []
    const params: string[] = []
    fk.columns.forEach((c, i) => {
      if (c === s.column) {
        params.push(values.get(c) as string)
        conditions.push(`r.${quoteIdent(fk.refColumns[i])}::text = $${params.length}`)
      }
    })
    if (fk.refTable === 'auth.users') {
      params.push(world.a.owner.id)
      conditions.push(`r.id::text = $${params.length}`)
    } else if (target && target.scope !== 'global' && target.column) {
      params.push(target.scope === 'tenant' ? world.a.tenant : world.a.owner.id)
      conditions.push(`r.${quoteIdent(target.column)}::text = $${params.length}`)
    }
    const cols = fk.refColumns.map((c) => `r.${quoteIdent(c)}::text`).join(', ')
    const where = conditions.length ? `where ${conditions.join(' and ')}` : ''
    const { rows } = await db.query({
      text: `select ${cols} from ${fk.refTable} r ${where} limit 1`,
      values: params,
      rowMode: 'array',
    })
    if (rows[0]) for (const [i, c] of fk.columns.entries()) values.set(c, rows[0][i])
  }
}

/** A row copied from another company (as text), keys renewed, for A. */
async function copiedRow(db: pg.Client, s: Scoped, all: Scoped[], world: World): Promise<Values | null> {
  if (!s.column) return null
  const select = s.rel.columns.map((c) => `t.${quoteIdent(c.name)}::text`).join(', ')
  const { rows } = await db.query({
    text: `select ${select} from ${s.rel.sql} t where t.${quoteIdent(s.column)} <> $1::uuid limit 1`,
    values: [world.a.tenant],
    rowMode: 'array',
  })
  if (!rows[0]) return null
  const values: Values = new Map()
  const keys = new Set([...s.rel.primaryKey, ...s.rel.unique.flat()])
  s.rel.columns.forEach((c, i) => {
    if (c.generated || (keys.has(c.name) && c.hasDefault)) return
    values.set(c.name, keys.has(c.name) ? fresh(c, rows[0][i]) : rows[0][i])
  })
  values.set(s.column, world.a.tenant)
  await aimForeignKeys(db, s, all, world, values)
  return values
}

/** A row made of defaults and placeholders, for A. */
async function madeRow(db: pg.Client, s: Scoped, all: Scoped[], world: World): Promise<Values> {
  const values: Values = new Map()
  if (s.column) values.set(s.column, s.scope === 'tenant' ? world.a.tenant : world.a.owner.id)
  await aimForeignKeys(db, s, all, world, values)
  for (const c of s.rel.columns) {
    if (values.has(c.name) || c.generated || c.hasDefault || !c.notNull) continue
    values.set(c.name, placeholder(c))
  }
  return values
}

/**
 * Inserts one row for company A into a tenant table A has no row in, as superuser: first a copy of
 * another company's row, else defaults and placeholders; foreign keys aimed at A's rows. Returns the
 * database's error when neither works.
 */
export async function seedRowForA(
  db: pg.Client,
  s: Scoped,
  all: Scoped[],
  world: World,
): Promise<string | null> {
  const byName = new Map(s.rel.columns.map((c) => [c.name, c]))
  let last = 'no row to copy and no way to make one'
  for (const make of [copiedRow, madeRow]) {
    const values = await make(db, s, all, world)
    if (!values) continue
    const cols = [...values.keys()]
    const sql = `insert into ${s.rel.sql} (${cols.map(quoteIdent).join(', ')})
      values (${cols.map((c, i) => `$${i + 1}::${byName.get(c)?.type ?? 'text'}`).join(', ')})`
    try {
      await db.query(sql, [...values.values()])
      return null
    } catch (error) {
      last = (error as Error).message
    }
  }
  return last
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Values that must never reach someone outside company A: its name, its owner's e-mail, its rows' uuid keys. */
export async function leakMarkers(
  db: pg.Client,
  tables: Scoped[],
  world: World,
): Promise<Array<{ value: string; table: string }>> {
  const markers = [
    { value: world.a.name, table: 'company name' },
    { value: world.a.owner.email, table: "owner's e-mail" },
  ]
  for (const s of tables) {
    if (s.scope === 'global' || s.rel.kind !== 'table' || s.rel.primaryKey.length !== 1) continue
    const { where, params } = filterA(s, world)
    const { rows } = await db.query(
      `select t.${quoteIdent(s.rel.primaryKey[0])}::text as v from ${s.rel.sql} t where ${where}`,
      params,
    )
    // uuids only: a text key of A could equal some ordinary value of B's
    for (const r of rows) if (uuidPattern.test(r.v ?? '')) markers.push({ value: r.v, table: s.rel.sql })
  }
  return markers
}
