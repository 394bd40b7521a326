// The link between the sign-in and sign-up pages: it keeps ?to= (the page to return to, e.g. an
// invitation). The other page's code starts loading when the pointer or the focus reaches the link
// (preloadLinksOnHover): until it is there the current form stays on screen.
import { Link } from '@refinedev/core'
import { Typography } from 'antd'
import { useLocation } from 'react-router'

type OtherAuthPageProps = { to: '/login' | '/register'; prompt: string; action: string }

export function OtherAuthPage({ to, prompt, action }: OtherAuthPageProps) {
  const { search } = useLocation()
  return (
    <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
      {prompt} <Link to={`${to}${search}`}>{action}</Link>
    </Typography.Paragraph>
  )
}
