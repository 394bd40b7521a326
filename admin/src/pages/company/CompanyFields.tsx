// The company's fields, shared by the onboarding form and the company settings form. Once the books
// exist (editing), what shaped them (taxpayer type, accounting standard, fiscal year start) is shown but
// locked; the database lets the API change only the name, the credit code and the industry.
import { useTranslate, useTranslation } from '@refinedev/core'
import { Form, Input, Radio, Select } from 'antd'
import { useMemo } from 'react'
import { INDUSTRIES } from '../../lib/industries.ts'
import { CreditCodeItem } from './CreditCodeItem.tsx'
import { monthName } from './monthName.ts'
import { ACCOUNTING_STANDARDS, COMPANY_NAME_MAX, TAXPAYER_TYPES } from './types.ts'

export function CompanyFields({ booksExist = false }: { booksExist?: boolean }) {
  const translate = useTranslate()
  const locale = useTranslation().getLocale() ?? 'zh-CN'
  const months = useMemo(
    () => Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName(i + 1, locale) })),
    [locale],
  )
  const locked = booksExist ? translate('tenants.booksLocked') : undefined

  return (
    <>
      <Form.Item
        name="name"
        label={translate('tenants.fields.name')}
        rules={[
          { required: true, whitespace: true, message: translate('onboarding.validation.nameRequired') },
          {
            max: COMPANY_NAME_MAX,
            message: translate('onboarding.validation.nameTooLong', { max: COMPANY_NAME_MAX }),
          },
        ]}
      >
        <Input placeholder={translate('onboarding.placeholders.name')} autoComplete="organization" />
      </Form.Item>
      <CreditCodeItem />
      <Form.Item
        name="taxpayer_type"
        label={translate('tenants.fields.taxpayer_type')}
        rules={[{ required: true }]}
      >
        <Radio.Group
          optionType="button"
          options={TAXPAYER_TYPES.map((v) => ({ value: v, label: translate(`taxpayerTypes.${v}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="accounting_standard"
        label={translate('tenants.fields.accounting_standard')}
        extra={locked}
        rules={[{ required: true }]}
      >
        <Radio.Group
          disabled={booksExist}
          options={ACCOUNTING_STANDARDS.map((v) => ({
            value: v,
            label: translate(`accountingStandards.${v}`),
          }))}
        />
      </Form.Item>
      <Form.Item
        name="fiscal_year_start_month"
        label={translate('tenants.fields.fiscal_year_start_month')}
        extra={locked}
        rules={[{ required: true }]}
      >
        <Select options={months} disabled={booksExist} style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item label={translate('tenants.fields.base_currency')}>
        <Input value={translate('currencies.CNY')} disabled style={{ maxWidth: 200 }} />
      </Form.Item>
      <Form.Item name="industry" label={translate('tenants.fields.industry')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={translate('onboarding.placeholders.industry')}
          options={INDUSTRIES.map((i) => ({ value: i.name, label: translate(`industries.${i.code}`) }))}
        />
      </Form.Item>
    </>
  )
}
