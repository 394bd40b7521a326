// The heading of a generated screen in the UI language ("新建科目", "Edit Accounts").
import { useTranslate } from '@refinedev/core'
import { useSyncExternalStore } from 'react'
import { localeStore } from '../i18n/locale.ts'
import { tableLabel } from './resources.tsx'
import type { TableMeta } from './schema.ts'

export function useScreenTitle(table: TableMeta, screen: 'list' | 'show' | 'create' | 'edit'): string {
  const translate = useTranslate()
  const locale = useSyncExternalStore(localeStore.subscribe, localeStore.get)
  return translate(`generated.titles.${screen}`, { label: tableLabel(table, locale) })
}
