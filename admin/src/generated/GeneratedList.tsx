// The list of any business table: server-side pagination, sorting and filters, kept in the URL.
import { DeleteButton, EditButton, getDefaultSortOrder, List, ShowButton, useTable } from '@refinedev/antd'
import { useTranslate } from '@refinedev/core'
import { Space, Table } from 'antd'
import { filterColumns, initialSortColumn, listColumns } from './columns.ts'
import { FieldValue, RIGHT_ALIGNED } from './FieldValue.tsx'
import { type FilterValues, ListFilters, toCrudFilters } from './ListFilters.tsx'
import { idColumnOf, selectOf, type TableMeta } from './schema.ts'
import { useColumnLabel } from './useColumnLabel.ts'
import { useScreenTitle } from './useScreenTitle.ts'

type Row = Record<string, unknown>

export function GeneratedList({ table }: { table: TableMeta }) {
  const translate = useTranslate()
  const label = useColumnLabel(table)
  const title = useScreenTitle(table, 'list')
  const idColumn = idColumnOf(table) ?? 'id'
  const filters = filterColumns(table)
  const sortBy = initialSortColumn(table)
  const { tableProps, searchFormProps, sorters } = useTable<Row, never, FilterValues>({
    resource: table.name,
    syncWithLocation: true,
    meta: { select: selectOf(table), idColumnName: idColumn },
    sorters: { initial: sortBy ? [{ field: sortBy, order: 'asc' }] : [] },
    onSearch: (values) => toCrudFilters(filters, values),
  })

  return (
    <List title={title}>
      <ListFilters formProps={searchFormProps} columns={filters} label={label} />
      <Table {...tableProps} rowKey={idColumn} data-testid="generated-table">
        {listColumns(table).map((c) => (
          <Table.Column<Row>
            key={c.name}
            dataIndex={c.name}
            title={label(c)}
            sorter={c.kind !== 'tags'}
            defaultSortOrder={getDefaultSortOrder(c.name, sorters)}
            align={RIGHT_ALIGNED.has(c.kind) ? 'right' : 'left'}
            render={(v: unknown) => <FieldValue column={c} value={v} />}
          />
        ))}
        <Table.Column<Row>
          key="actions"
          title={translate('table.actions')}
          render={(_, row) => (
            <Space>
              <ShowButton hideText size="small" recordItemId={String(row[idColumn])} />
              <EditButton hideText size="small" recordItemId={String(row[idColumn])} />
              <DeleteButton hideText size="small" recordItemId={String(row[idColumn])} />
            </Space>
          )}
        />
      </Table>
    </List>
  )
}
