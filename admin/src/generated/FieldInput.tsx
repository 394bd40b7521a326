// The form item of a column, by the column's kind: FK and enum selects, decimal strings (never floats),
// whole numbers, dates, switches, tags. JSON columns are not edited here.
import { useTranslate } from '@refinedev/core'
import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd'
import type { Rule } from 'antd/es/form'
import dayjs, { type Dayjs } from 'dayjs'
import { DATE_FORMAT } from '../lib/dates.ts'
import { FkSelect } from './FkSelect.tsx'
import { isDecimalString } from './money.ts'
import type { ColumnMeta } from './schema.ts'

type Props = { column: ColumnMeta; label: string; disabled: boolean; required: boolean }

const asDayjs = (v: unknown) => ({ value: typeof v === 'string' && v !== '' ? dayjs(v) : undefined })

function widget(column: ColumnMeta, disabled: boolean, translate: ReturnType<typeof useTranslate>) {
  switch (column.kind) {
    case 'fk':
      return column.references ? (
        <FkSelect table={column.references} disabled={disabled} />
      ) : (
        <Input disabled />
      )
    case 'enum':
      return (
        <Select
          allowClear
          disabled={disabled}
          options={column.enumValues?.map((v) => ({ value: v, label: translate(`generated.enums.${v}`, v) }))}
        />
      )
    case 'money':
    case 'quantity':
    case 'decimal':
      return <Input disabled={disabled} inputMode="decimal" style={{ textAlign: 'right' }} />
    case 'integer':
      return <InputNumber disabled={disabled} precision={0} style={{ width: '100%' }} />
    case 'date':
    case 'timestamp':
      return <DatePicker disabled={disabled} showTime={column.kind === 'timestamp'} />
    case 'boolean':
      return <Switch disabled={disabled} />
    case 'tags':
      return <Select mode="tags" disabled={disabled} open={false} suffixIcon={null} />
    default:
      return <Input disabled={disabled} />
  }
}

export function FieldInput({ column, label, disabled, required }: Props) {
  const translate = useTranslate()
  const rules: Rule[] = []
  if (required) rules.push({ required: true, message: translate('generated.validation.required', { label }) })
  if (['money', 'quantity', 'decimal'].includes(column.kind))
    rules.push({
      validator: async (_, v: unknown) => {
        if (v === undefined || v === null || v === '' || isDecimalString(String(v))) return
        throw new Error(translate('generated.validation.number'))
      },
    })
  const dates = column.kind === 'date' || column.kind === 'timestamp'
  return (
    <Form.Item
      name={column.name}
      label={label}
      rules={rules}
      valuePropName={column.kind === 'boolean' ? 'checked' : 'value'}
      {...(dates
        ? {
            getValueProps: asDayjs,
            normalize: (v: Dayjs | null) =>
              v ? (column.kind === 'date' ? v.format(DATE_FORMAT) : v.toISOString()) : null,
          }
        : {})}
    >
      {widget(column, disabled, translate)}
    </Form.Item>
  )
}
