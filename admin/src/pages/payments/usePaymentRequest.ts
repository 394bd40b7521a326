// Reads of the payment request screens (付款申请): the requests, one request with its bills, the
// supplier's open bills (open payables: negative outstanding, shown as the positive amount still owed)
// with what other requests under approval or approved already claim on them, and the bank accounts a
// request may name. Money is selected as text: it never becomes a float.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { subtractDecimal, sumDecimals } from '../../lib/decimal.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'

export const PAYMENT_REQUESTS_KEY = ['troika', 'payment_requests'] as const
export const PAGE_SIZE = 20

export const STATUSES = [
  'draft',
  'pending',
  'approved',
  'rejected',
  'withdrawn',
  'paid',
  'cancelled',
] as const
export type PaymentRequestStatus = (typeof STATUSES)[number]
export const STATUS_COLORS: Record<PaymentRequestStatus, string> = {
  draft: 'default',
  pending: 'processing',
  approved: 'blue',
  rejected: 'error',
  withdrawn: 'warning',
  paid: 'success',
  cancelled: 'default',
}
/** Statuses in which the request may still change (app_private.payment_request_editable). */
export const EDITABLE: ReadonlyArray<string> = ['draft', 'rejected', 'withdrawn']

export type PaymentRequest = {
  id: string
  number: string
  party_id: string
  amount: string
  bank_account_id: string | null
  request_date: string
  pay_by: string | null
  note: string | null
  status: PaymentRequestStatus
  document_id: string | null
  result: { number?: string; voucher_id?: string | null; voucher_number?: string | null } | null
}
export type PaymentRequestLine = { id: string; line_no: number; open_item_id: string; amount: string }
export type OpenBill = {
  id: string
  kind: string
  source_id: string | null
  doc_date: string
  due_date: string
  /** The bill's amount, positive. */
  amount: string
  /** Still owed on it, positive. */
  open: string
  number: string | null
  /** Claimed by other requests under approval or approved. */
  claimed: string
  claimedBy: string[]
}

const HEADER =
  'id, number, party_id, amount:amount::text, bank_account_id, request_date, pay_by, note, status, document_id, result'

export function usePaymentRequests(filters: { status?: string; partyId?: string; page: number }) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...PAYMENT_REQUESTS_KEY, 'list', filters.status, filters.partyId, filters.page],
    placeholderData: keepPreviousData,
    queryFn: async () => {
      let q = supabase
        .from('payment_requests')
        .select('id, number, party_id, amount:amount::text, pay_by, request_date, status, parties(name)', {
          count: 'exact',
        })
        .order('request_date', { ascending: false })
        .order('number', { ascending: false })
        .range((filters.page - 1) * PAGE_SIZE, filters.page * PAGE_SIZE - 1)
      if (filters.status) q = q.eq('status', filters.status)
      if (filters.partyId) q = q.eq('party_id', filters.partyId)
      const { data, error, count } = await q
      if (error) throw error
      type Row = Pick<
        PaymentRequest,
        'id' | 'number' | 'party_id' | 'amount' | 'pay_by' | 'request_date' | 'status'
      > & {
        parties: { name: string } | null
      }
      return { rows: (data ?? []) as unknown as Row[], count: count ?? 0 }
    },
  })
}

export function usePaymentRequest(id: string | undefined) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...PAYMENT_REQUESTS_KEY, 'one', id],
    enabled: Boolean(id),
    queryFn: async () => {
      const [header, lines] = await Promise.all([
        supabase
          .from('payment_requests')
          .select(HEADER)
          .eq('id', id as string)
          .single(),
        supabase
          .from('payment_request_lines')
          .select('id, line_no, open_item_id, amount:amount::text')
          .eq('request_id', id as string)
          .order('line_no'),
      ])
      if (header.error) throw header.error
      if (lines.error) throw lines.error
      return {
        header: header.data as unknown as PaymentRequest,
        lines: (lines.data ?? []) as unknown as PaymentRequestLine[],
      }
    },
  })
}

/** "-226.00" → "226.00" (open payables are credits: negative outstanding). */
export function negate(value: string): string {
  return value.startsWith('-')
    ? value.slice(1)
    : value === '0' || /^0(\.0+)?$/.test(value)
      ? value
      : `-${value}`
}

/**
 * The supplier's open bills, oldest due first, plus the bills the request names already (paid ones
 * stay visible on their request), with what other pending or approved requests claim on each.
 */
export function useOpenBills(partyId: string | undefined, requestId: string | undefined, named: string[]) {
  const supabase = useSupabase()
  const ids = [...new Set(named)].sort()
  return useQuery({
    queryKey: [...PAYMENT_REQUESTS_KEY, 'bills', partyId, requestId, ids.join(',')],
    enabled: Boolean(partyId),
    queryFn: async (): Promise<OpenBill[]> => {
      const open = 'and(outstanding.lt.0,kind.neq.prepayment)'
      const { data, error } = await supabase
        .from('open_items')
        .select('id, kind, source_id, doc_date, due_date, amount:amount::text, outstanding:outstanding::text')
        .eq('party_id', partyId as string)
        .or(ids.length > 0 ? `${open},id.in.(${ids.join(',')})` : open)
        .order('due_date')
        .order('doc_date')
      if (error) throw error
      // amounts as read: signed (bills negative), made positive below
      const rows = (data ?? []) as unknown as Array<
        Pick<OpenBill, 'id' | 'kind' | 'source_id' | 'doc_date' | 'due_date' | 'amount'> & {
          outstanding: string
        }
      >
      const sources = rows.map((r) => r.source_id).filter(Boolean) as string[]
      const itemIds = rows.map((r) => r.id)
      const [docs, claims] = await Promise.all([
        sources.length > 0
          ? supabase.from('ledger_documents').select('id, number').in('id', sources)
          : Promise.resolve({ data: [], error: null }),
        itemIds.length > 0
          ? (() => {
              let q = supabase
                .from('payment_request_lines')
                .select(
                  'open_item_id, request_id, amount:amount::text, payment_requests!inner(number, status)',
                )
                .in('open_item_id', itemIds)
                .in('payment_requests.status', ['pending', 'approved'])
              if (requestId) q = q.neq('request_id', requestId)
              return q
            })()
          : Promise.resolve({ data: [], error: null }),
      ])
      const numbers = new Map(
        ((docs.data ?? []) as Array<{ id: string; number: string | null }>).map((d) => [d.id, d.number]),
      )
      // Claims are a hint: someone who may not read other requests just sees none.
      const claimRows = (claims.error ? [] : (claims.data ?? [])) as unknown as Array<{
        open_item_id: string
        amount: string
        payment_requests: { number: string } | null
      }>
      const claimsOf = new Map<string, typeof claimRows>()
      for (const c of claimRows) claimsOf.set(c.open_item_id, [...(claimsOf.get(c.open_item_id) ?? []), c])
      return rows.map((r) => {
        const mine = claimsOf.get(r.id) ?? []
        return {
          id: r.id,
          kind: r.kind,
          source_id: r.source_id,
          doc_date: r.doc_date,
          due_date: r.due_date,
          amount: negate(r.amount),
          open: negate(r.outstanding),
          number: r.source_id ? (numbers.get(r.source_id) ?? null) : null,
          claimed: sumDecimals(mine.map((c) => c.amount)),
          claimedBy: mine.map((c) => c.payment_requests?.number ?? '').filter(Boolean),
        }
      })
    },
  })
}

/** What is left to ask for on a bill: open minus what other requests claim, never below zero. */
export function available(bill: Pick<OpenBill, 'open' | 'claimed'>): string {
  const left = subtractDecimal(bill.open, bill.claimed, 2)
  return left.startsWith('-') ? '0.00' : left
}
