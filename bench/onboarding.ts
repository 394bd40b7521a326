// Onboarding cost: how long create_company() takes for a signed-in person, books included (chart of
// accounts, tax codes, periods, warehouse, sequences, posting settings, roles and matrix), through the
// API on a started stack. Goal: well under a second per company (p95 < 1000 ms).
// Each company is timed against a baseline measured in the same run, request by request: a plain RPC
// round trip (public.whoami(), a select with no table access) by the same person just before. Then the
// same call in the database alone (as the person, rolled back), to show what the API adds.
// Run on demand: `npm run bench:onboarding`. Env: BENCH_COMPANIES (60), BENCH_WARMUP (10, not counted).
import { join } from 'node:path'
import { createClient, type SupabaseClient } from '@supabase/supabase-js'
import pg from 'pg'
import WebSocket from 'ws'
import { scratchDir } from '../stack/scratch.ts'
import { type StackInfo, startStack } from '../stack/stack.ts'
import type { Database } from '../supabase/types.ts'
import { BENCH_PASSWORD } from './api.ts'

const companies = Number(process.env.BENCH_COMPANIES ?? 60)
const warmup = Number(process.env.BENCH_WARMUP ?? 10)
const goalMs = 1000
const creditCode = '91350100M000100Y43'
// Both standards and both taxpayer types, in turn.
const variants = [
  { p_accounting_standard: 'small_enterprise', p_taxpayer_type: 'small_scale', p_fiscal_year_start_month: 1 },
  { p_accounting_standard: 'small_enterprise', p_taxpayer_type: 'general', p_fiscal_year_start_month: 4 },
  { p_accounting_standard: 'enterprise', p_taxpayer_type: 'general', p_fiscal_year_start_month: 1 },
  { p_accounting_standard: 'enterprise', p_taxpayer_type: 'small_scale', p_fiscal_year_start_month: 7 },
] as const

const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}
const ms = (x: number) => `${x.toFixed(1)} ms`

interface Person {
  id: string
  client: SupabaseClient<Database>
}

async function signUp(info: StackInfo, i: number): Promise<Person> {
  const client = createClient<Database>(info.apiUrl, info.anonKey, {
    auth: { persistSession: false, autoRefreshToken: false },
    // Node 20 has no WebSocket of its own; realtime is not used here.
    realtime: { transport: WebSocket as never },
  })
  const { data, error } = await client.auth.signUp({
    email: `onboarding-${i}-${Date.now()}@example.test`,
    password: BENCH_PASSWORD,
  })
  if (error || !data.user) throw new Error(`sign-up ${i}: ${error?.message}`)
  return { id: data.user.id, client }
}

async function timed<T>(f: () => PromiseLike<T>): Promise<[number, T]> {
  const started = performance.now()
  const result = await f()
  return [performance.now() - started, result]
}

async function main() {
  const scratch = await scratchDir('troika-bench-onboarding-')
  const root = scratch.path
  const stack = await startStack({
    port: 0,
    dbPort: 0,
    dataDir: join(root, 'db'),
    reset: true,
    durable: false,
    authRateLimits: { sign_in_sign_ups: 100_000, token_refresh: 100_000, token_verifications: 100_000 },
    log: () => {},
  })
  const db = new pg.Client({ connectionString: stack.info.superuserDbUrl })
  try {
    await db.connect()
    const total = warmup + companies
    const people: Person[] = []
    // Sign-ups (bcrypt) are not measured: eight at a time.
    for (let i = 0; i < total; i += 8) {
      people.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(8, total - i) }, (_, k) => signUp(stack.info, i + k)),
        )),
      )
    }

    // The same call in the database alone, as the person (claims set as PostgREST does), rolled back.
    const inDatabase = async (person: Person, i: number): Promise<number> => {
      await db.query('begin')
      try {
        await db.query('set local role authenticated')
        await db.query(`select set_config('request.jwt.claims', $1, true)`, [
          JSON.stringify({ sub: person.id, role: 'authenticated' }),
        ])
        const v = variants[i % variants.length]
        const [took] = await timed(() =>
          db.query('select public.create_company($1, $2, $3, $4, $5)', [
            `Onboarding again ${i}`,
            creditCode,
            v.p_taxpayer_type,
            v.p_accounting_standard,
            v.p_fiscal_year_start_month,
          ]),
        )
        return took
      } finally {
        await db.query('rollback')
      }
    }

    // Person by person: baseline, create_company through the API, the same in the database alone, so
    // that whatever else the machine does weighs on the three alike.
    const api: number[] = []
    const baseline: number[] = []
    const inDb: number[] = []
    for (const [i, person] of people.entries()) {
      const [base, who] = await timed(() => person.client.rpc('whoami'))
      if (who.error) throw new Error(`whoami: ${who.error.message}`)
      const [took, made] = await timed(() =>
        person.client.rpc('create_company', {
          p_name: `Onboarding ${i}`,
          p_credit_code: creditCode,
          ...variants[i % variants.length],
        }),
      )
      if (made.error) throw new Error(`create_company: ${made.error.code} ${made.error.message}`)
      const direct = await inDatabase(person, i)
      if (i >= warmup) {
        api.push(took)
        baseline.push(base)
        inDb.push(direct)
      }
    }

    const { rows } = await db.query(
      `select (select count(*) from public.accounts)::int as accounts, (select count(*) from public.tenants)::int as tenants,
              (select count(*) from public.audit_log)::int as audit`,
    )
    const p50 = percentile(api, 50)
    const p95 = percentile(api, 95)
    const base50 = percentile(baseline, 50)
    console.log(
      `onboarding: ${companies} companies through create_company (REST, signed-in people, one at a time)`,
    )
    console.log(
      `  (after ${warmup} warm-up companies; ${rows[0].tenants} companies, ${rows[0].accounts} accounts,`,
    )
    console.log(`   ${rows[0].audit} audit rows in the database at the end)`)
    console.log(`  create_company (API)       p50 ${ms(p50)}  p95 ${ms(p95)}  max ${ms(Math.max(...api))}`)
    console.log(
      `  baseline whoami() RPC      p50 ${ms(base50)}  p95 ${ms(percentile(baseline, 95))}  max ${ms(Math.max(...baseline))}`,
    )
    console.log(`  ratio create_company / baseline (p50): ${(p50 / base50).toFixed(1)}×`)
    console.log(
      `  create_company in the database alone (rolled back)  p50 ${ms(percentile(inDb, 50))}  p95 ${ms(percentile(inDb, 95))}`,
    )
    console.log(`  goal p95 < ${goalMs} ms: ${p95 < goalMs ? 'met' : 'MISSED'}`)
    if (p95 >= goalMs) process.exitCode = 1
  } finally {
    await db.end().catch(() => {})
    await stack.stop()
    await scratch.remove()
  }
}

await main()
