// E-mail links and codes: GoTrue stores sha224(email + code) in the user's token column and in
// auth.one_time_tokens; the link carries that hash, the code is what a user types. There is no mail
// server locally, so "sending" prints the link and the code through the handler's log.
import { createHash, randomInt, randomUUID } from 'node:crypto'
import type { AuthDeps } from './context.ts'
import type { Db } from './db.ts'
import { tooManyRequests } from './errors.ts'
import type { UserRow } from './users.ts'

export type TokenType =
  | 'confirmation_token'
  | 'recovery_token'
  | 'email_change_token_new'
  | 'email_change_token_current'
  | 'reauthentication_token'

/** The column that records when a token of this type was last sent. */
const sentAtColumn: Record<TokenType, keyof UserRow & string> = {
  confirmation_token: 'confirmation_sent_at',
  recovery_token: 'recovery_sent_at',
  email_change_token_new: 'email_change_sent_at',
  email_change_token_current: 'email_change_sent_at',
  reauthentication_token: 'reauthentication_sent_at',
}

export const pkcePrefix = 'pkce_'

export function tokenHash(emailOrPhone: string, otp: string): string {
  return createHash('sha224')
    .update(emailOrPhone + otp)
    .digest('hex')
}

export function generateOtp(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += String(randomInt(10))
  return out
}

/** GoTrue's per-user e-mail frequency limit ([auth.email] max_frequency). */
export function assertCanSend(deps: AuthDeps, user: UserRow, type: TokenType) {
  const sentAt = user[sentAtColumn[type]] as Date | null
  const wait = deps.config.email.maxFrequencyMs
  if (!sentAt || wait <= 0) return
  const remaining = sentAt.getTime() + wait - Date.now()
  if (remaining > 0) {
    throw tooManyRequests(
      'over_email_send_rate_limit',
      `For security purposes, you can only request this after ${Math.ceil(remaining / 1000)} seconds.`,
    )
  }
}

export interface IssuedToken {
  otp: string
  /** What the link carries (pkce_-prefixed in the PKCE flow). */
  hashedToken: string
}

/** Creates a fresh code for the user (replacing the previous one of that type) and records it. */
export async function issueToken(
  db: Db,
  user: UserRow,
  type: TokenType,
  relatesTo: string,
  otpLength: number,
  pkce = false,
): Promise<IssuedToken> {
  const otp = generateOtp(otpLength)
  const hashedToken = (pkce ? pkcePrefix : '') + tokenHash(relatesTo, otp)
  await db.query(`update auth.users set ${type} = $2, ${sentAtColumn[type]} = now() where id = $1`, [
    user.id,
    hashedToken,
  ])
  await db.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [user.id, type])
  await db.query(
    `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to, created_at, updated_at)
      values ($1, $2, $3, $4, $5, now(), now())`,
    [randomUUID(), user.id, type, hashedToken, relatesTo],
  )
  return { otp, hashedToken }
}

export async function clearToken(db: Db, userId: string, type: TokenType): Promise<void> {
  await db.query(`update auth.users set ${type} = '' where id = $1`, [userId])
  await db.query('delete from auth.one_time_tokens where user_id = $1 and token_type = $2', [userId, type])
}

export interface FoundToken {
  user: UserRow
  type: TokenType
  hashedToken: string
  /** Whether the token was issued for the PKCE flow. */
  pkce: boolean
}

/**
 * Finds the user holding a token of one of the given types with this hash (with or without the
 * PKCE prefix) and locks the row. The token must not be older than otp_expiry.
 */
export async function findByHash(
  db: Db,
  types: TokenType[],
  hash: string,
  otpExpirySeconds: number,
  relatesTo?: string,
): Promise<FoundToken | undefined> {
  const bare = hash.startsWith(pkcePrefix) ? hash.slice(pkcePrefix.length) : hash
  if (!bare) return undefined
  const { rows } = await db.query<{ user_id: string; token_type: TokenType; token_hash: string }>(
    `select user_id, token_type::text as token_type, token_hash from auth.one_time_tokens
      where token_type::text = any($1) and token_hash in ($2, $3)
        and ($4::text is null or lower(relates_to) = lower($4))
      order by created_at desc limit 1`,
    [types, bare, pkcePrefix + bare, relatesTo ?? null],
  )
  const hit = rows[0]
  if (!hit) return undefined
  const found = await db.query<UserRow>('select * from auth.users where id = $1 for update', [hit.user_id])
  const user = found.rows[0]
  if (!user) return undefined
  // The user row is the source of truth: the token must still be the current one of its type.
  if (user[hit.token_type] !== hit.token_hash) return undefined
  const sentAt = user[sentAtColumn[hit.token_type]] as Date | null
  if (!sentAt || Date.now() > sentAt.getTime() + otpExpirySeconds * 1000) return undefined
  return {
    user,
    type: hit.token_type,
    hashedToken: hit.token_hash,
    pkce: hit.token_hash.startsWith(pkcePrefix),
  }
}

/** The link GoTrue puts in its e-mails: {API_EXTERNAL_URL}/verify?token=…&type=…&redirect_to=… */
export function verifyLink(deps: AuthDeps, hashedToken: string, type: string, redirectTo: string): string {
  const q = new URLSearchParams({ token: hashedToken, type, redirect_to: redirectTo })
  return `${deps.apiUrl}/auth/v1/verify?${q.toString()}`
}

/** Stands in for the mailer: prints what the e-mail would contain. */
export function deliver(deps: AuthDeps, what: string, to: string, link: string, otp: string) {
  deps.log(`auth: ${what} e-mail to ${to}: ${link} (code ${otp})`)
}
