// Calls of the bank screens: the edge functions bank-import (upload, preview of a new column layout,
// import) and bank-match (suggestions), and the reads of statements and lines. The functions answer
// refusals as 4xx JSON {code, message}; supabase-js hands those over as FunctionsHttpError, whose
// response body is read here so that the person sees the function's sentence.
import type { SupabaseClient } from '@supabase/supabase-js'
import { useQuery } from '@tanstack/react-query'
import type { Suggestion } from '../../../../functions/_shared/bank/match.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { FINANCE_KEY } from '../vouchers/lookups.ts'
import type { ColumnMapping, DateOrder, TableMapping } from './mapping.ts'

// What bank-match suggests for a line: the function's own type.
export type { Suggestion }

export const BANK_KEY = [...FINANCE_KEY, 'bank'] as const

export type BankAccount = {
  id: string
  name: string
  account_number: string
  currency: string
  active: boolean
}

export type PreviewLine = {
  date: string
  amount: string
  counterparty_name: string | null
  memo: string | null
  reference: string | null
  balance: string | null
}

export type UploadAnswer =
  | {
      preview: true
      format: string
      encoding: string | null
      mapping: TableMapping
      line_count: number
      total: string
      lines: PreviewLine[]
      warnings: { line: number | null; message: string }[]
    }
  | {
      preview?: false
      format: string
      mapping?: TableMapping
      warnings: { line: number | null; message: string }[]
      result: {
        statement_id: string
        imported: number
        skipped: number
        lines: number
        duplicate_file: boolean
      }
    }

export type FunctionError = { code?: string; message: string; hint?: string | null }

async function functionError(error: unknown): Promise<FunctionError> {
  const context = (error as { context?: Response }).context
  if (context && typeof context.json === 'function') {
    try {
      const body = (await context.clone().json()) as FunctionError
      if (body?.message) return body
    } catch {
      // not JSON: fall through
    }
  }
  return { message: (error as Error).message ?? String(error) }
}

export async function uploadStatement(
  supabase: SupabaseClient,
  args: {
    bankAccountId: string
    file: File
    mapping?: { columns: ColumnMapping; dateOrder: DateOrder; invertSign: boolean }
    confirm?: boolean
  },
): Promise<{ data: UploadAnswer | null; error: FunctionError | null }> {
  const form = new FormData()
  form.append('file', args.file, args.file.name)
  form.append('bank_account_id', args.bankAccountId)
  form.append('file_name', args.file.name)
  if (args.mapping) form.append('mapping', JSON.stringify(args.mapping))
  if (args.confirm) form.append('confirm', 'true')
  const { data, error } = await supabase.functions.invoke('bank-import', { body: form })
  if (error) return { data: null, error: await functionError(error) }
  return { data: data as UploadAnswer, error: null }
}

export function useSuggestions(statementId: string | undefined) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...BANK_KEY, 'suggestions', statementId],
    enabled: Boolean(statementId),
    queryFn: async (): Promise<Map<string, Suggestion[]>> => {
      const { data, error } = await supabase.functions.invoke('bank-match', {
        method: 'POST',
        body: { statement_id: statementId },
      })
      if (error) throw await functionError(error)
      const lines = (data as { lines: { line_id: string; suggestions: Suggestion[] }[] }).lines ?? []
      return new Map(lines.map((l) => [l.line_id, l.suggestions]))
    },
  })
}

/** The arguments of confirm_bank_line for a suggestion. */
export function confirmArgs(lineId: string, s: Suggestion) {
  return {
    p_line_id: lineId,
    p_kind: s.kind,
    p_open_item_id: s.open_item_id ?? null,
    p_account_id: s.account_id ?? null,
    p_party_id: s.party_id ?? null,
    p_department_id: s.department_id ?? null,
    p_project_id: s.project_id ?? null,
    p_other_line_id: s.other_line_id ?? null,
  }
}

export function useBankAccounts() {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...BANK_KEY, 'accounts'],
    queryFn: async (): Promise<BankAccount[]> => {
      const { data, error } = await supabase
        .from('bank_accounts')
        .select('id, name, account_number, currency, active')
        .order('name')
      if (error) throw error
      return (data ?? []) as BankAccount[]
    },
  })
}

export type Reconciliation = {
  statement_id: string
  bank_account_id: string
  opening_balance: string | null
  closing_balance: string | null
  lines: number
  reconciled_count: number
  reconciled_sum: string
  unreconciled_count: number
  unreconciled_sum: string
  book_balance: string
}

export async function reconciliation(
  supabase: SupabaseClient,
  statementId: string,
): Promise<Reconciliation | null> {
  const { data, error } = await supabase
    .rpc('bank_reconciliation', { p_statement_id: statementId })
    .select(
      'statement_id, bank_account_id, opening_balance:opening_balance::text, closing_balance:closing_balance::text, lines, reconciled_count, reconciled_sum:reconciled_sum::text, unreconciled_count, unreconciled_sum:unreconciled_sum::text, book_balance:book_balance::text',
    )
  if (error) throw error
  return ((data ?? []) as unknown as Reconciliation[])[0] ?? null
}
