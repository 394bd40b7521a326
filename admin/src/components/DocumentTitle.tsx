// <title>: "Troika" on home and the auth pages, "<page> · Troika" elsewhere; follows the UI language.
import { useParsed, useTranslate } from '@refinedev/core'
import { useEffect } from 'react'

export function DocumentTitle() {
  const { resource, action } = useParsed()
  const translate = useTranslate()
  const name = resource?.name
  useEffect(() => {
    const page = name && name !== 'home' && action ? translate(`${name}.titles.${action}`, '') : ''
    document.title = page ? `${page} · Troika` : 'Troika'
  }, [name, action, translate])
  return null
}
