// Reports as history grows: the trial balance of one period and one customer's balance, through
// PostgREST RPC as the accountant calls them, at 10,000 ledger lines and again at 1,000,000.
// Goal: time at 1,000,000 ≤ 2 × time at 10,000 (reports read folded balances, never all history).
// The history is generated in SQL (balanced two-line vouchers over 12 periods, 200 customers, 50
// items; triggers off for the generator only), folded as the background job would, with a tail of
// 1,000 unfolded lines left pending as between two folds.
// Run on demand: `npm run bench:reports`. Env: BENCH_SMALL (10000), BENCH_LARGE (1000000), BENCH_CALLS (40).
import type { StackInfo } from '../stack/stack.ts'
import { BENCH_PASSWORD } from './api.ts'
import { benchStack } from './setup.ts'

const small = Number(process.env.BENCH_SMALL ?? 10_000)
const large = Number(process.env.BENCH_LARGE ?? 1_000_000)
const calls = Number(process.env.BENCH_CALLS ?? 40)
const tail = 1000

async function api(info: StackInfo, path: string, token: string | null, body: object) {
  const res = await fetch(`${info.apiUrl}${path}`, {
    method: 'POST',
    headers: {
      apikey: info.anonKey,
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  })
  const json = await res.json()
  if (!res.ok) throw new Error(`${path}: ${JSON.stringify(json)}`)
  return json
}

const { info, db, close } = await benchStack('reports')
try {
  const signUp = (await api(info, '/auth/v1/signup', null, {
    email: `bench-reports-${Date.now()}@example.test`,
    password: BENCH_PASSWORD,
  })) as { access_token: string }
  const token = signUp.access_token
  const tenant = (await api(info, '/rest/v1/rpc/create_company', token, {
    p_name: '报表基准测试有限公司',
    p_credit_code: '91350100M000100Y43',
    p_taxpayer_type: 'general',
  })) as string
  await db.query(
    `insert into public.parties (tenant_id, code, name) select $1, 'C' || g, '客户' || g from generate_series(1, 200) g`,
    [tenant],
  )
  await db.query(
    `insert into public.items (tenant_id, sku, name) select $1, 'I' || g, '商品' || g from generate_series(1, 50) g`,
    [tenant],
  )
  const periods = (
    await db.query(`select id from public.fiscal_periods where tenant_id = $1 order by start_date limit 12`, [
      tenant,
    ])
  ).rows.map((r) => r.id as string)
  const customer = (
    await db.query(`select id from public.parties where tenant_id = $1 and code = 'C1'`, [tenant])
  ).rows[0].id

  // Appends `count` lines (count / 2 vouchers: receivable against revenue, stock against cost).
  async function generateChunk(count: number) {
    await db.query('begin')
    await db.query(`set local session_replication_role = replica`)
    await db.query(
      `with acc as (
         select (array_agg(s.account_id) filter (where s.key = 'ar_account'))[1] ar,
                (array_agg(s.account_id) filter (where s.key = 'revenue_account'))[1] rev,
                (array_agg(s.account_id) filter (where s.key = 'inventory_account'))[1] inv,
                (array_agg(s.account_id) filter (where s.key = 'cogs_account'))[1] cogs
         from public.posting_settings s where s.tenant_id = $1),
       parties as (select array_agg(id order by code) ids from public.parties where tenant_id = $1),
       items as (select array_agg(id order by sku) ids from public.items where tenant_id = $1),
       per as (select array_agg(id order by start_date) ids, array_agg(start_date order by start_date) starts
               from (select id, start_date from public.fiscal_periods where tenant_id = $1 order by start_date limit 12) p),
       v as (
         insert into public.vouchers (tenant_id, voucher_date, period_id, number, status, summary, posted_at)
         select $1, per.starts[1 + g % 12] + (g % 28), per.ids[1 + g % 12],
           (select coalesce(max(number), 0) from public.vouchers where tenant_id = $1) + g, 'posted', '基准', now()
         from generate_series(1, $2::int / 2) g, per
         returning id, period_id, number
       ),
       l as (
         insert into public.voucher_lines (tenant_id, voucher_id, line_no, account_id, debit, credit, party_id, item_id)
         select $1, v.id, side, case when v.number % 2 = 0 then (case side when 1 then acc.ar else acc.rev end)
                                     else (case side when 1 then acc.cogs else acc.inv end) end,
           case side when 1 then 100 + v.number % 97 else 0 end, case side when 2 then 100 + v.number % 97 else 0 end,
           case when v.number % 2 = 0 and side = 1 then parties.ids[1 + v.number % 200] end,
           case when v.number % 2 = 1 and side = 2 then items.ids[1 + v.number % 50] end
         from v, acc, parties, items, generate_series(1, 2) side
         returning account_id, debit, credit, party_id, item_id, voucher_id
       )
       insert into app_private.gl_pending (tenant_id, period_id, account_id, party_id, item_id, debit, credit)
       select $1, v.period_id, l.account_id, l.party_id, l.item_id, l.debit, l.credit from l join v on v.id = l.voucher_id`,
      [tenant, count],
    )
    await db.query('commit')
  }

  // History arrives in chunks of 50,000 lines, each folded and its queue vacuumed as the background fold
  // and the queue's autovacuum settings would do between them: the queue never holds more than a chunk.
  async function generate(count: number, fold: boolean) {
    for (let done = 0; done < count; done += 50_000) {
      await generateChunk(Math.min(50_000, count - done))
      if (fold) await foldAll()
    }
  }

  async function foldAll() {
    await db.query('select app_private.fold_gl(100000000)')
    await db.query('vacuum app_private.gl_pending')
  }

  async function time(fn: string, args: object): Promise<number> {
    const xs: number[] = []
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now()
      await api(info, `/rest/v1/rpc/${fn}`, token, args)
      xs.push(performance.now() - t0)
    }
    return xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  }

  const measure = async () => ({
    trial: await time('trial_balance', { p_period_id: periods[11] }),
    party: await time('party_balance', { p_party_id: customer }),
  })

  await generate(small - tail, true)
  await generate(tail, false)
  await db.query('analyze')
  const a = await measure()
  await foldAll()
  await generate(large - small, true)
  await generate(tail, false)
  await db.query('analyze')
  const b = await measure()
  const lines = (
    await db.query('select count(*)::int n from public.voucher_lines where tenant_id = $1', [tenant])
  ).rows[0].n

  console.log(
    `\nledger reports: median of ${calls} PostgREST calls each, ${tail} lines pending (unfolded) at both sizes`,
  )
  console.log(
    `  ${'report'.padEnd(16)} ${String(small).padStart(10)} lines ${String(lines).padStart(10)} lines   ratio (goal ≤ 2)`,
  )
  for (const [name, x, y] of [
    ['trial balance', a.trial, b.trial],
    ['customer balance', a.party, b.party],
  ] as const)
    console.log(
      `  ${name.padEnd(16)} ${x.toFixed(2).padStart(13)} ms ${y.toFixed(2).padStart(13)} ms   ${(y / x).toFixed(2)} ${y / x <= 2 ? 'met' : 'NOT met'}`,
    )
} finally {
  await close()
}
