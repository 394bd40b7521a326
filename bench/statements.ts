// Report cost against ledger size: the trial balance (科目余额表) and the balance sheet (资产负债表) of
// one company through PostgREST RPC, first at 10,000 ledger lines, then at 1,000,000.
// Goal: each at 1,000,000 lines takes ≤ 2 × its time at 10,000 lines (the reports read the folded
// balances, whose size grows with accounts × periods × dimensions, not with history).
// The ledger is generated in SQL as superuser with triggers off (session_replication_role = replica):
// balanced posted vouchers of 2 lines spread over the 12 periods of the fiscal year, their lines, the
// same rows queued in app_private.gl_pending, the voucher counters; then app_private.fold_gl() folds
// them as the stack's background job would. Six kinds of vouchers (sale on credit, receipt, cost of
// sales, purchase, expense paid in cash, supplier paid), 50 customers, 20 suppliers, 5 items.
// Run on demand: `npm run bench:statements`. Env: BENCH_RUNS (15, the median is reported),
// BENCH_SMALL (10000), BENCH_LARGE (1000000) ledger lines.
import { rpc, signUp } from './api.ts'
import { benchStack, median } from './setup.ts'

const runs = Number(process.env.BENCH_RUNS ?? 15)
const small = Number(process.env.BENCH_SMALL ?? 10_000)
const large = Number(process.env.BENCH_LARGE ?? 1_000_000)
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

// Vouchers from..to (exclusive), two lines each. Voucher g goes to period g % 12 with number g / 12 + 1.
const generate = (tenant: string, from: number, to: number, year: number) => `
create temporary table bench_gen on commit drop as
select g, gen_random_uuid() as id, p.id as period_id, p.start_date + (g % 28) as d, g / 12 + 1 as number,
  g % 6 as kind, round(1 + ((g::bigint * 7919) % 100000) / 100.0, 2) as amount,
  (select array_agg(id order by code) from public.parties where tenant_id = '${tenant}'::uuid and is_customer)[1 + g % 50] as customer,
  (select array_agg(id order by code) from public.parties where tenant_id = '${tenant}'::uuid and is_supplier)[1 + g % 20] as supplier,
  (select array_agg(id order by sku) from public.items where tenant_id = '${tenant}'::uuid)[1 + g % 5] as item
from generate_series(${from}, ${to - 1}) g
join lateral (select fp.id, fp.start_date from public.fiscal_periods fp
              where fp.tenant_id = '${tenant}'::uuid and fp.fiscal_year = ${year} and fp.period_no = 1 + g % 12) p on true;

insert into public.vouchers (id, tenant_id, word, voucher_date, period_id, number, summary, status, posted_at)
select id, '${tenant}'::uuid, '记', d, period_id, number, 'bench', 'posted', now() from bench_gen;

create temporary table bench_lines on commit drop as
select b.id as voucher_id, side.line_no, a.id as account_id,
  case when side.line_no = 1 then b.amount else 0 end as debit,
  case when side.line_no = 2 then b.amount else 0 end as credit,
  case when a.code in ('1122', '220202') then case when a.code = '1122' then b.customer else b.supplier end end as party_id,
  case when a.code = '1405' then b.item end as item_id,
  b.period_id
from bench_gen b
cross join lateral (values
  (1, (array['1122', '100201', '5401', '1405', '560202', '220202'])[1 + b.kind]),
  (2, (array['5001', '1122', '1405', '220202', '1001', '100201'])[1 + b.kind])
) side(line_no, code)
join public.accounts a on a.tenant_id = '${tenant}'::uuid and a.code = side.code;

insert into public.voucher_lines (tenant_id, voucher_id, line_no, account_id, debit, credit, party_id, item_id)
select '${tenant}'::uuid, voucher_id, line_no, account_id, debit, credit, party_id, item_id from bench_lines;

insert into app_private.gl_pending (tenant_id, period_id, account_id, party_id, item_id, debit, credit)
select '${tenant}'::uuid, period_id, account_id, party_id, item_id, debit, credit from bench_lines;

insert into app_private.voucher_counters as c (tenant_id, period_id, word, last_number)
select '${tenant}'::uuid, period_id, '记', max(number) from bench_gen group by period_id
on conflict (tenant_id, period_id, word) do update set last_number = greatest(c.last_number, excluded.last_number);`

const { info, db, close } = await benchStack('statements')
try {
  const { token } = await signUp(info, `bench-statements-${Date.now()}@example.test`)
  const tenant = (await rpc(info, token, 'create_company', {
    p_name: '报表基准测试有限公司',
    p_credit_code: '91350100M000100Y43',
    p_taxpayer_type: 'general',
  })) as string
  await db.query(
    `insert into public.parties (tenant_id, code, name, is_customer, is_supplier)
     select $1::uuid, 'C' || lpad(i::text, 3, '0'), '客户' || i, true, false from generate_series(1, 50) i
     union all
     select $1::uuid, 'S' || lpad(i::text, 3, '0'), '供应商' || i, false, true from generate_series(1, 20) i`,
    [tenant],
  )
  await db.query(
    `insert into public.items (tenant_id, sku, name) select $1::uuid, 'I' || i, '商品' || i from generate_series(1, 5) i`,
    [tenant],
  )
  const year = (
    await db.query(
      'select fiscal_year from public.fiscal_periods where tenant_id = $1 and $2::date between start_date and end_date',
      [tenant, today],
    )
  ).rows[0].fiscal_year as number
  const lastPeriod = (
    await db.query(
      'select id from public.fiscal_periods where tenant_id = $1 and fiscal_year = $2 order by start_date desc limit 1',
      [tenant, year],
    )
  ).rows[0].id as string

  let vouchers = 0
  async function growTo(lines: number) {
    const started = Date.now()
    const target = Math.floor(lines / 2)
    const chunk = 50_000
    const fold = async () => {
      // fresh statistics first: fold_gl's plan must know how many rows are pending
      await db.query('analyze app_private.gl_pending')
      for (;;) {
        const n = (await db.query('select app_private.fold_gl(100000) n')).rows[0].n as number
        if (n === 0) break
      }
    }
    while (vouchers < target) {
      const to = Math.min(target, vouchers + chunk)
      await db.query('begin')
      await db.query(`set local session_replication_role = replica`)
      await db.query(generate(tenant, vouchers, to, year))
      await db.query('commit')
      vouchers = to
      await fold()
    }
    await db.query(
      'vacuum analyze app_private.gl_balances, app_private.gl_account_balances, app_private.gl_pending',
    )
    const count = (
      await db.query('select count(*)::int n from public.voucher_lines where tenant_id = $1', [tenant])
    ).rows[0].n
    console.log(
      `ledger: ${count.toLocaleString('en')} lines (generated and folded in ${Date.now() - started} ms)`,
    )
  }

  async function time(fn: string) {
    for (let i = 0; i < 3; i++) await rpc(info, token, fn, { p_period_id: lastPeriod })
    const ms: number[] = []
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now()
      await rpc(info, token, fn, { p_period_id: lastPeriod })
      ms.push(performance.now() - t0)
    }
    return median(ms)
  }

  async function measure() {
    const bs = (await rpc(info, token, 'balance_sheet', { p_period_id: lastPeriod })) as Array<{
      line_no: number
      closing_balance: number
    }>
    const line = (n: number) => bs.find((r) => r.line_no === n)?.closing_balance
    if (line(30) !== line(53)) throw new Error(`balance sheet does not balance: ${line(30)} vs ${line(53)}`)
    return { trial_balance: await time('trial_balance'), balance_sheet: await time('balance_sheet') }
  }

  await growTo(small)
  const a = await measure()
  await growTo(large)
  const b = await measure()
  let ok = true
  for (const k of ['trial_balance', 'balance_sheet'] as const) {
    const ratio = b[k] / a[k]
    ok &&= ratio <= 2
    console.log(
      `${k.padEnd(14)} ${small.toLocaleString('en')} lines: ${a[k].toFixed(1)} ms   ` +
        `${large.toLocaleString('en')} lines: ${b[k].toFixed(1)} ms   ratio ${ratio.toFixed(2)} (goal ≤ 2)`,
    )
  }
  console.log(ok ? 'PASS' : 'FAIL')
  process.exitCode = ok ? 0 : 1
} finally {
  await close()
}
