// Throughput of complete postings: a delivery of 5 lines (stock moves at moving average, COGS voucher)
// and its sales invoice of 5 lines (receivable open item, revenue, output VAT), each one
// post_document call through PostgREST RPC, from 8 concurrent clients. Three loads in one run,
// interleaved round by round:
//   uniform   every client its own customer and its own 5 items
//   hot-spot  every client the same customer, every line the same item, one warehouse
//   bare SQL  an RPC that inserts the same rows with no checks (triggers and foreign keys off),
//             called the same way — the ceiling of this machine for that many rows
// Goals: hot-spot ≥ 80 % of uniform; complete postings ≥ 50 % of bare SQL.
// Run on demand: `npm run bench:ledger`. Env: BENCH_CLIENTS (8), BENCH_SECONDS per round (8),
// BENCH_ROUNDS (3), BENCH_DURABLE (1: fsync and synchronous commit on, as in production; 0: off).
import { rpc, signUp } from './api.ts'
import { benchStack, median } from './setup.ts'

const clients = Number(process.env.BENCH_CLIENTS ?? 8)
const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const durable = process.env.BENCH_DURABLE !== '0'
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date())

type Load = 'uniform' | 'hot-spot' | 'bare SQL'
const loads: Load[] = ['uniform', 'hot-spot', 'bare SQL']

// The baseline: the same rows a delivery or an invoice writes, inserted with no checks at all.
const bareSql = `
create function public.bench_bare_posting(p_doc_type text, p_idempotency_key text, p_document jsonb) returns jsonb
language plpgsql security definer set search_path = ''
as $$
declare
  t uuid := (p_document ->> 'tenant_id')::uuid;
  d date := (p_document ->> 'date')::date;
  party uuid := (p_document ->> 'customer_id')::uuid;
  doc uuid;
  v uuid;
  per uuid := (p_document ->> 'period_id')::uuid;
  a1 uuid := (p_document ->> 'debit_account')::uuid;
  a2 uuid := (p_document ->> 'credit_account')::uuid;
begin
  perform set_config('session_replication_role', 'replica', true);
  insert into app_private.posting_requests (tenant_id, idempotency_key, doc_type, payload_hash)
  values (t, p_idempotency_key, p_doc_type, md5(p_document::text));
  insert into public.ledger_documents (tenant_id, doc_type, doc_date, party_id, payload, number)
  values (t, p_doc_type, d, party, p_document, p_idempotency_key) returning id into doc;
  insert into public.ledger_document_lines (tenant_id, document_id, line_no, item_id, quantity, amount)
  select t, doc, e.ord, (e.value ->> 'item_id')::uuid, (e.value ->> 'quantity')::numeric, 10
  from jsonb_array_elements(p_document -> 'lines') with ordinality e(value, ord);
  if p_doc_type = 'delivery' then
    insert into public.stock_moves (tenant_id, item_id, warehouse_id, move_date, quantity, unit_cost, value,
      quantity_after, value_after, average_after, source_type, source_id, source_line)
    select t, (e.value ->> 'item_id')::uuid, (p_document ->> 'warehouse_id')::uuid, d,
      -(e.value ->> 'quantity')::numeric, 1, -1, 0, 0, 0, p_doc_type, doc, e.ord
    from jsonb_array_elements(p_document -> 'lines') with ordinality e(value, ord);
  end if;
  insert into public.vouchers (tenant_id, voucher_date, period_id, source_type, source_id)
  values (t, d, per, p_doc_type, doc) returning id into v;
  insert into public.voucher_lines (tenant_id, voucher_id, line_no, account_id, debit, credit, party_id)
  select t, v, g, case when g = 1 then a1 else a2 end, case when g = 1 then 10 else 0 end,
    case when g = 1 then 0 else 10 end, party
  from generate_series(1, case when p_doc_type = 'delivery' then 2 else 3 end) g;
  insert into app_private.gl_pending (tenant_id, period_id, account_id, party_id, debit, credit)
  select t, per, l.account_id, l.party_id, l.debit, l.credit from public.voucher_lines l where l.voucher_id = v;
  if p_doc_type = 'sales_invoice' then
    insert into public.open_items (tenant_id, party_id, account_id, kind, voucher_id, doc_date, due_date, amount, outstanding)
    values (t, party, a1, 'invoice', v, d, d, 10, 10);
  end if;
  return jsonb_build_object('document_id', doc, 'voucher_id', v);
end
$$;
grant execute on function public.bench_bare_posting(text, text, jsonb) to authenticated;
notify pgrst, 'reload schema';`

const { info, db, close } = await benchStack('ledger', { durable })
try {
  const { token } = await signUp(info, `bench-ledger-${Date.now()}@example.test`)
  const tenant = (await rpc(info, token, 'create_company', {
    p_name: '基准测试贸易有限公司',
    p_credit_code: '91350100M000100Y43',
    p_taxpayer_type: 'general',
  })) as string
  const one = async (sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows[0]
  const customers: string[] = []
  for (let i = 0; i < clients; i++)
    customers.push(
      (
        await one(`insert into public.parties (tenant_id, code, name) values ($1, $2, $3) returning id`, [
          tenant,
          `C${i}`,
          `客户${i}`,
        ])
      ).id,
    )
  const supplier = (
    await one(
      `insert into public.parties (tenant_id, code, name, is_customer, is_supplier) values ($1, 'S', '供应商', false, true) returning id`,
      [tenant],
    )
  ).id
  const items: string[] = []
  for (let i = 0; i <= clients * 5; i++)
    items.push(
      (
        await one(
          `insert into public.items (tenant_id, sku, name, output_tax_code) values ($1, $2, $3, 'VAT13') returning id`,
          [tenant, `I${i}`, `商品${i}`],
        )
      ).id,
    )
  // plenty of stock of every item
  for (const [i, item] of items.entries())
    await rpc(info, token, 'post_document', {
      p_doc_type: 'purchase_receipt',
      p_idempotency_key: `bench-stock-${i}`,
      p_document: {
        date: today,
        supplier_id: supplier,
        lines: [{ item_id: item, quantity: '100000000', unit_cost: '7.77' }],
      },
    })
  const hotItem = items[clients * 5]
  const warehouse = (await one(`select id from public.warehouses where tenant_id = $1`, [tenant])).id
  const period = (
    await one(
      `select id from public.fiscal_periods where tenant_id = $1 and $2::date between start_date and end_date`,
      [tenant, today],
    )
  ).id
  const ar = (
    await one(`select account_id from public.posting_settings where tenant_id = $1 and key = 'ar_account'`, [
      tenant,
    ])
  ).account_id
  const revenue = (
    await one(
      `select account_id from public.posting_settings where tenant_id = $1 and key = 'revenue_account'`,
      [tenant],
    )
  ).account_id
  await db.query(bareSql)
  await new Promise((r) => setTimeout(r, 1500))

  let seq = 0
  const documentFor = (load: Load, client: number) => {
    const hot = load === 'hot-spot'
    const customer = hot ? customers[0] : customers[client]
    const lineItems = Array.from({ length: 5 }, (_, j) => (hot ? hotItem : items[client * 5 + j]))
    const base = { date: today, customer_id: customer, warehouse_id: warehouse }
    return {
      delivery: { ...base, lines: lineItems.map((item_id) => ({ item_id, quantity: '1' })) },
      invoice: {
        ...base,
        lines: lineItems.map((item_id) => ({
          item_id,
          quantity: '1',
          unit_price: '12.34',
          tax_code: 'VAT13',
        })),
      },
    }
  }
  const bareExtras = { tenant_id: tenant, period_id: period, debit_account: ar, credit_account: revenue }

  async function measure(load: Load, secs = seconds): Promise<number> {
    const stopAt = Date.now() + secs * 1000
    let done = 0
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        const { delivery, invoice } = documentFor(load, c)
        while (Date.now() < stopAt) {
          const n = seq++
          if (load === 'bare SQL') {
            await rpc(info, token, 'bench_bare_posting', {
              p_doc_type: 'delivery',
              p_idempotency_key: `bench-bare-delivery-${n}`,
              p_document: { ...delivery, ...bareExtras },
            })
            await rpc(info, token, 'bench_bare_posting', {
              p_doc_type: 'sales_invoice',
              p_idempotency_key: `bench-bare-invoice-${n}`,
              p_document: { ...invoice, ...bareExtras },
            })
          } else {
            await rpc(info, token, 'post_document', {
              p_doc_type: 'delivery',
              p_idempotency_key: `bench-delivery-${n}`,
              p_document: delivery,
            })
            await rpc(info, token, 'post_document', {
              p_doc_type: 'sales_invoice',
              p_idempotency_key: `bench-invoice-${n}`,
              p_document: invoice,
            })
          }
          done++
        }
      }),
    )
    return done / secs
  }

  // warm-up, then interleaved rounds
  for (const load of loads) await measure(load, 2)
  const results = new Map<Load, number[]>(loads.map((l) => [l, []]))
  for (let r = 0; r < rounds; r++)
    for (const load of loads) {
      await db.query('select app_private.fold_gl(1000000)')
      results.get(load)?.push(await measure(load))
    }

  const m = new Map(loads.map((l) => [l, median(results.get(l) ?? [])]))
  console.log(
    `\nledger throughput: ${clients} clients, ${rounds} rounds of ${seconds} s each, durable=${durable}; documents = delivery + invoice of 5 lines`,
  )
  for (const l of loads)
    console.log(
      `  ${l.padEnd(9)} ${(m.get(l) ?? 0).toFixed(1).padStart(7)} documents/s (rounds: ${(results.get(l) ?? []).map((x) => x.toFixed(1)).join(', ')})`,
    )
  const hotRatio = (m.get('hot-spot') ?? 0) / (m.get('uniform') ?? 1)
  const bareRatio = (m.get('uniform') ?? 0) / (m.get('bare SQL') ?? 1)
  console.log(
    `  hot-spot / uniform   ${(hotRatio * 100).toFixed(0)} %  (goal ≥ 80 %) ${hotRatio >= 0.8 ? 'met' : 'NOT met'}`,
  )
  console.log(
    `  uniform / bare SQL   ${(bareRatio * 100).toFixed(0)} %  (goal ≥ 50 %) ${bareRatio >= 0.5 ? 'met' : 'NOT met'}`,
  )
} finally {
  await close()
}
