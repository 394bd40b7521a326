// Where a signed-out visitor of the app is sent: /login, remembering the page (?to=) unless they just signed out.
import { Navigate, useLocation } from 'react-router'
import { wasSignedOut } from '../providers/authProvider.ts'

export function SignInRedirect() {
  const { pathname, search } = useLocation()
  const back = wasSignedOut() || pathname === '/' ? '' : `?to=${encodeURIComponent(pathname + search)}`
  return <Navigate to={`/login${back}`} replace />
}
