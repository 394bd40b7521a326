// The filter bar above a generated list: text columns match a part (ilike), enums and booleans match exactly.
import { SearchOutlined } from '@ant-design/icons'
import type { CrudFilters } from '@refinedev/core'
import { useTranslate } from '@refinedev/core'
import { Button, Form, type FormProps, Input, Select } from 'antd'
import type { ColumnMeta } from './schema.ts'

type Props = { formProps: FormProps; columns: ColumnMeta[]; label: (c: ColumnMeta) => string }

export type FilterValues = Record<string, string | undefined>

export function toCrudFilters(columns: ColumnMeta[], values: FilterValues): CrudFilters {
  return columns.map((c) => {
    const v = values[c.name]
    const empty = v === undefined || v === ''
    return { field: c.name, operator: c.kind === 'text' ? 'contains' : 'eq', value: empty ? undefined : v }
  })
}

export function ListFilters({ formProps, columns, label }: Props) {
  const translate = useTranslate()
  if (columns.length === 0) return null
  return (
    <Form {...formProps} layout="inline" style={{ marginBottom: 16 }} data-testid="generated-filters">
      {columns.map((c) => (
        <Form.Item key={c.name} name={c.name} label={label(c)}>
          {c.kind === 'text' ? (
            <Input allowClear style={{ width: 160 }} />
          ) : (
            <Select<string>
              allowClear
              style={{ width: 140 }}
              options={
                c.kind === 'boolean'
                  ? [
                      { value: 'true', label: translate('generated.yes') },
                      { value: 'false', label: translate('generated.no') },
                    ]
                  : c.enumValues?.map((v) => ({ value: v, label: translate(`generated.enums.${v}`, v) }))
              }
            />
          )}
        </Form.Item>
      ))}
      <Form.Item>
        <Button htmlType="submit" icon={<SearchOutlined />}>
          {translate('generated.search')}
        </Button>
      </Form.Item>
    </Form>
  )
}
