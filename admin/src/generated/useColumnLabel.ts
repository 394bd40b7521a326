// Column labels: `generated.columns.<table>.<column>` when the i18n files name it, else the comment.
import { useTranslate } from '@refinedev/core'
import { useSyncExternalStore } from 'react'
import { localeStore } from '../i18n/locale.ts'
import { labelFromComment } from './label.ts'
import type { ColumnMeta, TableMeta } from './schema.ts'

export function useColumnLabel(table: TableMeta | undefined) {
  const translate = useTranslate()
  const locale = useSyncExternalStore(localeStore.subscribe, localeStore.get)
  return (column: ColumnMeta) =>
    translate(
      `generated.columns.${table?.name}.${column.name}`,
      translate(`generated.common.${column.name}`, labelFromComment(column.comment, locale, column.name)),
    )
}
