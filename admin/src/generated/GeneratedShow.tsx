// One row of any business table, read-only.
import { Show } from '@refinedev/antd'
import { useShow } from '@refinedev/core'
import { Descriptions } from 'antd'
import { showColumns } from './columns.ts'
import { FieldValue } from './FieldValue.tsx'
import { idColumnOf, selectOf, type TableMeta } from './schema.ts'
import { useColumnLabel } from './useColumnLabel.ts'
import { useScreenTitle } from './useScreenTitle.ts'

export function GeneratedShow({ table }: { table: TableMeta }) {
  const label = useColumnLabel(table)
  const title = useScreenTitle(table, 'show')
  const { result: row, query } = useShow<Record<string, unknown>>({
    resource: table.name,
    meta: { select: selectOf(table), idColumnName: idColumnOf(table) },
  })
  return (
    <Show title={title} isLoading={query.isLoading}>
      {row && (
        <Descriptions
          column={1}
          bordered
          size="small"
          data-testid="generated-show"
          items={showColumns(table).map((c) => ({
            key: c.name,
            label: label(c),
            children: <FieldValue column={c} value={row[c.name]} />,
          }))}
        />
      )}
    </Show>
  )
}
