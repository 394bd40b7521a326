// Reads of the voucher screens. Amounts are selected as text: money never becomes a float.
import { useQuery } from '@tanstack/react-query'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { FINANCE_KEY } from './lookups.ts'

export const VOUCHERS_KEY = [...FINANCE_KEY, 'vouchers'] as const

export type VoucherHeader = {
  id: string
  tenant_id: string
  word: string
  voucher_date: string
  period_id: string | null
  number: number | null
  summary: string
  attachment_count: number
  status: 'draft' | 'posted' | 'reversed'
  source_type: string | null
  source_id: string | null
  reversal_of: string | null
  reversed_by: string | null
  prepared_by: string | null
  reviewed_by: string | null
  posted_at: string | null
}

export type VoucherLine = {
  id: string
  line_no: number
  summary: string
  account_id: string
  debit: string
  credit: string
  party_id: string | null
  item_id: string | null
  department_id: string | null
  project_id: string | null
  employee_id: string | null
}

export type SourceDocument = {
  id: string
  doc_type: string
  number: string | null
  doc_date: string
  total: string | null
  status: string
  party_id: string | null
  reversed_by: string | null
  reversal_of: string | null
}

export const HEADER_COLUMNS =
  'id, tenant_id, word, voucher_date, period_id, number, summary, attachment_count, status, source_type, source_id, reversal_of, reversed_by, prepared_by, reviewed_by, posted_at'
const LINE_COLUMNS =
  'id, line_no, summary, account_id, debit:debit::text, credit:credit::text, party_id, item_id, department_id, project_id, employee_id'

export const voucherNo = (v: Pick<VoucherHeader, 'word' | 'number'>) =>
  v.number ? `${v.word}-${v.number}` : `${v.word}-?`

export function useVoucher(id: string | undefined) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...VOUCHERS_KEY, 'one', id],
    enabled: Boolean(id),
    queryFn: async () => {
      const [h, l] = await Promise.all([
        supabase
          .from('vouchers')
          .select(HEADER_COLUMNS)
          .eq('id', id as string)
          .maybeSingle(),
        supabase
          .from('voucher_lines')
          .select(LINE_COLUMNS)
          .eq('voucher_id', id as string)
          .order('line_no'),
      ])
      if (h.error) throw h.error
      if (l.error) throw l.error
      const header = h.data as VoucherHeader | null
      let source: SourceDocument | null = null
      if (header?.source_id && header.source_type !== 'bank_statement_line') {
        const d = await supabase
          .from('ledger_documents')
          .select(
            'id, doc_type, number, doc_date, total:total::text, status, party_id, reversed_by, reversal_of',
          )
          .eq('id', header.source_id)
          .maybeSingle()
        // a person without read on ledger_documents sees the voucher without its document
        if (!d.error) source = d.data as SourceDocument | null
      }
      return { header, lines: (l.data ?? []) as unknown as VoucherLine[], source }
    },
  })
}
