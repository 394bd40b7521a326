// Many clients posting at once through PostgREST, most of it on one customer, one item and one
// warehouse, with every fifth request sent twice at the same moment under one idempotency key.
// Afterwards the books are checked by queries that trust no cached balance (ledgerViolations), each key
// is posted exactly once, and the only refusals are the business ones (not enough stock, over-settling).
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ledgerCompany, ledgerViolations, type PostingError, post, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
const today = shanghaiToday()

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'conc')
})
afterAll(async () => {
  await db?.end()
})

// A deterministic generator, so that a failure can be replayed.
function random(seed: number) {
  let s = seed
  return (n: number) => {
    s = (s * 1103515245 + 12345) % 2147483648
    return s % n
  }
}

it('concurrent postings on a hot spot keep the books consistent and post each key once', async () => {
  const hot = co.items[0]
  const okKeys = new Set<string>()
  const unexpected: string[] = []
  const allowed = new Set(['TR730', 'TR720'])
  const record = (key: string, error: PostingError | null) => {
    if (!error) okKeys.add(key)
    else if (!allowed.has(error.code)) unexpected.push(`${key}: ${error.code} ${error.message}`)
  }
  // The workers share one pg client, which runs one query at a time: they take turns here (pg's own
  // queue for a busy client is deprecated).
  let reading: Promise<unknown> = Promise.resolve()
  const openInvoices = () => {
    const read = reading.then(
      async () =>
        (
          await db.query(
            `select id, outstanding::text from public.open_items where tenant_id = $1 and party_id = $2 and outstanding > 0`,
            [co.tenantId, co.customerId],
          )
        ).rows as Array<{ id: string; outstanding: string }>,
    )
    reading = read.catch(() => {})
    return read
  }

  const worker = async (w: number, client: SupabaseClient) => {
    const rnd = random(w + 1)
    for (let i = 0; i < 14; i++) {
      const key = `conc-${process.pid}-${w}-${i}`
      const pick = rnd(10)
      let type: string
      let doc: object
      if (pick < 3) {
        type = 'delivery'
        doc = {
          date: today,
          customer_id: co.customerId,
          lines: [{ item_id: hot, quantity: String(1 + rnd(3)) }],
        }
      } else if (pick < 5) {
        type = 'purchase_receipt'
        doc = {
          date: today,
          supplier_id: co.supplierId,
          lines: [
            { item_id: hot, quantity: String(1 + rnd(4)), unit_cost: `${1 + rnd(30)}.${rnd(100)}` },
            { item_id: co.items[1 + rnd(4)], quantity: '1', unit_cost: '2.50' },
          ],
        }
      } else if (pick < 8) {
        type = 'sales_invoice'
        doc = {
          date: today,
          customer_id: co.customerId,
          lines: [
            {
              item_id: hot,
              quantity: String(1 + rnd(3)),
              unit_price: `${10 + rnd(90)}.00`,
              tax_code: 'VAT13',
            },
          ],
        }
      } else {
        type = 'customer_receipt'
        const open = await openInvoices()
        const target = open[rnd(Math.max(open.length, 1))]
        doc = {
          date: today,
          customer_id: co.customerId,
          amount: '50.00',
          allocations: target ? [{ open_item_id: target.id, amount: '20.00' }] : [],
        }
      }
      if (i % 5 === 0) {
        const [a, b] = await Promise.all([post(client, type, key, doc), post(client, type, key, doc)])
        record(key, a.error)
        record(key, b.error)
        if (!a.error && !b.error) expect(b.data).toEqual(a.data)
        else if (!allowed.has(a.error?.code ?? b.error?.code ?? '')) unexpected.push(`${key}: pair disagrees`)
      } else {
        const r = await post(client, type, key, doc)
        record(key, r.error)
      }
    }
  }

  // stock to start from
  const seed = await post(co.accountant.db, 'purchase_receipt', `conc-seed-${process.pid}`, {
    date: today,
    supplier_id: co.supplierId,
    lines: [{ item_id: hot, quantity: '40', unit_cost: '9.99' }],
  })
  expect(seed.error).toBeNull()
  okKeys.add(`conc-seed-${process.pid}`)

  await Promise.all(Array.from({ length: 12 }, (_, w) => worker(w, co.accountant.db as SupabaseClient)))

  expect(unexpected).toEqual([])
  expect(okKeys.size).toBeGreaterThan(100)
  expect(await ledgerViolations(db, co.tenantId)).toEqual([])
  const docs = await db.query(
    `select count(*)::int n, count(distinct r.idempotency_key)::int keys
     from public.ledger_documents d
     join app_private.posting_requests r on r.tenant_id = d.tenant_id and (r.result ->> 'document_id')::uuid = d.id
     where d.tenant_id = $1`,
    [co.tenantId],
  )
  expect(docs.rows[0]).toEqual({ n: okKeys.size, keys: okKeys.size })
}, 180_000)
