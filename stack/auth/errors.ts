// Errors as GoTrue answers them. Since API version 2024-01-01 (which auth-js requests with the
// X-Supabase-Api-Version header) the body is {code: '<error_code>', message}; older clients get
// {code: <status>, error_code, msg}. OAuth-style errors are {error, error_description}.

export const apiVersionHeader = 'x-supabase-api-version'
export const apiVersion20240101 = '2024-01-01'

export class AuthError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    /** Extra top-level fields (weak_password reasons). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message)
  }
}

/** OAuth2-shaped error ({error, error_description}); always 400, as GoTrue sends it. */
export class OAuthError extends Error {
  constructor(
    readonly error: string,
    readonly description: string,
  ) {
    super(description)
  }
}

export const badRequest = (code: string, msg: string) => new AuthError(400, code, msg)
export const forbidden = (code: string, msg: string) => new AuthError(403, code, msg)
export const notFound = (code: string, msg: string) => new AuthError(404, code, msg)
export const unprocessable = (code: string, msg: string) => new AuthError(422, code, msg)
export const tooManyRequests = (code: string, msg: string) => new AuthError(429, code, msg)
export const internalError = (msg: string) => new AuthError(500, 'unexpected_failure', msg)

export const invalidCredentials = () => badRequest('invalid_credentials', 'Invalid login credentials')

export function weakPassword(message: string, reasons: string[]) {
  return new AuthError(422, 'weak_password', message, { weak_password: { reasons } })
}

/** The API version a request asked for: '2024-01-01' when it is that date or later, else undefined. */
export function requestedApiVersion(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header[0] : header
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined
  const date = Date.parse(`${value}T00:00:00Z`)
  if (Number.isNaN(date) || date < Date.parse('2024-01-01T00:00:00Z')) return undefined
  return apiVersion20240101
}

export function errorBody(error: AuthError | OAuthError, apiVersion: string | undefined) {
  if (error instanceof OAuthError) {
    return { status: 400, body: { error: error.error, error_description: error.description } }
  }
  const code = error.errorCode || (error.status >= 500 ? 'unexpected_failure' : 'unknown')
  if (apiVersion) return { status: error.status, body: { code, message: error.message, ...error.extra } }
  return {
    status: error.status,
    body: { code: error.status, error_code: code, msg: error.message, ...error.extra },
  }
}
