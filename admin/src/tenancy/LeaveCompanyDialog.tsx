// Leaving the current company (leave_tenant): asked first, refused in plain words for its last owner
// (who hands over ownership on the members page first). Afterwards the person works in their next
// company, or is sent to create one (TenantGate decides). The company switcher loads this on first use:
// the header is part of every page's first download.
import { useGo, useNotification, useTranslate } from '@refinedev/core'
import { useQueryClient } from '@tanstack/react-query'
import { Modal } from 'antd'
import { useState } from 'react'
import { useShowDbError } from '../lib/useDbError.ts'
import { useSupabase } from '../providers/supabaseContext.tsx'
import { reloadForTenant } from './cache.ts'

export function LeaveCompanyDialog({ company, onClose }: { company: { name: string }; onClose: () => void }) {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const showError = useShowDbError()
  const { open } = useNotification()
  const go = useGo()
  const [busy, setBusy] = useState(false)

  const leave = async () => {
    setBusy(true)
    const { error } = await supabase.rpc('leave_tenant')
    setBusy(false)
    onClose() // a refusal cannot be retried from here: it says what to do first (hand over ownership)
    if (error) {
      showError(error, 'tenantSwitcher.leaveFailed')
      return
    }
    open?.({ type: 'success', message: translate('tenantSwitcher.left', { name: company.name }) })
    go({ to: '/', type: 'replace' })
    await reloadForTenant(queryClient)
  }

  return (
    <Modal
      open
      title={translate('tenantSwitcher.leaveConfirm', { name: company.name })}
      okText={translate('tenantSwitcher.leave')}
      okButtonProps={{ danger: true, loading: busy, 'data-testid': 'leave-ok' } as never}
      cancelText={translate('buttons.cancel')}
      onOk={leave}
      onCancel={onClose}
      destroyOnHidden
    >
      {translate('tenantSwitcher.leaveWarning')}
    </Modal>
  )
}
