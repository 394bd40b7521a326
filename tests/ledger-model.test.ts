// Property-based: random streams of receipts, deliveries, invoices, customer receipts with allocations
// and reversals go through post_document/reverse_document (supabase-js, as the app) and through an
// in-memory model of the same rules (decimal.js, no floats); afterwards stock, receivables and the GL
// must equal the model, refusals must match, and every invariant of tests/helpers/ledger.ts must hold.
import Decimal from 'decimal.js'
import fc from 'fast-check'
import type pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ledgerCompany, ledgerViolations, post, shanghaiToday } from './helpers/ledger.ts'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
const today = shanghaiToday()

beforeAll(async () => {
  db = await superuserDb()
  co = await ledgerCompany(db, 'model')
})
afterAll(async () => {
  await db?.end()
})

type Op =
  | { kind: 'receipt'; item: number; qty: number; cost: string }
  | { kind: 'delivery'; item: number; qty: number }
  | { kind: 'invoice'; qty: number; price: string }
  | { kind: 'collect'; pick: number; part: number; extra: string }
  | { kind: 'reverse'; pick: number }

const money = (cents: number) => new Decimal(cents).div(100).toFixed(2)
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('receipt' as const),
    item: fc.nat(1),
    qty: fc.integer({ min: 1, max: 20 }),
    cost: fc.integer({ min: 1, max: 99999 }).map(money),
  }),
  fc.record({
    kind: fc.constant('delivery' as const),
    item: fc.nat(1),
    qty: fc.integer({ min: 1, max: 15 }),
  }),
  fc.record({
    kind: fc.constant('invoice' as const),
    qty: fc.integer({ min: 1, max: 9 }),
    price: fc.integer({ min: 1, max: 50000 }).map(money),
  }),
  fc.record({
    kind: fc.constant('collect' as const),
    pick: fc.nat(50),
    part: fc.integer({ min: 1, max: 100 }),
    extra: fc.integer({ min: 0, max: 5000 }).map(money),
  }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat(50) }),
)

interface Doc {
  type: 'purchase_receipt' | 'delivery' | 'sales_invoice' | 'customer_receipt'
  id: string
  item?: number
  qty?: Decimal
  value?: Decimal
  openItem?: string
  reversed: boolean
}

let run = 0
it('random document streams agree with the model and keep the books consistent', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 18 }), async (ops) => {
      run++
      const tag = `${process.pid}-${run}-${Date.now()}`
      const customer = (
        await db.query(
          `insert into public.parties (tenant_id, code, name) values ($1, $2, $3) returning id`,
          [co.tenantId, `M${run}-${process.pid}`.slice(0, 30), `模型客户 ${tag}`],
        )
      ).rows[0].id as string
      const items: string[] = []
      for (const i of [0, 1])
        items.push(
          (
            await db.query(
              `insert into public.items (tenant_id, sku, name) values ($1, $2, $3) returning id`,
              [co.tenantId, `M${i}-${tag}`.slice(0, 40), `模型商品 ${i}`],
            )
          ).rows[0].id,
        )
      const stock = [
        { q: new Decimal(0), v: new Decimal(0) },
        { q: new Decimal(0), v: new Decimal(0) },
      ]
      const open = new Map<string, { amount: Decimal; outstanding: Decimal }>()
      let prepaid = new Decimal(0)
      let revenue = new Decimal(0)
      let cogs = new Decimal(0)
      const docs: Doc[] = []
      let k = 0
      const key = () => `model-${tag}-${k++}`

      for (const op of ops) {
        if (op.kind === 'receipt') {
          const s = stock[op.item]
          const r = await post(co.accountant.db, 'purchase_receipt', key(), {
            date: today,
            supplier_id: co.supplierId,
            lines: [{ item_id: items[op.item], quantity: String(op.qty), unit_cost: op.cost }],
          })
          expect(r.error).toBeNull()
          const value = new Decimal(op.cost).mul(op.qty).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
          s.q = s.q.add(op.qty)
          s.v = s.v.add(value)
          docs.push({
            type: 'purchase_receipt',
            id: r.data?.document_id as string,
            item: op.item,
            qty: new Decimal(op.qty),
            value,
            reversed: false,
          })
        } else if (op.kind === 'delivery') {
          const s = stock[op.item]
          const r = await post(co.accountant.db, 'delivery', key(), {
            date: today,
            customer_id: customer,
            lines: [{ item_id: items[op.item], quantity: String(op.qty) }],
          })
          if (s.q.lt(op.qty)) {
            expect(r.error?.code).toBe('TR730')
            continue
          }
          expect(r.error).toBeNull()
          const cost = s.q.eq(op.qty)
            ? s.v
            : s.v.mul(op.qty).div(s.q).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
          s.q = s.q.sub(op.qty)
          s.v = s.v.sub(cost)
          cogs = cogs.add(cost)
          docs.push({
            type: 'delivery',
            id: r.data?.document_id as string,
            item: op.item,
            qty: new Decimal(op.qty),
            value: cost,
            reversed: false,
          })
        } else if (op.kind === 'invoice') {
          const r = await post(co.accountant.db, 'sales_invoice', key(), {
            date: today,
            customer_id: customer,
            lines: [{ quantity: String(op.qty), unit_price: op.price, tax_code: 'VAT13' }],
          })
          expect(r.error).toBeNull()
          const gross = new Decimal(op.price).mul(op.qty).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
          const amount = gross.div('1.13').toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
          const item = (
            await db.query('select id from public.open_items where source_id = $1', [r.data?.document_id])
          ).rows[0].id as string
          open.set(item, { amount: gross, outstanding: gross })
          revenue = revenue.add(amount)
          docs.push({
            type: 'sales_invoice',
            id: r.data?.document_id as string,
            value: amount,
            openItem: item,
            reversed: false,
          })
        } else if (op.kind === 'collect') {
          const candidates = [...open.entries()].filter(([, o]) => o.outstanding.gt(0))
          const allocations =
            candidates.length === 0
              ? []
              : (() => {
                  const [id, o] = candidates[op.pick % candidates.length]
                  const part = o.outstanding.mul(op.part).div(100).toDecimalPlaces(2, Decimal.ROUND_DOWN)
                  return part.gt(0) ? [{ open_item_id: id, amount: part }] : []
                })()
          const total = allocations.reduce((s, a) => s.add(a.amount), new Decimal(op.extra))
          if (total.eq(0)) continue
          const r = await post(co.cashier.db, 'customer_receipt', key(), {
            date: today,
            customer_id: customer,
            amount: total.toFixed(2),
            allocations: allocations.map((a) => ({
              open_item_id: a.open_item_id,
              amount: a.amount.toFixed(2),
            })),
          })
          expect(r.error).toBeNull()
          for (const a of allocations) {
            const o = open.get(a.open_item_id) as { outstanding: Decimal }
            o.outstanding = o.outstanding.sub(a.amount)
          }
          prepaid = prepaid.add(op.extra)
          // receipts are not picked for reversal in this model (marked as such)
          docs.push({ type: 'customer_receipt', id: r.data?.document_id as string, reversed: true })
        } else {
          const live = docs.filter((d) => !d.reversed)
          if (live.length === 0) continue
          const d = live[op.pick % live.length]
          const { error } = await co.accountant.db.rpc('reverse_document', {
            p_idempotency_key: key(),
            p_document_id: d.id,
          })
          if (d.type === 'purchase_receipt') {
            const s = stock[d.item as number]
            const q = s.q.sub(d.qty as Decimal)
            const v = s.v.sub(d.value as Decimal)
            if (q.lt(0)) {
              expect(error?.code).toBe('TR730')
              continue
            }
            if ((q.eq(0) && !v.eq(0)) || v.lt(0)) {
              expect(error?.code).toBe('TR733')
              continue
            }
            expect(error).toBeNull()
            s.q = q
            s.v = v
          } else if (d.type === 'delivery') {
            expect(error).toBeNull()
            const s = stock[d.item as number]
            s.q = s.q.add(d.qty as Decimal)
            s.v = s.v.add(d.value as Decimal)
            cogs = cogs.sub(d.value as Decimal)
          } else {
            const o = open.get(d.openItem as string) as { amount: Decimal; outstanding: Decimal }
            if (!o.outstanding.eq(o.amount)) {
              expect(error?.code).toBe('TR720')
              continue
            }
            expect(error).toBeNull()
            o.outstanding = new Decimal(0)
            revenue = revenue.sub(d.value as Decimal)
          }
          d.reversed = true
        }
      }

      for (const [i, s] of stock.entries()) {
        const row = (
          await db.query(
            'select quantity::text q, value::text v from public.stock_levels where item_id = $1',
            [items[i]],
          )
        ).rows[0] ?? { q: '0', v: '0' }
        expect(
          new Decimal(row.q).eq(s.q) && new Decimal(row.v).eq(s.v),
          `item ${i}: ${JSON.stringify(row)}`,
        ).toBe(true)
      }
      const receivable = [...open.values()].reduce((s, o) => s.add(o.outstanding), new Decimal(0))
      const gl = (
        await db.query(
          `select s.key, coalesce(sum(l.debit - l.credit), 0)::text b
           from public.posting_settings s
           left join public.voucher_lines l on l.account_id = s.account_id
             and (l.party_id = $2 or s.key in ('revenue_account', 'cogs_account'))
             and l.voucher_id in (select v.id from public.vouchers v join public.ledger_documents d on d.id = v.source_id
                                  where d.party_id = $2 and v.status <> 'draft')
           where s.tenant_id = $1 and s.key in ('ar_account', 'advance_received_account', 'revenue_account', 'cogs_account')
           group by s.key`,
          [co.tenantId, customer],
        )
      ).rows as Array<{ key: string; b: string }>
      const balance = (k: string) => new Decimal(gl.find((r) => r.key === k)?.b ?? 0)
      expect(balance('ar_account').eq(receivable), `AR ${balance('ar_account')} vs ${receivable}`).toBe(true)
      expect(balance('advance_received_account').eq(prepaid.neg()), 'prepayments').toBe(true)
      expect(
        balance('revenue_account').eq(revenue.neg()),
        `revenue ${balance('revenue_account')} vs ${revenue}`,
      ).toBe(true)
      expect(balance('cogs_account').eq(cogs), `cogs ${balance('cogs_account')} vs ${cogs}`).toBe(true)
    }),
    { numRuns: 20 },
  )
  expect(await ledgerViolations(db, co.tenantId)).toEqual([])
}, 300_000)
