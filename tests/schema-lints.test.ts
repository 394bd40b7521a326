// Schema lints equivalent to Supabase's security advisor (and its RLS performance lint), run on the real
// schema after every migration. Each lint lists its findings, with the fix, and fails on any.
// Objects that belong to extensions and the platform's schemas (auth, extensions, realtime, …) are not
// ours and are left out; "exposed" means PostgREST's db-schemas (config.toml [api] schemas).
//
// Convention for SECURITY DEFINER functions the API can call: `comment on function` must say why, with
// the words "SECURITY DEFINER because" and a reason, e.g.
//   comment on function public.create_company(...) is 'Creates a company …
//     SECURITY DEFINER because the caller is not a member yet, so RLS would hide the rows it writes';
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  conjuncts,
  exposedSchemas,
  listPolicies,
  notExtensionMemberSql,
  ownSchemaSql,
} from './helpers/catalog.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let exposed: string[]

beforeAll(async () => {
  db = await superuserDb()
  exposed = await exposedSchemas()
})

afterAll(async () => {
  await db?.end()
})

/** Runs a lint query returning one `finding` text per row. */
async function findings(sql: string): Promise<string[]> {
  const { rows } = await db.query(sql, sql.includes('$1') ? [exposed] : [])
  return rows.map((r) => r.finding as string)
}

const relations = `pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace`
const name = `format('%I.%I', n.nspname, c.relname)`
const functionName = `format('%I.%I(%s)', n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid))`

/** The wording a SECURITY DEFINER function's comment must contain (see the header). */
const securityDefinerReason = /security definer because\W+\S.{8,}/is

describe('schema lints (security advisor)', () => {
  it('RLS is on for every exposed table', async () => {
    expect(
      await findings(`
        select ${name} || ': RLS is off — alter table ' || ${name} || ' enable row level security, and add policies'
          as finding
        from ${relations}
        where n.nspname = any ($1) and c.relkind in ('r', 'p') and not c.relrowsecurity
          and ${notExtensionMemberSql('pg_class', 'c.oid')}
        union all
        -- materialized views and foreign tables cannot have RLS: the API roles must not read them
        select ${name} || ': a ' || case c.relkind when 'm' then 'materialized view' else 'foreign table' end
          || ' the API can read without RLS — move it to a private schema or revoke select from anon, authenticated'
        from ${relations}
        where n.nspname = any ($1) and c.relkind in ('m', 'f')
          and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
               or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))
          and ${notExtensionMemberSql('pg_class', 'c.oid')}
        order by 1`),
    ).toEqual([])
  })

  it('no exposed table has RLS on without a policy', async () => {
    expect(
      await findings(`
        select ${name} || ': RLS is on but no policy exists, so the API sees nothing — add the policies'
          || ' (policies/NN_<module>.sql: call app_private.enable_tenant_rls(...))' as finding
        from ${relations}
        where n.nspname = any ($1) and c.relkind in ('r', 'p') and c.relrowsecurity
          and not exists (select 1 from pg_catalog.pg_policy p where p.polrelid = c.oid)
          and ${notExtensionMemberSql('pg_class', 'c.oid')}
        order by 1`),
    ).toEqual([])
  })

  it('no policy exists on a table whose RLS is off', async () => {
    expect(
      await findings(`
        select distinct ${name} || ': has policies but RLS is off — alter table ' || ${name}
          || ' enable row level security' as finding
        from ${relations} join pg_catalog.pg_policy p on p.polrelid = c.oid
        where ${ownSchemaSql('n')} and not c.relrowsecurity
        order by 1`),
    ).toEqual([])
  })

  it('no policy on an exposed table applies to role public', async () => {
    expect(
      await findings(`
        select ${name} || ' policy ' || p.polname || ': applies to public (anon included) — recreate it with'
          || ' "to authenticated" (or name the roles, e.g. "to anon, authenticated", if anon must see it)' as finding
        from ${relations} join pg_catalog.pg_policy p on p.polrelid = c.oid
        where n.nspname = any ($1) and p.polroles = '{0}'
        order by 1`),
    ).toEqual([])
  })

  it('every SECURITY DEFINER function the API roles can call says why', async () => {
    const { rows } = await db.query(
      `select ${functionName} as fn, coalesce(pg_catalog.obj_description(p.oid, 'pg_proc'), '') as comment,
         concat_ws(' and ', case when pg_catalog.has_function_privilege('anon', p.oid, 'EXECUTE') then 'anon' end,
           case when pg_catalog.has_function_privilege('authenticated', p.oid, 'EXECUTE') then 'authenticated' end) as who
       from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
       where n.nspname = any ($1) and p.prosecdef
         -- trigger functions cannot be called through the API
         and p.prorettype not in ('pg_catalog.trigger'::regtype, 'pg_catalog.event_trigger'::regtype)
         and (pg_catalog.has_function_privilege('anon', p.oid, 'EXECUTE')
              or pg_catalog.has_function_privilege('authenticated', p.oid, 'EXECUTE'))
         and ${notExtensionMemberSql('pg_proc', 'p.oid')}
       order by 1`,
      [exposed],
    )
    const found = rows
      .filter((r) => !securityDefinerReason.test(r.comment))
      .map(
        (r) =>
          `${r.fn}: SECURITY DEFINER and executable by ${r.who} without a reason — add "SECURITY DEFINER because` +
          ' <reason>" to its comment, or make it security invoker, or revoke execute from public, anon, authenticated',
      )
    expect(found).toEqual([])
  })

  it('every function of ours has a fixed search_path', async () => {
    expect(
      await findings(`
        select ${functionName} || ': search_path is not fixed — add "set search_path = ''''" and qualify every name'
          as finding
        from pg_catalog.pg_proc p join pg_catalog.pg_namespace n on n.oid = p.pronamespace
        where ${ownSchemaSql('n')} and p.prokind in ('f', 'p')
          and not exists (select 1 from unnest(p.proconfig) s where s like 'search\\_path=%')
          and ${notExtensionMemberSql('pg_proc', 'p.oid')}
        order by 1`),
    ).toEqual([])
  })

  it('every exposed view runs with the rights of its caller (security_invoker)', async () => {
    expect(
      await findings(`
        select ${name} || ': the view runs with its owner''s rights, bypassing RLS — create it "with'
          || ' (security_invoker = true)" or alter view ' || ${name} || ' set (security_invoker = true)' as finding
        from ${relations}
        where n.nspname = any ($1) and c.relkind = 'v'
          and not exists (select 1 from unnest(c.reloptions) o
                          where lower(o) in ('security_invoker=true', 'security_invoker=on', 'security_invoker=1',
                                             'security_invoker=yes'))
          and ${notExtensionMemberSql('pg_class', 'c.oid')}
        order by 1`),
    ).toEqual([])
  })

  it('no exposed view shows auth.users to the API roles', async () => {
    expect(
      await findings(`
        select distinct ${name} || ': reads auth.users and the API can select it — expose only public.profiles'
          as finding
        from ${relations}
        join pg_catalog.pg_rewrite w on w.ev_class = c.oid
        join pg_catalog.pg_depend d on d.classid = 'pg_catalog.pg_rewrite'::regclass and d.objid = w.oid
        where n.nspname = any ($1) and c.relkind in ('v', 'm') and d.refobjid = 'auth.users'::regclass
          and (pg_catalog.has_table_privilege('anon', c.oid, 'SELECT')
               or pg_catalog.has_table_privilege('authenticated', c.oid, 'SELECT'))
        order by 1`),
    ).toEqual([])
  })

  it('every table of ours has a primary key', async () => {
    expect(
      await findings(`
        select ${name} || ': no primary key — add one (logical replication, realtime and the audit log need it)'
          as finding
        from ${relations}
        where ${ownSchemaSql('n')} and c.relkind in ('r', 'p') and not c.relispartition
          and not exists (select 1 from pg_catalog.pg_index i where i.indrelid = c.oid and i.indisprimary)
          and ${notExtensionMemberSql('pg_class', 'c.oid')}
        order by 1`),
    ).toEqual([])
  })

  it('every foreign key has an index whose leading columns cover it', async () => {
    expect(
      await findings(`
        select ${name} || ' foreign key ' || f.conname || ' (' || cols.list || '): no index starts with these columns'
          || ' — create index on ' || ${name} || ' (' || cols.list || ')' as finding
        from pg_catalog.pg_constraint f
        join ${relations} on c.oid = f.conrelid
        cross join lateral (
          select string_agg(quote_ident(a.attname), ', ' order by k.ord) as list
          from unnest(f.conkey) with ordinality k(attnum, ord)
          join pg_catalog.pg_attribute a on a.attrelid = f.conrelid and a.attnum = k.attnum
        ) cols
        where f.contype = 'f' and ${ownSchemaSql('n')} and not c.relispartition
          and ${notExtensionMemberSql('pg_class', 'c.oid')}
          and not exists (
            select 1 from pg_catalog.pg_index i
            where i.indrelid = f.conrelid and i.indpred is null
              and i.indnkeyatts >= cardinality(f.conkey)
              and (select array_agg(x order by x) from unnest((i.indkey::int2[])[0:cardinality(f.conkey) - 1]) x)
                = (select array_agg(x order by x) from unnest(f.conkey) x))
        order by 1`),
    ).toEqual([])
  })

  it('no extension lives in schema public', async () => {
    expect(
      await findings(`
        select e.extname || ': installed in public — create extension ' || quote_ident(e.extname)
          || ' with schema extensions (or alter extension ... set schema extensions)' as finding
        from pg_catalog.pg_extension e join pg_catalog.pg_namespace n on n.oid = e.extnamespace
        where n.nspname = 'public' or n.nspname = any ($1)
        order by 1`),
    ).toEqual([])
  })

  it('no policy reads user_metadata (people can edit it themselves)', async () => {
    const found = (await listPolicies(db))
      .filter((p) => /user_meta_?data/i.test(`${p.using ?? ''} ${p.check ?? ''}`))
      .map(
        (p) =>
          `${p.table} policy ${p.name}: reads user_metadata, which every person can change — decide from` +
          ' tables (memberships, role_permissions) or app_metadata instead',
      )
    expect(found).toEqual([])
  })

  it('policies call auth and request functions once per query, wrapped in (select …)', async () => {
    // Supabase's auth_rls_initplan lint: an unwrapped call runs once per row. Calls with column
    // arguments cannot be wrapped and are left alone.
    const call = /\b(auth\.\w+|current_setting|app_private\.\w+)\(/g
    const constantArgs = /^\s*((('[^']*'(::[\w ]+)?)|\d+|true|false|NULL)\s*(,\s*|$))*$/
    const found: string[] = []
    for (const p of await listPolicies(db)) {
      for (const expr of [p.using, p.check]) {
        if (!expr) continue
        for (const m of expr.matchAll(call)) {
          const start = (m.index ?? 0) + m[0].length
          let depth = 1
          let end = start
          while (end < expr.length && depth > 0) {
            if (expr[end] === '(') depth++
            if (expr[end] === ')') depth--
            end++
          }
          const args = expr.slice(start, end - 1)
          const wrapped = expr.slice(0, m.index).endsWith('SELECT ')
          if (!wrapped && constantArgs.test(args))
            found.push(
              `${p.table} policy ${p.name}: ${m[1]}(${args}) is not wrapped — write (select ${m[1]}(${args}))`,
            )
        }
      }
    }
    expect([...new Set(found)]).toEqual([])
  })
})

// Keep the splitter honest: the isolation audit relies on it to find the company column of a policy.
describe('policy expression splitter', () => {
  it('splits top-level AND terms only', () => {
    expect(conjuncts('((a = 1) AND ((b = 2) OR (c = 3)))')).toEqual(['a = 1', '(b = 2) OR (c = 3)'])
  })
})
