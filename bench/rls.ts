// RLS cost: the same PostgREST queries as a tenant member (RLS policies of app_private.enable_tenant_rls)
// and as service_role (bypasses RLS, filtered by tenant_id=eq.X so that both get the same rows), over
// 1,000,000 rows spread over 1,000 tenants, same run. Goal: member p50 ≤ 1.3 × service_role p50.
// Requests go straight to PostgREST (the gateway adds the same cost to both and would only dilute the
// ratio; BENCH_VIA=gateway measures through /rest/v1 instead). Sequential rounds alternate member and
// service_role request by request; the concurrent rounds (autocannon in a child process, as in
// bench/gateway.ts) alternate role by role. Then EXPLAIN ANALYZE of each query as both roles.
// Run on demand: `npm run bench:rls`. Env: BENCH_TENANTS (1000), BENCH_ROWS (1000000), BENCH_ITERATIONS
// sequential requests per query and role (600), BENCH_CONNECTIONS (10), BENCH_SECONDS per concurrent
// round (5), BENCH_ROUNDS (3), BENCH_EXPLAIN=1 prints every plan (plans are printed anyway above goal).
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import pg from 'pg'
import { scratchDir } from '../stack/scratch.ts'
import { type StackInfo, startStack } from '../stack/stack.ts'
import { signUp } from './api.ts'
import { median } from './setup.ts'

const tenantCount = Number(process.env.BENCH_TENANTS ?? 1000)
const rowCount = Number(process.env.BENCH_ROWS ?? 1_000_000)
const iterations = Number(process.env.BENCH_ITERATIONS ?? 600)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const viaGateway = process.env.BENCH_VIA === 'gateway'
const explainAll = process.env.BENCH_EXPLAIN === '1'
const goal = 1.3
const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js')

type Role = 'member' | 'service_role'
const roles: Role[] = ['member', 'service_role']

interface Query {
  name: string
  /** PostgREST path and query string, without the tenant filter. */
  path: string
  prefer?: string
  /** The same query in SQL, `$tenant` where service_role filters by tenant (RLS does it for the member). */
  sql: string
}

const ms = (x: number) => `${x.toFixed(2)} ms`

// ───────────────────────────── set-up ─────────────────────────────

/** A company made as a person would (create_company through the API); its owner is not measured. */
async function createCompany(info: StackInfo, token: string): Promise<string> {
  const res = await fetch(`${info.apiUrl}/rest/v1/rpc/create_company`, {
    method: 'POST',
    headers: { apikey: info.anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ p_name: 'RLS 基准测试有限公司', p_credit_code: '91350100M000100Y43' }),
  })
  const body = await res.json()
  if (!res.ok) throw new Error(`create_company: ${JSON.stringify(body)}`)
  return body as string
}

/** A tenant table as a module would declare it: tenant_id first in its indexes, RLS by the shared mechanism. */
const createTable = `
  create table public.bench_rows (
    id bigint generated always as identity primary key,
    tenant_id uuid not null references public.tenants (id) on delete cascade,
    code text not null,
    customer text not null,
    status text not null,
    amount numeric(14, 2) not null,
    created_at timestamptz not null default now()
  );
  create index bench_rows_tenant_created_idx on public.bench_rows (tenant_id, created_at desc);
  create unique index bench_rows_tenant_code_idx on public.bench_rows (tenant_id, code);
  call app_private.enable_tenant_rls('public.bench_rows', 'departments');
`

async function load(info: StackInfo, tenant: string, member: string): Promise<void> {
  const db = new pg.Client({ connectionString: info.superuserDbUrl })
  await db.connect()
  try {
    // As postgres, like a migration: the default privileges grant the table to the API roles.
    await db.query('set role postgres')
    await db.query(createTable)
    await db.query('reset role')
    await db.query(
      `insert into public.tenants (name, credit_code, status)
       select format('基准公司 %s', g), '91350100M000100Y43', 'active'
       from generate_series(1, greatest(0, $1::int - (select count(*) from public.tenants))) g`,
      [tenantCount],
    )
    // The measured person: an ordinary employee of one company (default matrix: departments:read).
    await db.query(
      `with m as (
         insert into public.memberships (tenant_id, user_id, display_name) values ($1, $2, 'Bench member')
         returning tenant_id, user_id
       )
       insert into public.membership_roles (tenant_id, user_id, role_id)
       select m.tenant_id, m.user_id, r.id from m join public.roles r on r.tenant_id = m.tenant_id and r.key = 'employee'`,
      [tenant, member],
    )
    await db.query('update public.profiles set active_tenant_id = $1 where id = $2', [tenant, member])
    // Rows of all companies interleaved, as they arrive in real life (no tenant is physically clustered).
    await db.query(
      `insert into public.bench_rows (tenant_id, code, customer, status, amount, created_at)
       select t.ids[1 + g % t.n], 'SO' || lpad(g::text, 8, '0'), '客户 ' || (g / t.n) % 300,
         (array['draft', 'confirmed', 'shipped', 'invoiced', 'paid'])[1 + (g / t.n) % 5],
         ((g::bigint * 7919) % 10000000) / 100.0, timestamptz '2025-01-01 00:00+08' + g * interval '30 seconds'
       from (select array_agg(id order by id) as ids, count(*)::int as n from public.tenants) t,
         generate_series(1, $1::int) g`,
      [rowCount],
    )
    await db.query('vacuum analyze public.bench_rows')
    await db.query(
      'analyze public.tenants, public.memberships, public.membership_roles, public.role_permissions',
    )
    await db.query(`notify pgrst, 'reload schema'`)
  } finally {
    await db.end()
  }
}

// ───────────────────────────── measuring ─────────────────────────────

interface Target {
  url: string
  headers: Record<string, string>
}

async function fetchOnce(t: Target): Promise<{ ms: number; body: string }> {
  const started = performance.now()
  const res = await fetch(t.url, { headers: t.headers })
  const body = await res.text()
  const elapsed = performance.now() - started
  if (!res.ok) throw new Error(`${res.status} ${t.url}: ${body}`)
  return { ms: elapsed, body }
}

async function waitForTable(t: Target): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const res = await fetch(t.url, { headers: t.headers })
    await res.arrayBuffer()
    if (res.ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('PostgREST did not pick up public.bench_rows')
}

interface Cannon {
  latency: { p50: number; p99: number }
  requests: { average: number }
  errors: number
  non2xx: number
}

function cannon(t: Target, duration: number): Promise<Cannon> {
  const args = [cli, '--json', '-c', String(connections), '-d', String(duration)]
  for (const [k, v] of Object.entries(t.headers)) args.push('-H', `${k}=${v}`)
  args.push(t.url)
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as Cannon),
    ),
  )
}

// ───────────────────────────── EXPLAIN ANALYZE as each role ─────────────────────────────

async function explain(
  db: pg.Client,
  role: Role,
  q: Query,
  tenant: string,
  member: string,
): Promise<{ ms: number; plan: string }> {
  const claims = role === 'member' ? { sub: member, role: 'authenticated' } : { role: 'service_role' }
  const sql = q.sql.replace('$tenant', role === 'member' ? 'true' : `tenant_id = '${tenant}'`)
  const times: number[] = []
  let plan = ''
  for (let i = 0; i < 7; i++) {
    await db.query('begin')
    try {
      await db.query(`set local role ${role === 'member' ? 'authenticated' : 'service_role'}`)
      await db.query(
        `select set_config('request.jwt.claims', $1, true), set_config('request.headers', '{}', true)`,
        [JSON.stringify(claims)],
      )
      const { rows } = await db.query(`explain (analyze, buffers) ${sql}`)
      plan = rows.map((r) => r['QUERY PLAN']).join('\n')
      times.push(Number(plan.match(/Execution Time: ([\d.]+) ms/)?.[1]))
    } finally {
      await db.query('rollback')
    }
  }
  return { ms: median(times), plan }
}

// ───────────────────────────── the policy's own cost ─────────────────────────────

/**
 * Server-side cost per query of each sub-select the policy evaluates once (its initplans), with the
 * member's real claims and request headers: a fresh statement each time, as each API request is.
 */
async function initplanCosts(db: pg.Client, claims: string, headers: string): Promise<[string, number][]> {
  await db.query(`
    create schema if not exists bench;
    create or replace function bench.per_query_us(p_expr text, p_runs int) returns float8
    language plpgsql set search_path = '' as $$
    declare
      started timestamptz;
    begin
      for i in 1 .. 50 loop execute 'select (select ' || p_expr || ')'; end loop;
      started := clock_timestamp();
      for i in 1 .. p_runs loop execute 'select (select ' || p_expr || ')'; end loop;
      return extract(epoch from clock_timestamp() - started) * 1e6 / p_runs;
    end
    $$;
    grant usage on schema bench to authenticated;
    grant execute on function bench.per_query_us(text, int) to authenticated;`)
  const exprs = [
    '1',
    `app_private.tenant_if_can('departments', 'read')`,
    'app_private.current_tenant_id()',
    `app_private.can('departments', 'read')`,
  ]
  const out: [string, number][] = []
  await db.query('begin')
  try {
    await db.query('set local role authenticated')
    await db.query(
      `select set_config('request.jwt.claims', $1, true), set_config('request.headers', $2, true)`,
      [claims, headers],
    )
    for (const e of exprs) {
      const runs: number[] = []
      for (let i = 0; i < 5; i++)
        runs.push((await db.query('select bench.per_query_us($1, 2000) as us', [e])).rows[0].us)
      out.push([e === '1' ? 'a bare select (baseline)' : `(select ${e})`, median(runs)])
    }
  } finally {
    await db.query('rollback')
  }
  return out
}

// ───────────────────────────── the run ─────────────────────────────

const scratch = await scratchDir('troika-bench-')
const root = scratch.path
const stack = await startStack({
  port: 0,
  dbPort: 0,
  dataDir: join(root, 'db'),
  reset: true,
  durable: false,
  log: () => {},
})
try {
  const info = stack.info
  const started = performance.now()
  const owner = await signUp(info, 'bench-owner@example.test')
  const member = await signUp(info, 'bench-member@example.test')
  const tenant = await createCompany(info, owner.token)
  await load(info, tenant, member.id)
  console.log(
    `${rowCount.toLocaleString('en')} rows over ${tenantCount.toLocaleString('en')} tenants loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )

  const probe = new pg.Client({ connectionString: info.superuserDbUrl })
  await probe.connect()
  const mine = await probe.query<{ code: string; n: number }>(
    `select (select code from public.bench_rows where tenant_id = $1 order by code offset 300 limit 1) as code,
       (select count(*)::int from public.bench_rows where tenant_id = $1) as n`,
    [tenant],
  )
  const { code, n } = mine.rows[0]
  console.log(`the member's company holds ${n} rows; the member is an employee (departments:read)`)

  const queries: Query[] = [
    {
      name: 'list: 50 newest',
      path: 'bench_rows?select=*&order=created_at.desc&limit=50',
      sql: 'select * from public.bench_rows where $tenant order by created_at desc limit 50',
    },
    {
      name: 'list page with count=exact',
      path: 'bench_rows?select=*&order=created_at.desc&limit=50&offset=100',
      prefer: 'count=exact',
      sql: 'select count(*) from public.bench_rows where $tenant',
    },
    {
      name: 'filter: code=eq (indexed)',
      path: `bench_rows?select=*&code=eq.${code}`,
      sql: `select * from public.bench_rows where $tenant and code = '${code}'`,
    },
    {
      name: 'filter: status=eq, 50 newest',
      path: 'bench_rows?select=*&status=eq.shipped&order=created_at.desc&limit=50',
      sql: `select * from public.bench_rows where $tenant and status = 'shipped' order by created_at desc limit 50`,
    },
  ]

  const base = viaGateway ? `${info.apiUrl}/rest/v1` : info.restUrl
  const target = (role: Role, q: Query): Target => {
    const key = role === 'member' ? member.token : info.serviceRoleKey
    const headers: Record<string, string> = {
      apikey: role === 'member' ? info.anonKey : info.serviceRoleKey,
      authorization: `Bearer ${key}`,
    }
    if (q.prefer) headers.prefer = q.prefer
    const url = `${base}/${q.path}${role === 'service_role' ? `&tenant_id=eq.${tenant}` : ''}`
    return { url, headers }
  }
  await waitForTable(target('service_role', queries[0]))

  // Same rows for both, or the comparison means nothing.
  for (const q of queries) {
    const [m, s] = await Promise.all(roles.map((r) => fetchOnce(target(r, q))))
    const rows = JSON.parse(m.body) as { tenant_id: string }[]
    if (m.body !== s.body || rows.length === 0 || rows.some((r) => r.tenant_id !== tenant)) {
      throw new Error(`${q.name}: member and service_role do not get the same rows of the member's company`)
    }
  }

  console.log(
    `\nvia ${viaGateway ? 'the gateway (/rest/v1)' : 'PostgREST directly'}; sequential: ${iterations} requests per query and role, alternating`,
  )
  const ratios: number[] = []
  const sequential: Record<string, Record<Role, number>> = {}
  for (const q of queries) {
    const samples: Record<Role, number[]> = { member: [], service_role: [] }
    for (let i = 0; i < 50; i++) for (const r of roles) await fetchOnce(target(r, q))
    for (let i = 0; i < iterations; i++) {
      const order = i % 2 === 0 ? roles : [...roles].reverse()
      for (const r of order) samples[r].push((await fetchOnce(target(r, q))).ms)
    }
    const p50 = { member: median(samples.member), service_role: median(samples.service_role) }
    sequential[q.name] = p50
    ratios.push(p50.member / p50.service_role)
    console.log(
      `  ${q.name.padEnd(30)} member p50 ${ms(p50.member)}  service_role p50 ${ms(p50.service_role)}  ratio ${(p50.member / p50.service_role).toFixed(2)}`,
    )
  }

  console.log(
    `\nconcurrent: ${connections} connections (autocannon, whole-ms latencies), ${rounds} alternating rounds of ${seconds} s (medians)`,
  )
  for (const q of queries) {
    for (const r of roles) await cannon(target(r, q), 1)
    const runs: Record<Role, Cannon[]> = { member: [], service_role: [] }
    for (let i = 0; i < rounds; i++) for (const r of roles) runs[r].push(await cannon(target(r, q), seconds))
    const sum = (r: Role) => ({
      p50: median(runs[r].map((x) => x.latency.p50)),
      rps: median(runs[r].map((x) => x.requests.average)),
      bad: runs[r].reduce((k, x) => k + x.errors + x.non2xx, 0),
    })
    const m = sum('member')
    const s = sum('service_role')
    // Not part of the verdict: autocannon reports whole milliseconds, so 7 vs 6 ms reads as 1.17.
    console.log(
      `  ${q.name.padEnd(30)} member p50 ${m.p50} ms ${Math.round(m.rps)} req/s  service_role p50 ${s.p50} ms ${Math.round(s.rps)} req/s  ratio p50 ${(m.p50 / s.p50).toFixed(2)} req/s ${(s.rps / m.rps).toFixed(2)}  errors ${m.bad + s.bad}`,
    )
  }

  const over = ratios.some((x) => x > goal)
  console.log('\nEXPLAIN ANALYZE in the database (median execution time of 7), member vs service_role')
  for (const q of queries) {
    const m = await explain(probe, 'member', q, tenant, member.id)
    const s = await explain(probe, 'service_role', q, tenant, member.id)
    console.log(`  ${q.name.padEnd(30)} member ${ms(m.ms)}  service_role ${ms(s.ms)}`)
    if (over || explainAll) {
      console.log(`\n  -- as the member:\n${m.plan.replace(/^/gm, '    ')}`)
      console.log(`\n  -- as service_role:\n${s.plan.replace(/^/gm, '    ')}\n`)
    }
  }
  // What PostgREST sets for the member's requests: the token's claims and the request headers.
  const claims = Buffer.from(member.token.split('.')[1], 'base64url').toString()
  const sent = target('member', queries[0]).headers
  const headers = JSON.stringify({
    host: new URL(base).host,
    connection: 'keep-alive',
    ...sent,
    accept: '*/*',
  })
  console.log("\nthe policy's sub-selects, server-side cost per query (median of 5 × 2000 fresh statements)")
  for (const [name, us] of await initplanCosts(probe, claims, headers)) {
    console.log(`  ${name.padEnd(50)} ${us.toFixed(1)} µs`)
  }
  await probe.end()
  console.log(
    `\nworst sequential member/service_role p50 ratio: ${Math.max(...ratios).toFixed(2)} (goal ≤ ${goal}) → ${over ? 'ABOVE GOAL' : 'ok'}`,
  )
  if (over) process.exitCode = 1
} finally {
  await stack.stop()
  await scratch.remove()
}
