// "公司设置": the current company's details, with an edit button for those allowed to change them.
import { DateField, EditButton, Show } from '@refinedev/antd'
import { useOne, useTranslate, useTranslation } from '@refinedev/core'
import { Descriptions, Typography } from 'antd'
import { TenantStatusTag } from '../../components/TenantStatusTag.tsx'
import { DATE_TIME_FORMAT } from '../../lib/dates.ts'
import { useMyTenants } from '../../tenancy/useMyTenants.ts'
import { monthName } from './monthName.ts'
import type { Tenant } from './types.ts'

export function CompanyShow() {
  const translate = useTranslate()
  const locale = useTranslation().getLocale() ?? 'zh-CN'
  const { active } = useMyTenants()
  const { result: company, query } = useOne<Tenant>({
    resource: 'tenants',
    id: active?.tenant_id ?? '',
    queryOptions: { enabled: Boolean(active) },
  })
  const label = (field: keyof Tenant) => translate(`tenants.fields.${field}`)
  const notSet = <Typography.Text type="secondary">{translate('home.notSet')}</Typography.Text>

  return (
    <Show
      resource="tenants"
      recordItemId={active?.tenant_id}
      title={translate('tenants.titles.show')}
      isLoading={query.isLoading}
      goBack={false}
      headerButtons={active ? <EditButton resource="tenants" recordItemId={active.tenant_id} /> : null}
    >
      {company && (
        <Descriptions
          column={1}
          bordered
          size="small"
          style={{ maxWidth: 720 }}
          items={[
            { key: 'name', label: label('name'), children: company.name },
            {
              key: 'credit_code',
              label: label('credit_code'),
              children: <Typography.Text code>{company.credit_code}</Typography.Text>,
            },
            {
              key: 'taxpayer_type',
              label: label('taxpayer_type'),
              children: translate(`taxpayerTypes.${company.taxpayer_type}`),
            },
            {
              key: 'accounting_standard',
              label: label('accounting_standard'),
              children: translate(`accountingStandards.${company.accounting_standard}`),
            },
            {
              key: 'fiscal_year_start_month',
              label: label('fiscal_year_start_month'),
              children: monthName(company.fiscal_year_start_month, locale),
            },
            {
              key: 'base_currency',
              label: label('base_currency'),
              children: translate(`currencies.${company.base_currency}`, company.base_currency),
            },
            { key: 'industry', label: label('industry'), children: company.industry || notSet },
            {
              key: 'status',
              label: label('status'),
              children: (
                <>
                  {translate(`tenantStatus.${active?.status ?? company.status}`)}{' '}
                  {active && <TenantStatusTag tenant={active} />}
                </>
              ),
            },
            ...(company.status === 'trial'
              ? [
                  {
                    key: 'trial_ends_at',
                    label: label('trial_ends_at'),
                    children: <DateField value={company.trial_ends_at} format={DATE_TIME_FORMAT} />,
                  },
                ]
              : []),
            {
              key: 'created_at',
              label: label('created_at'),
              children: <DateField value={company.created_at} format={DATE_TIME_FORMAT} />,
            },
          ]}
        />
      )}
    </Show>
  )
}
