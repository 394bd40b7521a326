// The onboarding form's values as the arguments of public.create_company().
import type { CompanyValues } from '../company/types.ts'

export function createCompanyArgs(values: CompanyValues) {
  const industry = values.industry?.trim()
  return {
    p_name: values.name.trim(),
    p_credit_code: values.credit_code,
    p_taxpayer_type: values.taxpayer_type,
    p_accounting_standard: values.accounting_standard,
    p_fiscal_year_start_month: values.fiscal_year_start_month,
    ...(industry ? { p_industry: industry } : {}),
  }
}
