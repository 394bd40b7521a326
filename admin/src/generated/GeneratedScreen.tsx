// The route element of /data/:table/…: a hand-made override when the registry has one, else the
// generated screen for the table, once the schema is in.
import { ErrorComponent } from '@refinedev/antd'
import { Alert, Spin } from 'antd'
import { useParams } from 'react-router'
import { GeneratedForm } from './GeneratedForm.tsx'
import { GeneratedList } from './GeneratedList.tsx'
import { GeneratedShow } from './GeneratedShow.tsx'
import { isGenerated, OVERRIDES, type Screen } from './registry.tsx'
import { useTableMeta } from './SchemaContext.tsx'

export function GeneratedScreen({ screen }: { screen: Screen }) {
  const { table: name } = useParams()
  const { table, loading, error } = useTableMeta(name)
  const Override = name ? OVERRIDES[name]?.[screen] : undefined
  if (Override) return <Override />
  if (error) return <Alert type="error" message={error} />
  if (loading) return <Spin />
  if (!table || !isGenerated(table.name, table.columns)) return <ErrorComponent />
  switch (screen) {
    case 'list':
      return <GeneratedList key={table.name} table={table} />
    case 'show':
      return <GeneratedShow key={table.name} table={table} />
    default:
      return <GeneratedForm key={`${table.name}:${screen}`} table={table} mode={screen} />
  }
}
