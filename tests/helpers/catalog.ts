// What the database exposes, read from the catalog (never from a hand-written list), for the isolation
// audit and the schema lints: schemas, relations with their columns and keys, callable functions, policies.
import type pg from 'pg'
import { readSupabaseConfig } from '../../stack/config.ts'

/** PostgREST's db-schemas: what the API serves (config.toml [api] schemas, as stack/postgrest.ts reads it). */
export async function exposedSchemas(): Promise<string[]> {
  const config = await readSupabaseConfig()
  return config.api?.schemas ?? ['public']
}

/** Schemas of the platform (Supabase's own); everything else that is not pg_* is ours (public, app_private, …). */
export const platformSchemas = [
  'information_schema',
  'auth',
  'extensions',
  'realtime',
  '_realtime',
  'storage',
  'graphql',
  'graphql_public',
  'vault',
  'pgsodium',
  'pgsodium_masks',
  'net',
  'supabase_functions',
  'supabase_migrations',
  'cron',
  'pgbouncer',
  '_analytics',
]

/** SQL predicate on a pg_namespace alias: one of our schemas. */
export function ownSchemaSql(alias: string): string {
  const list = platformSchemas.map((s) => `'${s}'`).join(', ')
  return `(${alias}.nspname not like 'pg\\_%' and ${alias}.nspname not in (${list}))`
}

/** SQL predicate: the object (classid catalog, objid) is not a member of an extension. */
export function notExtensionMemberSql(catalog: 'pg_class' | 'pg_proc', oid: string): string {
  return `not exists (select 1 from pg_catalog.pg_depend d where d.classid = 'pg_catalog.${catalog}'::regclass
    and d.objid = ${oid} and d.deptype = 'e')`
}

export interface Column {
  name: string
  type: string
  notNull: boolean
  hasDefault: boolean
  /** identity ALWAYS or generated: the API cannot write it */
  generated: boolean
  enumLabels: string[] | null
}

export interface ForeignKey {
  columns: string[]
  refTable: string
  refColumns: string[]
}

export interface Relation {
  oid: number
  schema: string
  name: string
  /** schema-qualified and quoted, for SQL */
  sql: string
  kind: 'table' | 'view' | 'matview' | 'foreign'
  exposed: boolean
  rls: boolean
  columns: Column[]
  primaryKey: string[]
  /** columns of each unique index other than the primary key */
  unique: string[][]
  foreignKeys: ForeignKey[]
  /** Table-level privileges of the API roles: anon.select, authenticated.insert, … */
  privileges: Record<'anon' | 'authenticated', Record<'select' | 'insert' | 'update' | 'delete', boolean>>
  /** Columns each API role may insert / update (column privileges included). */
  writable: Record<'anon' | 'authenticated', { insert: string[]; update: string[] }>
}

const kinds: Record<string, Relation['kind']> = {
  r: 'table',
  p: 'table',
  v: 'view',
  m: 'matview',
  f: 'foreign',
}

/** Every relation in our schemas (exposed ones flagged), extension members excluded. */
export async function listRelations(db: pg.Client): Promise<Relation[]> {
  const exposed = await exposedSchemas()
  const { rows } = await db.query(
    `select c.oid::int as oid, n.nspname as schema, c.relname as name, c.relkind as kind,
       c.relrowsecurity as rls, format('%I.%I', n.nspname, c.relname) as sql,
       n.nspname = any($1) as exposed,
       (select coalesce(json_agg(json_build_object(
           'name', a.attname, 'type', pg_catalog.format_type(a.atttypid, a.atttypmod),
           'notNull', a.attnotnull, 'hasDefault', a.atthasdef or a.attidentity <> '',
           'generated', a.attidentity = 'a' or a.attgenerated <> '',
           'enumLabels', (select json_agg(e.enumlabel order by e.enumsortorder) from pg_catalog.pg_enum e
                          where e.enumtypid = a.atttypid),
           'anonInsert', pg_catalog.has_column_privilege('anon', c.oid, a.attnum, 'INSERT'),
           'anonUpdate', pg_catalog.has_column_privilege('anon', c.oid, a.attnum, 'UPDATE'),
           'authInsert', pg_catalog.has_column_privilege('authenticated', c.oid, a.attnum, 'INSERT'),
           'authUpdate', pg_catalog.has_column_privilege('authenticated', c.oid, a.attnum, 'UPDATE')
         ) order by a.attnum), '[]')
        from pg_catalog.pg_attribute a where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
       (select coalesce(json_agg(a.attname order by k.ord), '[]')
        from pg_catalog.pg_index i cross join lateral unnest(i.indkey) with ordinality k(attnum, ord)
        join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = c.oid and i.indisprimary) as "primaryKey",
       (select coalesce(json_agg((select json_agg(a.attname) from unnest(i.indkey) k(attnum)
                                  join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum)), '[]')
        from pg_catalog.pg_index i where i.indrelid = c.oid and i.indisunique and not i.indisprimary) as unique,
       (select coalesce(json_agg(json_build_object(
           'columns', (select json_agg(a.attname order by k.ord) from unnest(f.conkey) with ordinality k(attnum, ord)
                       join pg_catalog.pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum),
           'refTable', (select format('%I.%I', rn.nspname, rc.relname) from pg_catalog.pg_class rc
                        join pg_catalog.pg_namespace rn on rn.oid = rc.relnamespace where rc.oid = f.confrelid),
           'refColumns', (select json_agg(a.attname order by k.ord) from unnest(f.confkey) with ordinality k(attnum, ord)
                          join pg_catalog.pg_attribute a on a.attrelid = f.confrelid and a.attnum = k.attnum))), '[]')
        from pg_catalog.pg_constraint f where f.conrelid = c.oid and f.contype = 'f') as "foreignKeys",
       json_build_object(
         'anon', json_build_object(
           'select', pg_catalog.has_table_privilege('anon', c.oid, 'SELECT'),
           'insert', pg_catalog.has_table_privilege('anon', c.oid, 'INSERT'),
           'update', pg_catalog.has_table_privilege('anon', c.oid, 'UPDATE'),
           'delete', pg_catalog.has_table_privilege('anon', c.oid, 'DELETE')),
         'authenticated', json_build_object(
           'select', pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'),
           'insert', pg_catalog.has_table_privilege('authenticated', c.oid, 'INSERT'),
           'update', pg_catalog.has_table_privilege('authenticated', c.oid, 'UPDATE'),
           'delete', pg_catalog.has_table_privilege('authenticated', c.oid, 'DELETE'))) as privileges
     from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where ${ownSchemaSql('n')} and c.relkind in ('r', 'p', 'v', 'm', 'f')
       and not c.relispartition and ${notExtensionMemberSql('pg_class', 'c.oid')}
     order by n.nspname, c.relname`,
    [exposed],
  )
  return rows.map((r) => {
    const columns = r.columns as Array<
      Column & Record<'anonInsert' | 'anonUpdate' | 'authInsert' | 'authUpdate', boolean>
    >
    const pick = (flag: 'anonInsert' | 'anonUpdate' | 'authInsert' | 'authUpdate') =>
      columns.filter((c) => c[flag] && !c.generated).map((c) => c.name)
    return {
      ...r,
      kind: kinds[r.kind],
      columns: columns.map(({ name, type, notNull, hasDefault, generated, enumLabels }) => ({
        name,
        type,
        notNull,
        hasDefault,
        generated,
        enumLabels,
      })),
      writable: {
        anon: { insert: pick('anonInsert'), update: pick('anonUpdate') },
        authenticated: { insert: pick('authInsert'), update: pick('authUpdate') },
      },
    } as Relation
  })
}

export interface Param {
  name: string
  type: string
  /** base type for arrays/domains, e.g. uuid for uuid[] */
  elementType: string | null
  enumLabels: string[] | null
  hasDefault: boolean
}

export interface ApiFunction {
  oid: number
  name: string
  signature: string
  params: Param[]
  securityDefiner: boolean
  anonCanExecute: boolean
  authenticatedCanExecute: boolean
  /** Why PostgREST cannot call it, if it cannot (triggers, procedures, unnamed parameters, …). */
  notCallable: string | null
}

/** Every function in the API schemas, extension members excluded, with what is needed to call it over REST. */
export async function listApiFunctions(db: pg.Client): Promise<ApiFunction[]> {
  const exposed = await exposedSchemas()
  const { rows } = await db.query(
    `select p.oid::int as oid, p.proname as name, p.prosecdef as "securityDefiner",
       format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid)) as signature,
       pg_catalog.has_function_privilege('anon', p.oid, 'EXECUTE') as "anonCanExecute",
       pg_catalog.has_function_privilege('authenticated', p.oid, 'EXECUTE') as "authenticatedCanExecute",
       case
         when p.prokind = 'p' then 'a procedure'
         when p.prokind in ('a', 'w') then 'an aggregate or window function'
         when p.prorettype in ('pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype) then 'a trigger function'
         when exists (select 1 from unnest(p.proargtypes) t(oid) join pg_catalog.pg_type ty on ty.oid = t.oid
                      where ty.typtype = 'p') then 'a pseudo-type parameter'
         when exists (select 1 from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(typ, ord)
                      where (p.proargmodes is null or p.proargmodes[a.ord] in ('i', 'b', 'v'))
                        and coalesce(p.proargnames[a.ord], '') = '') then 'an unnamed parameter'
       end as "notCallable",
       (select coalesce(json_agg(json_build_object(
           'name', x.name,
           'type', pg_catalog.format_type(x.typ, null),
           'elementType', (select pg_catalog.format_type(coalesce(nullif(bt.typelem, 0), nullif(bt.typbasetype, 0)), null)
                           from pg_catalog.pg_type bt where bt.oid = x.typ
                             and (bt.typelem <> 0 and bt.typcategory = 'A' or bt.typbasetype <> 0)),
           'enumLabels', (select json_agg(e.enumlabel order by e.enumsortorder) from pg_catalog.pg_enum e
                          where e.enumtypid = x.typ),
           'hasDefault', x.inpos > p.pronargs - p.pronargdefaults) order by x.ord), '[]')
        from (select a.typ, a.ord, coalesce(p.proargnames[a.ord], '') as name, row_number() over (order by a.ord) as inpos
              from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality a(typ, ord)
              where p.proargmodes is null or p.proargmodes[a.ord] in ('i', 'b', 'v')) x) as params
     from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
     where n.nspname = any($1) and ${notExtensionMemberSql('pg_proc', 'p.oid')}
     order by p.proname, p.oid`,
    [exposed],
  )
  return rows as ApiFunction[]
}

export interface Policy {
  table: string
  name: string
  permissive: boolean
  roles: string[]
  command: 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'ALL'
  using: string | null
  check: string | null
}

/** Policies on our schemas' tables; `table` is schema-qualified and quoted like Relation.sql. */
export async function listPolicies(db: pg.Client): Promise<Policy[]> {
  const { rows } = await db.query(
    `select format('%I.%I', n.nspname, c.relname) as "table", p.polname as name, p.polpermissive as permissive,
       case when p.polroles = '{0}' then array['public'] else
         array(select r.rolname from pg_catalog.pg_roles r where r.oid = any (p.polroles) order by 1)::text[] end as roles,
       case p.polcmd when 'r' then 'SELECT' when 'a' then 'INSERT' when 'w' then 'UPDATE' when 'd' then 'DELETE'
         else 'ALL' end as command,
       pg_catalog.pg_get_expr(p.polqual, p.polrelid) as using,
       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) as check
     from pg_catalog.pg_policy p join pg_catalog.pg_class c on c.oid = p.polrelid
     join pg_catalog.pg_namespace n on n.oid = c.relnamespace
     where ${ownSchemaSql('n')}
     order by 1, 2`,
  )
  return rows as Policy[]
}

/** Strips the parentheses that wrap a whole expression. */
function unwrap(expr: string): string {
  let e = expr.trim()
  while (e.startsWith('(') && e.endsWith(')')) {
    let depth = 0
    let wrapsAll = true
    for (let i = 0; i < e.length; i++) {
      if (e[i] === '(') depth++
      else if (e[i] === ')') depth--
      if (depth === 0 && i < e.length - 1) {
        wrapsAll = false
        break
      }
    }
    if (!wrapsAll) break
    e = e.slice(1, -1).trim()
  }
  return e
}

/** The top-level AND terms of a deparsed expression (string literals are not parsed: policies rarely need them). */
export function conjuncts(expr: string): string[] {
  const e = unwrap(expr)
  const parts: string[] = []
  let depth = 0
  let start = 0
  let quoted = false
  for (let i = 0; i < e.length; i++) {
    const ch = e[i]
    if (ch === "'") quoted = !quoted
    if (quoted) continue
    if (ch === '(') depth++
    else if (ch === ')') depth--
    else if (depth === 0 && e.startsWith(' AND ', i)) {
      parts.push(unwrap(e.slice(start, i)))
      start = i + 5
    }
  }
  parts.push(unwrap(e.slice(start)))
  return parts
}

// `col = (select app_private.tenant_if_can('res', 'act'))` (what enable_tenant_rls writes) or the older
// `col = (select app_private.current_tenant_id())` form.
const pinPattern =
  /^"?(\w+)"? = (?:\( SELECT app_private\.current_tenant_id\(\) AS current_tenant_id\)|app_private\.current_tenant_id\(\)|\( SELECT app_private\.tenant_if_can\('[^']*'::text, '[^']*'::text\) AS tenant_if_can\))$/

/** The column a policy expression pins to the request's company, if it does so as a top-level AND term. */
export function pinnedTenantColumn(expr: string | null): string | null {
  if (!expr) return null
  for (const term of conjuncts(expr)) {
    const m = pinPattern.exec(term)
    if (m) return m[1]
  }
  return null
}

/** The (resource, action) rights an expression asks app_private.can() or tenant_if_can() for. */
export function canCalls(expr: string | null): Array<[string, string]> {
  return [
    ...(expr ?? '').matchAll(/app_private\.(?:can|tenant_if_can)\('([^']*)'::text, '([^']*)'::text\)/g),
  ].map((m) => [m[1], m[2]])
}

export type Command = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE'

/** Permissive policies that let role `authenticated` run `command` on `table`. */
export function policiesFor(policies: Policy[], table: string, command: Command): Policy[] {
  return policies.filter(
    (p) =>
      p.table === table &&
      p.permissive &&
      (p.command === command || p.command === 'ALL') &&
      p.roles.some((r) => r === 'authenticated' || r === 'public'),
  )
}

/**
 * Whether the permission matrix lets someone holding `rights` ("resource:action") run `command`:
 * 'matrix-yes' / 'matrix-no' when every policy for the command asks app_private.can(); 'not-matrix' when
 * some policy grants it without asking the matrix (then the matrix cannot be what denies it).
 */
export function matrixAllows(
  policies: Policy[],
  table: string,
  command: Command,
  rights: Set<string>,
): 'matrix-yes' | 'matrix-no' | 'not-matrix' {
  const relevant = policiesFor(policies, table, command)
  let yes = false
  for (const p of relevant) {
    const calls = [...canCalls(p.using), ...canCalls(p.check)]
    if (calls.length === 0) return 'not-matrix'
    if (calls.every(([res, act]) => rights.has(`${res}:${act}`))) yes = true
  }
  return yes ? 'matrix-yes' : 'matrix-no'
}
