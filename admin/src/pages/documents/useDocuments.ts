// Reads of the document screens: an order with what is left to deliver / invoice / receive / bill per
// line, the posted documents, a customer's open invoices. Numeric columns are read as text (money never
// becomes a float).
import { useQuery } from '@tanstack/react-query'
import { useSupabase } from '../../providers/supabaseContext.tsx'

export type FulfilmentKind = 'delivery' | 'sales_invoice' | 'purchase_receipt' | 'supplier_bill'

/** Per document kind: the order it comes from, the RPC that posts it, the order-line columns of progress. */
export const FULFILMENT: Record<
  FulfilmentKind,
  {
    sales: boolean
    orders: 'sales_orders' | 'purchase_orders'
    lines: 'sales_order_lines' | 'purchase_order_lines'
    rpc: string
    /** Done so far on the line. */
    done: string
    /** What the step may reach: the ordered quantity, or what the previous step did. */
    upto: string
    orderPath: string
    /** Shows the stock available per line (goods leave the warehouse). */
    stock: boolean
    /** Shows and posts prices (invoices and bills). */
    priced: boolean
  }
> = {
  delivery: {
    sales: true,
    orders: 'sales_orders',
    lines: 'sales_order_lines',
    rpc: 'deliver_sales_order',
    done: 'delivered_quantity',
    upto: 'quantity',
    orderPath: '/sales-orders',
    stock: true,
    priced: false,
  },
  sales_invoice: {
    sales: true,
    orders: 'sales_orders',
    lines: 'sales_order_lines',
    rpc: 'invoice_sales_order',
    done: 'invoiced_quantity',
    upto: 'delivered_quantity',
    orderPath: '/sales-orders',
    stock: false,
    priced: true,
  },
  purchase_receipt: {
    sales: false,
    orders: 'purchase_orders',
    lines: 'purchase_order_lines',
    rpc: 'receive_purchase_order',
    done: 'received_quantity',
    upto: 'quantity',
    orderPath: '/purchase-orders',
    stock: true,
    priced: false,
  },
  supplier_bill: {
    sales: false,
    orders: 'purchase_orders',
    lines: 'purchase_order_lines',
    rpc: 'bill_purchase_order',
    done: 'billed_quantity',
    upto: 'received_quantity',
    orderPath: '/purchase-orders',
    stock: false,
    priced: true,
  },
}

export const isFulfilmentKind = (v: string | undefined): v is FulfilmentKind =>
  v !== undefined && v in FULFILMENT

export type SourceOrder = {
  id: string
  number: string
  status: string
  order_date: string
  tax_inclusive: boolean
  warehouse_id: string | null
  party: {
    id: string
    code: string
    name: string
    invoice_title: string | null
    taxpayer_id: string | null
  } | null
  warehouse: { code: string; name: string } | null
}

export type SourceLine = {
  id: string
  line_no: number
  item_id: string
  quantity: string
  unit_price: string
  discount: string
  tax_rate: string | null
  done: string
  upto: string
  item: {
    sku: string
    name: string
    spec: string | null
    unit: string
    tax_classification_code: string | null
  } | null
}

export const DOCUMENTS_KEY = ['troika', 'documents'] as const

export function useSourceOrder(kind: FulfilmentKind, orderId: string | undefined) {
  const supabase = useSupabase()
  const f = FULFILMENT[kind]
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, 'source', kind, orderId],
    enabled: Boolean(orderId),
    queryFn: async () => {
      const [header, lines] = await Promise.all([
        supabase
          .from(f.orders)
          .select(
            'id, number, status, order_date, tax_inclusive, warehouse_id, party:parties(id, code, name, invoice_title, taxpayer_id), warehouse:warehouses(code, name)',
          )
          .eq('id', orderId)
          .single(),
        supabase
          .from(f.lines)
          .select(
            `id, line_no, item_id, quantity:quantity::text, unit_price:unit_price::text, discount:discount::text, tax_rate:tax_rate::text, done:${f.done}::text, upto:${f.upto}::text, item:items(sku, name, spec, unit, tax_classification_code)`,
          )
          .eq('order_id', orderId)
          .order('line_no'),
      ])
      if (header.error) throw header.error
      if (lines.error) throw lines.error
      return {
        order: header.data as unknown as SourceOrder,
        lines: (lines.data ?? []) as unknown as SourceLine[],
      }
    },
  })
}

/** The company as seller on an invoice (name and unified social credit code). */
export function useSeller(tenantId: string | undefined) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: ['troika', 'seller', tenantId],
    enabled: Boolean(tenantId),
    queryFn: async () => {
      const { data, error } = await supabase
        .from('tenants')
        .select('name, credit_code')
        .eq('id', tenantId)
        .single()
      if (error) throw error
      return data as { name: string; credit_code: string }
    },
    staleTime: 300_000,
  })
}

export type PostedDocument = {
  id: string
  doc_type: string
  carrier: string | null
  tracking_number: string | null
  created_at: string
  document: {
    id: string
    number: string | null
    doc_date: string
    total: string | null
    status: string
    party: { name: string } | null
  } | null
  sales_order: { id: string; number: string } | null
  purchase_order: { id: string; number: string } | null
}

/** Documents posted from orders, newest first (order_documents needs read on order_documents). */
export function usePostedDocuments(docType: string) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, 'posted', docType],
    queryFn: async () => {
      const { data, error } = await supabase
        .from('order_documents')
        .select(
          'id, doc_type, carrier, tracking_number, created_at, document:ledger_documents(id, number, doc_date, total:total::text, status, party:parties(name)), sales_order:sales_orders(id, number), purchase_order:purchase_orders(id, number)',
        )
        .eq('doc_type', docType)
        .order('created_at', { ascending: false })
        .limit(200)
      if (error) throw error
      return (data ?? []) as unknown as PostedDocument[]
    },
  })
}

export type LedgerDocumentRow = {
  id: string
  number: string | null
  doc_date: string
  total: string | null
  status: string
  party: { name: string } | null
}

/** Posted ledger documents of a type (customer receipts have no order). */
export function useLedgerDocuments(docType: string) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, 'ledger', docType],
    queryFn: async () => {
      const { data, error } = await supabase
        .from('ledger_documents')
        .select('id, number, doc_date, total:total::text, status, party:parties(name)')
        .eq('doc_type', docType)
        .order('created_at', { ascending: false })
        .limit(200)
      if (error) throw error
      return (data ?? []) as unknown as LedgerDocumentRow[]
    },
  })
}

export type OpenInvoice = {
  id: string
  source_id: string | null
  source_type: string | null
  doc_date: string
  due_date: string
  amount: string
  outstanding: string
  number?: string | null
}

/** A customer's receivables still open (positive outstanding), oldest due first, with their numbers. */
export function useOpenInvoices(partyId: string | undefined) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...DOCUMENTS_KEY, 'open', partyId],
    enabled: Boolean(partyId),
    queryFn: async () => {
      const { data, error } = await supabase
        .from('open_items')
        .select(
          'id, source_id, source_type, doc_date, due_date, amount:amount::text, outstanding:outstanding::text',
        )
        .eq('party_id', partyId)
        .gt('outstanding', 0)
        .order('due_date')
        .order('doc_date')
      if (error) throw error
      const rows = (data ?? []) as unknown as OpenInvoice[]
      const ids = rows.map((r) => r.source_id).filter(Boolean) as string[]
      if (ids.length > 0) {
        const docs = await supabase.from('ledger_documents').select('id, number').in('id', ids)
        const numbers = new Map(
          ((docs.data ?? []) as Array<{ id: string; number: string | null }>).map((d) => [d.id, d.number]),
        )
        for (const r of rows) r.number = r.source_id ? (numbers.get(r.source_id) ?? null) : null
      }
      return rows
    },
  })
}
