// The [auth] table of supabase/config.toml, read with the Supabase CLI's key names and defaults.
// biome-ignore-all lint/suspicious/noExplicitAny: TOML is untyped; every value is checked here.

export type PasswordRequirements =
  | ''
  | 'letters_digits'
  | 'lower_upper_letters_digits'
  | 'lower_upper_letters_digits_symbols'

export interface AuthConfig {
  siteUrl: string
  additionalRedirectUrls: string[]
  /** Access-token lifetime in seconds. */
  jwtExpiry: number
  /** `iss` of access tokens; empty means `${apiUrl}/auth/v1`. */
  jwtIssuer: string
  enableSignup: boolean
  enableAnonymousSignIns: boolean
  refreshTokenRotation: boolean
  /** Seconds during which a just-rotated refresh token may be presented again. */
  refreshTokenReuseInterval: number
  minimumPasswordLength: number
  passwordRequirements: PasswordRequirements
  email: {
    enableSignup: boolean
    enableConfirmations: boolean
    doubleConfirmChanges: boolean
    securePasswordChange: boolean
    maxFrequencyMs: number
    otpLength: number
    /** Seconds an emailed link or code stays valid. */
    otpExpiry: number
  }
  phoneEnabled: boolean
  /** Requests per IP in a 5-minute window (anonymous sign-ins: per hour). */
  rateLimit: {
    tokenRefresh: number
    signInSignUps: number
    tokenVerifications: number
    anonymousUsers: number
  }
  sessions: { timeboxMs: number; inactivityTimeoutMs: number }
  external: Record<string, boolean>
}

const bool = (value: any, fallback: boolean) => (typeof value === 'boolean' ? value : fallback)
const num = (value: any, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fallback
const str = (value: any, fallback: string) => (typeof value === 'string' ? value : fallback)

const units: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
}

/** Parses a Go duration ("1s", "24h", "1h30m"); a bare number is seconds. Returns milliseconds. */
export function parseDuration(value: unknown, fallbackMs: number): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000
  if (typeof value !== 'string' || value.trim() === '') return fallbackMs
  const text = value.trim()
  if (text === '0') return 0
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)]
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) return fallbackMs
  return parts.reduce((sum, p) => sum + Number(p[1]) * units[p[2]], 0)
}

const requirements = new Set([
  '',
  'letters_digits',
  'lower_upper_letters_digits',
  'lower_upper_letters_digits_symbols',
])

export function readAuthConfig(section: Record<string, any> | undefined): AuthConfig {
  const auth = section ?? {}
  const email = auth.email ?? {}
  const rate = auth.rate_limit ?? {}
  const sessions = auth.sessions ?? {}
  const external: Record<string, boolean> = {}
  for (const [name, provider] of Object.entries<any>(auth.external ?? {})) {
    external[name] = bool(provider?.enabled, false)
  }
  const passwordRequirements = str(auth.password_requirements, '')
  return {
    siteUrl: str(auth.site_url, 'http://127.0.0.1:3000'),
    additionalRedirectUrls: Array.isArray(auth.additional_redirect_urls)
      ? auth.additional_redirect_urls.filter((u: unknown) => typeof u === 'string')
      : ['https://127.0.0.1:3000'],
    jwtExpiry: num(auth.jwt_expiry, 3600),
    jwtIssuer: str(auth.jwt_issuer, ''),
    enableSignup: bool(auth.enable_signup, true),
    enableAnonymousSignIns: bool(auth.enable_anonymous_sign_ins, false),
    refreshTokenRotation: bool(auth.enable_refresh_token_rotation, true),
    refreshTokenReuseInterval: num(auth.refresh_token_reuse_interval, 10),
    minimumPasswordLength: num(auth.minimum_password_length, 6),
    passwordRequirements: (requirements.has(passwordRequirements)
      ? passwordRequirements
      : '') as PasswordRequirements,
    email: {
      enableSignup: bool(email.enable_signup, true),
      enableConfirmations: bool(email.enable_confirmations, false),
      doubleConfirmChanges: bool(email.double_confirm_changes, true),
      securePasswordChange: bool(email.secure_password_change, false),
      maxFrequencyMs: parseDuration(email.max_frequency, 1000),
      otpLength: Math.min(10, Math.max(6, num(email.otp_length, 6))),
      otpExpiry: num(email.otp_expiry, 3600),
    },
    phoneEnabled: bool(auth.sms?.enable_signup, false),
    rateLimit: {
      tokenRefresh: num(rate.token_refresh, 150),
      signInSignUps: num(rate.sign_in_sign_ups, 30),
      tokenVerifications: num(rate.token_verifications, 30),
      anonymousUsers: num(rate.anonymous_users, 30),
    },
    sessions: {
      timeboxMs: parseDuration(sessions.timebox, 0),
      inactivityTimeoutMs: parseDuration(sessions.inactivity_timeout, 0),
    },
    external,
  }
}
