// Where a posting spends its time: N deliveries and invoices of 5 lines posted one after another as
// PostgREST would call them (role and claims per transaction), then Postgres' per-function timings
// (track_functions) sorted by self time. A tool for tuning the ledger SQL, not a pass/fail benchmark.
// Run on demand: `npm run bench:ledger-profile` (env N, default 200).
import pg from 'pg'
import { withMigratedDatabase } from '../stack/scratch.ts'

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())
await withMigratedDatabase(async ({ superuserDbUrl }) => {
  const c = new pg.Client({ connectionString: superuserDbUrl })
  c.on('error', () => {})
  await c.connect()
  const user = (
    await c.query(`insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, created_at, updated_at)
       values (gen_random_uuid(), 'authenticated', 'authenticated', 'p@example.test', '', now(), now(), now()) returning id`)
  ).rows[0].id
  const as = async (sql: string, params: unknown[], tenant?: string) => {
    await c.query('begin')
    await c.query(
      `select set_config('role','authenticated',true), set_config('request.jwt.claims',$1,true), set_config('request.headers',$2,true)`,
      [
        JSON.stringify({ sub: user, role: 'authenticated' }),
        JSON.stringify(tenant ? { 'x-tenant-id': tenant } : {}),
      ],
    )
    const r = await c.query(sql, params)
    await c.query('commit')
    return r.rows[0]
  }
  const t = (await as(`select public.create_company('P', '91350100M000100Y43', 'general') id`, [])).id
  const cust = (
    await c.query(`insert into public.parties (tenant_id, code, name) values ($1,'C','C') returning id`, [t])
  ).rows[0].id
  const sup = (
    await c.query(
      `insert into public.parties (tenant_id, code, name, is_supplier) values ($1,'S','S', true) returning id`,
      [t],
    )
  ).rows[0].id
  const items = []
  for (let i = 0; i < 5; i++)
    items.push(
      (
        await c.query(
          `insert into public.items (tenant_id, sku, name, output_tax_code) values ($1,$2,'x','VAT13') returning id`,
          [t, `I${i}`],
        )
      ).rows[0].id,
    )
  for (const [i, it] of items.entries())
    await as(
      `select public.post_document('purchase_receipt', $1, $2)`,
      [
        `stock-key-${i}`,
        { date: today, supplier_id: sup, lines: [{ item_id: it, quantity: '1000000', unit_cost: '3' }] },
      ],
      t,
    )
  await c.query(`set track_functions = 'all'`)
  await c.query(`select pg_stat_reset()`)
  const t0 = Date.now()
  const N = Number(process.env.N ?? 200)
  for (let n = 0; n < N; n++) {
    await as(
      `select public.post_document('delivery', $1, $2)`,
      [
        `del-key-${n}`,
        { date: today, customer_id: cust, lines: items.map((item_id) => ({ item_id, quantity: '1' })) },
      ],
      t,
    )
    await as(
      `select public.post_document('sales_invoice', $1, $2)`,
      [
        `inv-key-${n}`,
        {
          date: today,
          customer_id: cust,
          lines: items.map((item_id) => ({ item_id, quantity: '1', unit_price: '12.34' })),
        },
      ],
      t,
    )
  }
  console.log(
    `${N} deliveries + ${N} invoices: ${((Date.now() - t0) / (2 * N)).toFixed(1)} ms per call, sequential`,
  )
  await new Promise((r) => setTimeout(r, 800))
  const r = await c.query(
    `select schemaname||'.'||funcname f, calls, round(total_time::numeric,1) total, round(self_time::numeric,1) self from pg_stat_user_functions order by self_time desc limit 25`,
  )
  console.table(r.rows)
  await c.end()
})
