// Where an invitation link lands (/accept-invite?token=…): the signed-in person joins the company with the
// roles of the invitation (accept_invitation checks the token, the e-mail address, expiry and revocation)
// and starts working in it. Signed-out visitors sign in or up first and come back here (?to=).
import { useGetIdentity, useGo, useTranslate } from '@refinedev/core'
import { useQueryClient } from '@tanstack/react-query'
import { Alert, Button, Card, Flex, Typography } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { useShowDbError } from '../../lib/useDbError.ts'
import { useSupabase } from '../../providers/supabaseContext.tsx'
import { reloadForTenant } from '../../tenancy/cache.ts'

export function AcceptInvitePage() {
  const translate = useTranslate()
  const supabase = useSupabase()
  const queryClient = useQueryClient()
  const showError = useShowDbError()
  const go = useGo()
  const [search] = useSearchParams()
  const token = search.get('token') ?? ''
  const { data: me } = useGetIdentity<{ email?: string }>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const accept = async () => {
    setBusy(true)
    setError(null)
    const { error: refused } = await supabase.rpc('accept_invitation', { p_token: token })
    if (refused) {
      setError(showError(refused))
      setBusy(false)
      return
    }
    await reloadForTenant(queryClient)
    go({ to: '/', type: 'replace' })
  }

  return (
    <Flex justify="center" style={{ padding: 48 }}>
      <Card title={translate('invitations.accept.title')} style={{ maxWidth: 520, width: '100%' }}>
        <Typography.Paragraph>
          {translate('invitations.accept.intro', { email: me?.email ?? '' })}
        </Typography.Paragraph>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            style={{ marginBottom: 16 }}
            data-testid="accept-error"
          />
        )}
        <Button type="primary" onClick={accept} loading={busy} disabled={!token} data-testid="accept-invite">
          {translate('invitations.accept.join')}
        </Button>
      </Card>
    </Flex>
  )
}
