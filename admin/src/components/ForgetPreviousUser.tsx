// When another person signs in in this tab, or the person signs out, nothing of the previous one may
// remain: cached rows and rights, and toasts that name their companies.
import type { QueryClient } from '@tanstack/react-query'
import { App } from 'antd'
import { useEffect } from 'react'
import { onUserChange } from '../providers/queryClient.ts'
import { useSupabase } from '../providers/supabaseContext.tsx'
import { forgetUserData } from '../tenancy/cache.ts'

export function ForgetPreviousUser({ queryClient }: { queryClient: QueryClient }) {
  const supabase = useSupabase()
  const { notification, message } = App.useApp()
  useEffect(
    () =>
      onUserChange(supabase, () => {
        forgetUserData(queryClient)
        notification.destroy()
        message.destroy()
      }),
    [supabase, queryClient, notification, message],
  )
  return null
}
