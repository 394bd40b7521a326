// Reads of the order screens (sales and purchase orders share them: same shape, other tables). Numeric columns are selected as text (money never becomes a float);
// totals and line amounts are the database's (triggers price every line with vat_line).
import { useQuery } from '@tanstack/react-query'
import { useSupabase } from '../../providers/supabaseContext.tsx'

export const SALES_ORDERS_KEY = ['troika', 'orders'] as const

export type OrderKind = 'sales' | 'purchase'
export const KINDS = {
  sales: {
    orders: 'sales_orders',
    lines: 'sales_order_lines',
    partyFlag: 'is_customer',
    path: '/sales-orders',
    documentFk: 'sales_order_id',
    done: ['delivered_quantity', 'invoiced_quantity'],
    confirm: 'confirm_sales_order',
    fulfil: { rpc: 'deliver_sales_order', right: 'delivery' },
    bill: { rpc: 'invoice_sales_order', right: 'sales_invoice' },
    i18n: 'salesOrders',
  },
  purchase: {
    orders: 'purchase_orders',
    lines: 'purchase_order_lines',
    partyFlag: 'is_supplier',
    path: '/purchase-orders',
    documentFk: 'purchase_order_id',
    done: ['received_quantity', 'billed_quantity'],
    confirm: 'confirm_purchase_order',
    fulfil: { rpc: 'receive_purchase_order', right: 'purchase_receipt' },
    bill: { rpc: 'bill_purchase_order', right: 'supplier_bill' },
    i18n: 'purchaseOrders',
  },
} as const

export type OrderHeader = {
  id: string
  number: string
  party_id: string
  order_date: string
  warehouse_id: string | null
  tax_inclusive: boolean
  note: string | null
  status: 'draft' | 'submitted' | 'confirmed' | 'partial' | 'completed' | 'cancelled'
  amount: string
  tax: string
  total: string
}
export type OrderLine = {
  id: string
  line_no: number
  item_id: string
  quantity: string
  unit_price: string
  discount: string
  tax_rate: string | null
  amount: string
  tax: string
  total: string
  /** Delivered (received) so far. */
  done1: string
  /** Invoiced (billed) so far. */
  done2: string
}
export type Progress = {
  delivered_quantity: string
  invoiced_quantity: string
  invoiced_total: string
  unpaid: string
}
export type OrderDocument = {
  id: string
  doc_type: string
  carrier: string | null
  tracking_number: string | null
  created_at: string
}
export type Availability = { item_id: string; on_hand: string; reserved: string; on_order: string }

const HEADER =
  'id, number, party_id, order_date, warehouse_id, tax_inclusive, note, status, amount:amount::text, tax:tax::text, total:total::text'
const lineColumns = (kind: OrderKind) =>
  `id, line_no, item_id, quantity:quantity::text, unit_price:unit_price::text, discount:discount::text, tax_rate:tax_rate::text, amount:amount::text, tax:tax::text, total:total::text, done1:${KINDS[kind].done[0]}::text, done2:${KINDS[kind].done[1]}::text`

export function useOrder(kind: OrderKind, id: string | undefined) {
  const supabase = useSupabase()
  const k = KINDS[kind]
  return useQuery({
    queryKey: [...SALES_ORDERS_KEY, kind, 'one', id],
    enabled: Boolean(id),
    queryFn: async () => {
      const [header, lines, progress, documents] = await Promise.all([
        supabase.from(k.orders).select(HEADER).eq('id', id).single(),
        supabase.from(k.lines).select(lineColumns(kind)).eq('order_id', id).order('line_no'),
        // Progress of sales orders has its view (sales_order_progress); purchase orders show their lines'.
        kind === 'sales'
          ? supabase
              .from('sales_order_progress')
              .select(
                'delivered_quantity:delivered_quantity::text, invoiced_quantity:invoiced_quantity::text, invoiced_total:invoiced_total::text, unpaid:unpaid::text',
              )
              .eq('id', id)
              .maybeSingle()
          : Promise.resolve({ data: null, error: null }),
        supabase
          .from('order_documents')
          .select('id, doc_type, carrier, tracking_number, created_at')
          .eq(k.documentFk, id)
          .order('created_at'),
      ])
      for (const r of [header, lines, progress]) if (r.error) throw r.error
      return {
        header: header.data as unknown as OrderHeader,
        lines: (lines.data ?? []) as unknown as OrderLine[],
        progress: progress.data as unknown as Progress | null,
        // order_documents needs its own right (order_documents: read); without it the list stays empty.
        documents: (documents.data ?? []) as unknown as OrderDocument[],
      }
    },
  })
}

export function useOrders(kind: OrderKind) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...SALES_ORDERS_KEY, kind, 'list'],
    queryFn: async () => {
      const { data, error } = await supabase
        .from(KINDS[kind].orders)
        .select(`${HEADER}, parties(name)`)
        .order('created_at', { ascending: false })
        .limit(200)
      if (error) throw error
      return (data ?? []) as unknown as Array<OrderHeader & { parties: { name: string } | null }>
    },
  })
}

export function useOptions(table: 'parties' | 'warehouses' | 'items', kind: OrderKind = 'sales') {
  const supabase = useSupabase()
  return useQuery({
    queryKey: ['troika', 'options', table, kind],
    queryFn: async () => {
      const q =
        table === 'parties'
          ? supabase.from('parties').select('id, code, name').eq(KINDS[kind].partyFlag, true).order('code')
          : table === 'warehouses'
            ? supabase.from('warehouses').select('id, code, name').order('code')
            : supabase
                .from('items')
                .select('id, code:sku, name, sale_price:sale_price::text')
                .eq('active', true)
                .order('sku')
      const { data, error } = await q.limit(1000)
      if (error) throw error
      return (data ?? []) as unknown as Array<{
        id: string
        code: string
        name: string
        sale_price?: string | null
      }>
    },
    staleTime: 30_000,
  })
}

export function useAvailability(itemIds: string[], warehouseId: string | null | undefined) {
  const supabase = useSupabase()
  const ids = [...new Set(itemIds.filter(Boolean))].sort()
  return useQuery({
    queryKey: ['troika', 'item_availability', warehouseId, ids],
    enabled: ids.length > 0 && Boolean(warehouseId),
    queryFn: async () => {
      const { data, error } = await supabase
        .from('item_availability')
        .select('item_id, on_hand:on_hand::text, reserved:reserved::text, on_order:on_order::text')
        .in('item_id', ids)
        .eq('warehouse_id', warehouseId)
      if (error) throw error
      return new Map(((data ?? []) as unknown as Availability[]).map((a) => [a.item_id, a]))
    },
  })
}

export type TaxRates = {
  /** item id → its output (sales) or input (purchase) tax code */
  itemCodes: Map<string, string | null>
  codes: Array<{ code: string; rate: string; valid_from: string; valid_to: string | null }>
}

/** What the line trigger would take as a line's VAT rate: the item's tax code, valid on the order date. */
export function useTaxRates(kind: OrderKind) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: ['troika', 'tax_rates', kind],
    queryFn: async (): Promise<TaxRates> => {
      const codeColumn = kind === 'sales' ? 'output_tax_code' : 'input_tax_code'
      const [items, codes] = await Promise.all([
        supabase.from('items').select(`id, code:${codeColumn}`).eq('active', true).limit(1000),
        supabase.from('tax_codes').select('code, rate:rate::text, valid_from, valid_to'),
      ])
      if (items.error) throw items.error
      if (codes.error) throw codes.error
      return {
        itemCodes: new Map(
          ((items.data ?? []) as unknown as Array<{ id: string; code: string | null }>).map((i) => [
            i.id,
            i.code,
          ]),
        ),
        codes: (codes.data ?? []) as unknown as TaxRates['codes'],
      }
    },
    staleTime: 60_000,
  })
}

export function rateOn(rates: TaxRates | undefined, itemId: string | undefined, date: string): string | null {
  if (!rates || !itemId) return null
  const code = rates.itemCodes.get(itemId)
  if (!code) return null
  return (
    rates.codes.find((c) => c.code === code && c.valid_from <= date && (!c.valid_to || c.valid_to >= date))
      ?.rate ?? null
  )
}
