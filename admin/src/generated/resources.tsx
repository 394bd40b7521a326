// Refine resources for the generated screens: one menu entry per business table (routes /data/<table>),
// filed under its group, guarded by the matrix resource of the table.
import { DatabaseOutlined, FolderOutlined } from '@ant-design/icons'
import type { ResourceProps } from '@refinedev/core'
import type { Locale } from '../i18n/locale.ts'
import { translate } from '../i18n/messages.ts'
import { labelFromComment } from './label.ts'
import { resourceOfTable } from './permissions.ts'
import { DEFAULT_GROUP, GROUP_OF_TABLE, isGenerated } from './registry.tsx'
import { idColumnOf, type Schema, type TableMeta } from './schema.ts'

export const dataPath = (table: string) => `/data/${table}`
const groupName = (group: string) => `group:${group}`

export function tableLabel(table: TableMeta, locale: Locale): string {
  return translate(
    locale,
    `generated.tables.${table.name}`,
    labelFromComment(table.comment, locale, table.name),
  )
}

export function generatedResources(schema: Schema | undefined, locale: Locale): ResourceProps[] {
  const tables = Object.values(schema ?? {})
    .filter((t) => isGenerated(t.name, t.columns) && idColumnOf(t))
    .sort((a, b) => a.name.localeCompare(b.name))
  const groups = [...new Set(tables.map((t) => GROUP_OF_TABLE[t.name] ?? DEFAULT_GROUP))]
  return [
    ...groups.map(
      (group): ResourceProps => ({
        name: groupName(group),
        meta: { label: translate(locale, `generated.groups.${group}`, group), icon: <FolderOutlined /> },
      }),
    ),
    ...tables.map(
      (t): ResourceProps => ({
        name: t.name,
        list: dataPath(t.name),
        show: `${dataPath(t.name)}/show/:id`,
        create: `${dataPath(t.name)}/create`,
        edit: `${dataPath(t.name)}/edit/:id`,
        meta: {
          label: tableLabel(t, locale),
          parent: groupName(GROUP_OF_TABLE[t.name] ?? DEFAULT_GROUP),
          permission: resourceOfTable(t.name),
          idColumnName: idColumnOf(t),
          canDelete: true,
          icon: <DatabaseOutlined />,
        },
      }),
    ),
  ]
}
