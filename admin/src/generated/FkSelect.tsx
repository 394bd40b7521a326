// A searchable select over the rows a foreign key may point to, showing each row's name (or code…).
import { useSelect } from '@refinedev/antd'
import { Select, type SelectProps } from 'antd'
import { useTableMeta } from './SchemaContext.tsx'
import { idColumnOf, labelColumnOf } from './schema.ts'

type Props = {
  table: string
  id?: string
  value?: string | null
  onChange?: (v: string | null) => void
  disabled?: boolean
}

export function FkSelect({ table, id, value, onChange, disabled }: Props) {
  const { table: meta } = useTableMeta(table)
  const label = labelColumnOf(meta)
  const idColumn = (meta && idColumnOf(meta)) ?? 'id'
  const { selectProps } = useSelect<Record<string, unknown>>({
    resource: table,
    optionLabel: label,
    optionValue: idColumn,
    defaultValue: value ?? undefined,
    meta: { idColumnName: idColumn },
    sorters: [{ field: label, order: 'asc' }],
    pagination: { pageSize: 50 },
    queryOptions: { enabled: Boolean(meta) },
  })
  return (
    <Select<string>
      {...(selectProps as SelectProps<string>)}
      id={id}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      allowClear
      showSearch
      disabled={disabled}
    />
  )
}
