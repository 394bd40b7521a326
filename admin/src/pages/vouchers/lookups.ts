// The reads the finance screens share (vouchers, bank, reports): accounts, fiscal periods and the
// options of the dimension pickers (customers/suppliers, items, departments, projects, employees). Each
// is one react-query cache entry; RLS decides what the person sees.
import type { SupabaseClient } from '@supabase/supabase-js'
import { useQuery } from '@tanstack/react-query'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import type { Dimension } from './voucherMath.ts'

export type Account = {
  id: string
  code: string
  name: string
  level: number
  type: string
  direction: string
  is_leaf: boolean
  active: boolean
  auxiliary: Dimension[]
}

export type Period = {
  id: string
  fiscal_year: number
  period_no: number
  start_date: string
  end_date: string
  status: string
}

export type Option = { value: string; label: string }

export const FINANCE_KEY = ['troika', 'finance'] as const

export const periodLabel = (p: Pick<Period, 'fiscal_year' | 'period_no'>) =>
  `${p.fiscal_year}-${String(p.period_no).padStart(2, '0')}`

/** The period containing a date, else the latest one. */
export function periodOf(periods: readonly Period[], date: string): Period | undefined {
  return periods.find((p) => p.start_date <= date && date <= p.end_date) ?? periods[0]
}

export function useAccounts() {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...FINANCE_KEY, 'accounts'],
    staleTime: 60_000,
    queryFn: async (): Promise<Account[]> => {
      const { data, error } = await supabase
        .from('accounts')
        .select('id, code, name, level, type, direction, is_leaf, active, auxiliary')
        .order('code')
        .limit(5000)
      if (error) throw error
      return (data ?? []) as Account[]
    },
  })
}

/** Money accounts by their chart codes: 1001 库存现金, 1002 银行存款, 1012 其他货币资金. */
export const CASH_ACCOUNTS = ['1001', '1002', '1012'] as const
export const BANK_ACCOUNTS = ['1002'] as const

/** Active leaf accounts under the given codes (where money is received or paid from), by code. */
export function useLeafAccountsUnder(codes: readonly string[]) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...FINANCE_KEY, 'leaf_accounts', ...codes],
    staleTime: 60_000,
    queryFn: async (): Promise<Array<Pick<Account, 'id' | 'code' | 'name'>>> => {
      const { data, error } = await supabase
        .from('accounts')
        .select('id, code, name')
        .eq('is_leaf', true)
        .eq('active', true)
        .or(codes.map((code) => `code.like.${code}%`).join(','))
        .order('code')
      if (error) throw error
      return data ?? []
    },
  })
}

export function usePeriods() {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...FINANCE_KEY, 'periods'],
    staleTime: 60_000,
    queryFn: async (): Promise<Period[]> => {
      const { data, error } = await supabase
        .from('fiscal_periods')
        .select('id, fiscal_year, period_no, start_date, end_date, status')
        .order('start_date', { ascending: false })
      if (error) throw error
      return (data ?? []) as Period[]
    },
  })
}

const OPTION_SOURCES: Record<string, (s: SupabaseClient) => Promise<Option[]>> = {
  customer: async (s) => parties(s, 'is_customer'),
  supplier: async (s) => parties(s, 'is_supplier'),
  party: async (s) => parties(s),
  item: async (s) => {
    const { data, error } = await s.from('items').select('id, sku, name').order('sku').limit(2000)
    if (error) throw error
    return (data ?? []).map((r) => ({ value: r.id, label: `${r.sku} ${r.name}` }))
  },
  department: async (s) => {
    const { data, error } = await s.from('departments').select('id, name').order('name').limit(2000)
    if (error) throw error
    return (data ?? []).map((r) => ({ value: r.id, label: r.name }))
  },
  project: async (s) => {
    const { data, error } = await s.from('projects').select('id, code, name').order('code').limit(2000)
    if (error) throw error
    return (data ?? []).map((r) => ({ value: r.id, label: `${r.code} ${r.name}` }))
  },
  employee: async (s) => {
    const { data, error } = await s
      .from('memberships')
      .select('user_id, display_name, email')
      .order('display_name')
      .limit(2000)
    if (error) throw error
    return (data ?? []).map((r) => ({ value: r.user_id, label: r.display_name || r.email || r.user_id }))
  },
}

async function parties(s: SupabaseClient, flag?: 'is_customer' | 'is_supplier'): Promise<Option[]> {
  let q = s.from('parties').select('id, code, name').order('code').limit(5000)
  if (flag) q = q.eq(flag, true)
  const { data, error } = await q
  if (error) throw error
  return (data ?? []).map((r) => ({ value: r.id, label: `${r.code} ${r.name}` }))
}

/** Options of one picker: customer, supplier, party (both), item, department, project or employee. */
export function useOptions(kind: string, enabled = true) {
  const supabase = useSupabase()
  return useQuery({
    queryKey: [...FINANCE_KEY, 'options', kind],
    staleTime: 60_000,
    enabled: enabled && kind in OPTION_SOURCES,
    queryFn: () => OPTION_SOURCES[kind](supabase),
  })
}

/** antd Select's search over "code name" labels. */
export const filterByLabel = (input: string, option?: { label?: unknown }) =>
  String(option?.label ?? '')
    .toLowerCase()
    .includes(input.trim().toLowerCase())
