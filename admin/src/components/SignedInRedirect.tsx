// Where a signed-in visitor of the sign-in or sign-up page is sent (signed in meanwhile, e.g. in another
// tab): the page they came for (?to=, e.g. an invitation), not always home.
import { Navigate, useLocation } from 'react-router'
import { returnPath } from '../providers/authProvider.ts'

export function SignedInRedirect() {
  const { search } = useLocation()
  return <Navigate to={returnPath(search) ?? '/'} replace />
}
