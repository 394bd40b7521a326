import type { Database } from '../../../supabase/types.ts'

type Api = Database['public']

export type TenantStatus = Api['Enums']['tenant_status']
export type TaxpayerType = Api['Enums']['taxpayer_type']
export type AccountingStandard = Api['Enums']['accounting_standard']

/** A row of my_tenants(): a company the signed-in person belongs to. trial_days_left is null unless on trial. */
export type MyTenant = Omit<Api['Functions']['my_tenants']['Returns'][number], 'trial_days_left'> & {
  trial_days_left: number | null
}

/** A row of my_permissions(): one right in the current company. */
export type MyPermission = Api['Functions']['my_permissions']['Returns'][number]
