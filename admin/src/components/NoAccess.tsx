// Shown instead of a page the person's roles may not read (the menu hides it, a typed URL lands here).
import { useTranslate } from '@refinedev/core'
import { Result } from 'antd'

export function NoAccess() {
  const translate = useTranslate()
  return (
    <div data-testid="no-access">
      <Result status="403" title={translate('noAccess.title')} subTitle={translate('noAccess.description')} />
    </div>
  )
}
