// The name of the row a foreign key points to (accounts.parent_id → "管理费用").
import { useOne } from '@refinedev/core'
import { Typography } from 'antd'
import { useTableMeta } from './SchemaContext.tsx'
import { idColumnOf, labelColumnOf } from './schema.ts'

export function FkText({ table, id }: { table: string; id: string }) {
  const { table: meta } = useTableMeta(table)
  const idColumn = meta ? idColumnOf(meta) : undefined
  const { result } = useOne<Record<string, unknown>>({
    resource: table,
    id,
    meta: { idColumnName: idColumn },
    queryOptions: { enabled: Boolean(meta && idColumn) },
  })
  const label = result?.[labelColumnOf(meta)]
  return <Typography.Text>{typeof label === 'string' ? label : id.slice(0, 8)}</Typography.Text>
}
