// Refine authProvider over supabase-js auth (email + password).
import type { AuthProvider } from '@refinedev/core'
import type { AuthError, SupabaseClient } from '@supabase/supabase-js'
import { localeStore } from '../i18n/locale.ts'
import { t } from '../i18n/messages.ts'

export type Credentials = { email: string; password: string }
export type Identity = { id: string; email: string; name: string; lastSignInAt?: string }

/** An auth error as Refine shows it: name = notification title, message = the reason in the UI language. */
function authError(titleKey: string, error: AuthError): Error {
  const code = error.code ?? ''
  const key = `auth.errors.codes.${code}`
  const known = code !== '' && t(key) !== key
  return { name: t(titleKey), message: known ? t(key) : error.message }
}

// Set by an explicit sign-out, cleared by a sign-in: after a sign-out, the next person starts at home
// instead of being sent back to the page the previous one was on (see SignInRedirect).
let signedOut = false
export const wasSignedOut = () => signedOut

/**
 * The page a visitor was sent to sign in (or up) from (?to=, set by SignInRedirect), e.g. an invitation
 * link; only a path of this site, never another origin.
 */
export function returnPath(search = window.location.search): string | null {
  const to = new URLSearchParams(search).get('to')
  // "//host" and "/\host" are other origins to a browser
  return to && /^\/(?![/\\])/.test(to) ? to : null
}

/** PostgREST answers 401 with PGRST301/PGRST302 when the JWT is missing, expired or invalid. */
function isUnauthorized(error: unknown): boolean {
  const e = error as { statusCode?: unknown; status?: unknown; code?: unknown } | null
  return e?.statusCode === 401 || e?.status === 401 || e?.code === 'PGRST301' || e?.code === 'PGRST302'
}

export function createAuthProvider(supabase: SupabaseClient): AuthProvider {
  return {
    async login({ email, password }: Credentials) {
      const { error } = await supabase.auth.signInWithPassword({ email, password })
      if (error) return { success: false, error: authError('auth.errors.loginFailed', error) }
      signedOut = false
      return { success: true, redirectTo: '/' }
    },

    async register({ email, password }: Credentials) {
      // ?to= as the form was sent: the new session may redirect the page before this call returns
      const back = returnPath()
      const { data, error } = await supabase.auth.signUp({ email, password })
      if (error) return { success: false, error: authError('auth.errors.registerFailed', error) }
      signedOut = false
      if (!data.session) {
        // Email confirmation is on for this project: no session until the link is followed.
        return {
          success: true,
          redirectTo: '/login',
          successNotification: {
            message: t('auth.confirmEmail.title'),
            description: t('auth.confirmEmail.description'),
          },
        }
      }
      // The sign-up trigger made the profile with the default language; keep the one chosen here.
      await supabase.from('profiles').update({ locale: localeStore.get() }).eq('id', data.session.user.id)
      return { success: true, redirectTo: back ?? '/' }
    },

    async logout() {
      // This device only: the user's sessions elsewhere stay signed in.
      const { error } = await supabase.auth.signOut({ scope: 'local' })
      if (error)
        return { success: false, error: { name: t('auth.errors.logoutFailed'), message: error.message } }
      signedOut = true
      return { success: true, redirectTo: '/login' }
    },

    async check() {
      const { data } = await supabase.auth.getSession()
      if (data.session) return { authenticated: true }
      return { authenticated: false, redirectTo: '/login' }
    },

    async onError(error) {
      if (isUnauthorized(error)) return { logout: true, redirectTo: '/login', error }
      return {}
    },

    async getIdentity(): Promise<Identity | null> {
      const { data, error } = await supabase.auth.getUser()
      if (error || !data.user) return null
      const email = data.user.email ?? ''
      return { id: data.user.id, email, name: email, lastSignInAt: data.user.last_sign_in_at }
    },
  }
}
