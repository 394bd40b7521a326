// Reads of the sales order screen. Numeric columns are selected as text (money never becomes a float);
// totals and line amounts are the database's (triggers price every line with vat_line).
import { useQuery } from '@tanstack/react-query'
import { useSupabase } from '../../providers/supabaseContext.tsx'

export const SALES_ORDERS_KEY = ['troika', 'sales_orders'] as const

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
  delivered_quantity: string
  invoiced_quantity: string
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
const LINE =
  'id, line_no, item_id, quantity:quantity::text, unit_price:unit_price::text, discount:discount::text, tax_rate:tax_rate::text, amount:amount::text, tax:tax::text, total:total::text, delivered_quantity:delivered_quantity::text, invoiced_quantity:invoiced_quantity::text'

export function useSalesOrder(id: string | undefined) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...SALES_ORDERS_KEY, 'one', id],
    enabled: Boolean(id),
    queryFn: async () => {
      const [header, lines, progress, documents] = await Promise.all([
        supabase.from('sales_orders').select(HEADER).eq('id', id).single(),
        supabase.from('sales_order_lines').select(LINE).eq('order_id', id).order('line_no'),
        supabase
          .from('sales_order_progress')
          .select(
            'delivered_quantity:delivered_quantity::text, invoiced_quantity:invoiced_quantity::text, invoiced_total:invoiced_total::text, unpaid:unpaid::text',
          )
          .eq('id', id)
          .maybeSingle(),
        supabase
          .from('order_documents')
          .select('id, doc_type, carrier, tracking_number, created_at')
          .eq('sales_order_id', id)
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

export function useSalesOrders() {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...SALES_ORDERS_KEY, 'list'],
    queryFn: async () => {
      const { data, error } = await supabase
        .from('sales_orders')
        .select(`${HEADER}, parties(name)`)
        .order('created_at', { ascending: false })
        .limit(200)
      if (error) throw error
      return (data ?? []) as unknown as Array<OrderHeader & { parties: { name: string } | null }>
    },
  })
}

export function useOptions(table: 'parties' | 'warehouses' | 'items') {
  const supabase = useSupabase()
  return useQuery({
    queryKey: ['troika', 'options', table],
    queryFn: async () => {
      const q =
        table === 'parties'
          ? supabase.from('parties').select('id, code, name').eq('is_customer', true).order('code')
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
