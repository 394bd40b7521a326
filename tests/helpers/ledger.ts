// A company ready for the ledger engine (people with roles, a supplier, a customer, items) and the
// checks that trust no cached balance: they recompute everything from vouchers, moves and open items.
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { enrol, newCompany } from './company.ts'
import { signedInUser } from './stack.ts'

export interface PostingError {
  code: string
  message: string
  hint: string | null
}

type Untyped = {
  rpc(fn: string, args?: object): PromiseLike<{ data: unknown; error: PostingError | null }>
}

export interface Posted {
  document_id: string
  doc_type: string
  number: string
  voucher_id: string | null
  voucher_number: string | null
  total: number | null
}

/** post_document through PostgREST, as the app calls it. */
export async function post(
  client: SupabaseClient,
  docType: string,
  key: string,
  document: object,
): Promise<{ data: Posted | null; error: PostingError | null }> {
  const r = await (client as unknown as Untyped).rpc('post_document', {
    p_doc_type: docType,
    p_idempotency_key: key,
    p_document: document,
  })
  return { data: r.data as Posted | null, error: r.error }
}

export async function mustPost(client: SupabaseClient, docType: string, key: string, document: object) {
  const r = await post(client, docType, key, document)
  if (r.error || !r.data)
    throw new Error(`${docType}: ${r.error?.code} ${r.error?.message} (${r.error?.hint})`)
  return r.data
}

export async function ledgerCompany(
  db: pg.Client,
  prefix: string,
  taxpayer: 'general' | 'small_scale' = 'general',
) {
  const company = await newCompany(prefix, { taxpayer })
  const t = company.tenantId
  // Sign-ups in parallel; the memberships one after the other (one database connection).
  const people = await Promise.all(
    ['acct', 'wh', 'cash', 'sales'].map((role) => signedInUser(`${prefix}-${role}`)),
  )
  const accountant = await enrol(db, t, 'accountant', people[0])
  const warehouse = await enrol(db, t, 'warehouse', people[1])
  const cashier = await enrol(db, t, 'cashier', people[2])
  const sales = await enrol(db, t, 'sales', people[3])
  const one = async (sql: string, params: unknown[]) => (await db.query(sql, params)).rows[0]
  const supplier = await one(
    `insert into public.parties (tenant_id, code, name, is_customer, is_supplier, payment_terms_days)
     values ($1, 'S001', '供应商甲', false, true, 30) returning id`,
    [t],
  )
  const customer = await one(
    `insert into public.parties (tenant_id, code, name, is_customer, payment_terms_days)
     values ($1, 'C001', '客户乙', true, 15) returning id`,
    [t],
  )
  const items: string[] = []
  for (let i = 1; i <= 5; i++) {
    const row = await one(
      `insert into public.items (tenant_id, sku, name, output_tax_code, input_tax_code)
       values ($1, $2, $3, $4, $5) returning id`,
      [
        t,
        `SKU-${i}`,
        `商品${i}`,
        taxpayer === 'general' ? 'VAT13' : 'S3',
        taxpayer === 'general' ? 'IN13' : null,
      ],
    )
    items.push(row.id)
  }
  const wh = await one(`select id from public.warehouses where tenant_id = $1 and code = 'WH01'`, [t])
  const wh2 = await one(
    `insert into public.warehouses (tenant_id, code, name) values ($1, 'WH02', '二号仓') returning id`,
    [t],
  )
  return {
    ...company,
    accountant,
    warehouse,
    cashier,
    sales,
    supplierId: supplier.id as string,
    customerId: customer.id as string,
    items,
    warehouseId: wh.id as string,
    warehouse2Id: wh2.id as string,
  }
}

/** Every invariant of the books of a company, recomputed from the rows; [] when all hold. */
export async function ledgerViolations(db: pg.Client, tenantId: string): Promise<string[]> {
  const checks: Array<[string, string]> = [
    [
      'a posted voucher does not balance',
      `select v.id from public.vouchers v join public.voucher_lines l on l.voucher_id = v.id
       where v.tenant_id = $1 and v.status <> 'draft' group by v.id having sum(l.debit) <> sum(l.credit)`,
    ],
    [
      'total debits differ from total credits',
      `select 1 from public.voucher_lines l join public.vouchers v on v.id = l.voucher_id
       where v.tenant_id = $1 and v.status <> 'draft' having sum(l.debit) <> sum(l.credit)`,
    ],
    [
      'voucher numbers have gaps or duplicates',
      `select period_id, word from public.vouchers where tenant_id = $1 and status <> 'draft'
       group by 1, 2 having max(number) <> count(*) or count(distinct number) <> count(*)`,
    ],
    [
      'stock level differs from the sum of its moves',
      `select s.item_id from public.stock_levels s
       left join lateral (select coalesce(sum(m.quantity), 0) q, coalesce(sum(m.value), 0) v from public.stock_moves m
                          where m.tenant_id = s.tenant_id and m.item_id = s.item_id and m.warehouse_id = s.warehouse_id) m on true
       where s.tenant_id = $1 and (s.quantity <> m.q or s.value <> m.v)`,
    ],
    [
      'a move does not carry the running quantity and value',
      `select id from (
         select m.id, m.quantity_after, m.value_after,
           sum(m.quantity) over w as q, sum(m.value) over w as v
         from public.stock_moves m where m.tenant_id = $1
         window w as (partition by m.item_id, m.warehouse_id order by m.id)) x
       where quantity_after <> q or value_after <> v`,
    ],
    [
      'negative stock',
      `select 1 from public.stock_moves where tenant_id = $1 and (quantity_after < 0 or value_after < 0)`,
    ],
    [
      'stock without quantity keeps value',
      `select 1 from public.stock_levels where tenant_id = $1 and quantity = 0 and value <> 0`,
    ],
    [
      'inventory account differs from the stock value',
      `select 1 from (select coalesce(sum(l.debit - l.credit), 0) gl from public.voucher_lines l
         join public.vouchers v on v.id = l.voucher_id
         join public.posting_settings s on s.tenant_id = v.tenant_id and s.key = 'inventory_account' and s.account_id = l.account_id
         where v.tenant_id = $1 and v.status <> 'draft') g,
         (select coalesce(sum(value), 0) st from public.stock_levels where tenant_id = $1) s
       where g.gl <> s.st`,
    ],
    [
      'a sub-ledger differs from its control account',
      `with gl as (
         select l.account_id, l.party_id, sum(l.debit - l.credit) b from public.voucher_lines l
         join public.vouchers v on v.id = l.voucher_id
         join public.posting_settings s on s.tenant_id = v.tenant_id and s.account_id = l.account_id
           and s.key in ('ar_account', 'ap_account', 'advance_received_account', 'advance_paid_account')
         where v.tenant_id = $1 and v.status <> 'draft' group by 1, 2),
       sub as (select account_id, party_id, sum(outstanding) b from public.open_items where tenant_id = $1 group by 1, 2)
       select 1 from gl full join sub using (account_id, party_id) where coalesce(gl.b, 0) <> coalesce(sub.b, 0)`,
    ],
    [
      'an open item differs from its amount and allocations',
      `select oi.id from public.open_items oi
       left join lateral (select coalesce(sum(a.amount), 0) s from public.allocations a where a.open_item_id = oi.id) a on true
       where oi.tenant_id = $1 and oi.outstanding <> oi.amount + a.s`,
    ],
    [
      'folded balances differ from the vouchers',
      `with gl as (select l.account_id, sum(l.debit) d, sum(l.credit) c from public.voucher_lines l
                   join public.vouchers v on v.id = l.voucher_id where v.tenant_id = $1 and v.status <> 'draft' group by 1),
       folded as (select account_id, sum(debit) d, sum(credit) c from (
                    select account_id, debit, credit from app_private.gl_balances where tenant_id = $1
                    union all select account_id, debit, credit from app_private.gl_pending where tenant_id = $1) x group by 1)
       select 1 from gl full join folded using (account_id) where gl.d is distinct from folded.d or gl.c is distinct from folded.c`,
    ],
    [
      'per-account folded balances differ from the vouchers',
      `with gl as (select l.account_id, sum(l.debit) d, sum(l.credit) c from public.voucher_lines l
                   join public.vouchers v on v.id = l.voucher_id where v.tenant_id = $1 and v.status <> 'draft' group by 1),
       folded as (select account_id, sum(debit) d, sum(credit) c from (
                    select account_id, debit, credit from app_private.gl_account_balances where tenant_id = $1
                    union all select account_id, debit, credit from app_private.gl_pending where tenant_id = $1) x group by 1)
       select 1 from gl full join folded using (account_id) where gl.d is distinct from folded.d or gl.c is distinct from folded.c`,
    ],
    [
      'an idempotency key without exactly one document',
      `select r.idempotency_key from app_private.posting_requests r
       left join public.ledger_documents d on d.id = (r.result ->> 'document_id')::uuid
       where r.tenant_id = $1 and (r.result is null or d.id is null)`,
    ],
    [
      'a document without its key',
      `select d.id from public.ledger_documents d where d.tenant_id = $1 and (select count(*) from app_private.posting_requests r
         where r.tenant_id = $1 and (r.result ->> 'document_id')::uuid = d.id) <> 1`,
    ],
  ]
  const found: string[] = []
  for (const [label, sql] of checks) {
    const r = await db.query(sql, [tenantId])
    if (r.rowCount) found.push(`${label} (${r.rowCount})`)
  }
  return found
}

/** Today as the database sees it (Asia/Shanghai): documents without a date are dated so. */
export { shanghaiToday } from '../../admin/src/lib/dates.ts'

/** A day relative to today in Asia/Shanghai (where the database counts days), as YYYY-MM-DD. */
export function shanghaiDay(offset: number): string {
  return new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10)
}
