// The link between the sign-in and sign-up pages. It keeps ?to= (the page to return to, e.g. an
// invitation), and starts loading the other page's code when the pointer or the focus reaches it: until
// that code is there the current form stays on screen, and what is typed into it would be lost.
import { Link } from '@refinedev/core'
import { Typography } from 'antd'
import { useLocation } from 'react-router'
import { preloadPageOf } from '../../pages.ts'

type OtherAuthPageProps = { to: '/login' | '/register'; prompt: string; action: string }

export function OtherAuthPage({ to, prompt, action }: OtherAuthPageProps) {
  const { search } = useLocation()
  const preload = () => preloadPageOf(to)
  return (
    <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
      {prompt}{' '}
      <Link to={`${to}${search}`} onMouseEnter={preload} onFocus={preload}>
        {action}
      </Link>
    </Typography.Paragraph>
  )
}
