import type { Tables } from '../../../../supabase/types.ts'

// public.tenants: one company's set of books. Rows are made by create_company() only; RLS shows the
// current company to members with tenant:read and lets tenant:update change it.
export type Tenant = Tables<'tenants'>

/** The fields of the company form; the names are the columns and the `hint`s of the database's errors. */
export type CompanyValues = Pick<
  Tenant,
  'name' | 'credit_code' | 'taxpayer_type' | 'accounting_standard' | 'fiscal_year_start_month'
> & { industry?: string | null }

export const COMPANY_NAME_MAX = 200
export const TAXPAYER_TYPES = ['small_scale', 'general'] as const
export const ACCOUNTING_STANDARDS = ['small_enterprise', 'enterprise'] as const
export const COMPANY_DEFAULTS: Partial<CompanyValues> = {
  taxpayer_type: 'small_scale',
  accounting_standard: 'small_enterprise',
  fiscal_year_start_month: 1,
}
