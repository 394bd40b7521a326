// auth.users and auth.identities: lookups, inserts, metadata updates, and the user JSON GoTrue renders.
import { randomUUID } from 'node:crypto'
import { type Db, nilUuid } from './db.ts'
import { badRequest } from './errors.ts'
import type { Json } from './http.ts'
import type { TokenSubject } from './jwt.ts'

export interface UserRow {
  instance_id: string | null
  id: string
  aud: string | null
  role: string | null
  email: string | null
  encrypted_password: string | null
  email_confirmed_at: Date | null
  invited_at: Date | null
  confirmation_token: string | null
  confirmation_sent_at: Date | null
  recovery_token: string | null
  recovery_sent_at: Date | null
  email_change_token_new: string | null
  email_change: string | null
  email_change_sent_at: Date | null
  last_sign_in_at: Date | null
  raw_app_meta_data: Json | null
  raw_user_meta_data: Json | null
  created_at: Date | null
  updated_at: Date | null
  phone: string | null
  phone_confirmed_at: Date | null
  phone_change: string | null
  phone_change_sent_at: Date | null
  confirmed_at: Date | null
  email_change_token_current: string | null
  email_change_confirm_status: number | null
  banned_until: Date | null
  reauthentication_token: string | null
  reauthentication_sent_at: Date | null
  is_sso_user: boolean
  deleted_at: Date | null
  is_anonymous: boolean
}

export interface IdentityRow {
  id: string
  provider_id: string
  user_id: string
  identity_data: Json
  provider: string
  last_sign_in_at: Date | null
  created_at: Date | null
  updated_at: Date | null
  email: string | null
}

export const audience = 'authenticated'

const emailFormat =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/

/** GoTrue's email validation; returns the address lower-cased as GoTrue stores it. */
export function validateEmail(email: string): string {
  if (email === '') throw badRequest('validation_failed', 'An email address is required')
  if (email.length > 255) throw badRequest('validation_failed', 'An email address is too long')
  if (!emailFormat.test(email))
    throw badRequest('validation_failed', 'Unable to validate email address: invalid format')
  return email.toLowerCase()
}

export const isUuid = (value: string) =>
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

export const isConfirmed = (u: UserRow) => u.email_confirmed_at !== null || u.phone_confirmed_at !== null
export const isBanned = (u: UserRow) => u.banned_until !== null && u.banned_until.getTime() > Date.now()

export async function findUserById(db: Db, id: string, forUpdate = false): Promise<UserRow | undefined> {
  if (!isUuid(id)) return undefined
  const { rows } = await db.query<UserRow>(
    `select * from auth.users where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  )
  return rows[0]
}

/** By e-mail (case-insensitive) within the audience, ignoring SSO accounts, as GoTrue looks users up. */
export async function findUserByEmail(
  db: Db,
  email: string,
  forUpdate = false,
): Promise<UserRow | undefined> {
  const { rows } = await db.query<UserRow>(
    `select * from auth.users
      where lower(email) = lower($1) and aud = $2 and is_sso_user = false
        and (instance_id = $3 or instance_id is null)
      order by created_at limit 1${forUpdate ? ' for update' : ''}`,
    [email, audience, nilUuid],
  )
  return rows[0]
}

export async function emailTaken(db: Db, email: string, exceptUserId?: string): Promise<boolean> {
  const { rowCount } = await db.query(
    `select 1 from auth.users where lower(email) = lower($1) and aud = $2 and is_sso_user = false
        and ($3::uuid is null or id <> $3::uuid)`,
    [email, audience, exceptUserId ?? null],
  )
  return (rowCount ?? 0) > 0
}

export async function identitiesOf(db: Db, userId: string): Promise<IdentityRow[]> {
  const { rows } = await db.query<IdentityRow>(
    'select * from auth.identities where user_id = $1 order by created_at, id',
    [userId],
  )
  return rows
}

export interface NewUser {
  email?: string
  phone?: string
  encryptedPassword?: string
  appMetadata: Json
  userMetadata: Json
  role?: string
  emailConfirmed?: boolean
  invited?: boolean
  isAnonymous?: boolean
  id?: string
}

/** Inserts a user the way GoTrue does (empty strings, not NULL, in the token columns). */
export async function insertUser(db: Db, u: NewUser): Promise<UserRow> {
  const { rows } = await db.query<UserRow>(
    `insert into auth.users (
        instance_id, id, aud, role, email, phone, encrypted_password, email_confirmed_at, invited_at,
        raw_app_meta_data, raw_user_meta_data, is_super_admin, created_at, updated_at,
        confirmation_token, recovery_token, email_change_token_new, email_change, email_change_token_current,
        phone_change, phone_change_token, reauthentication_token, email_change_confirm_status,
        is_sso_user, is_anonymous)
      values ($1, $2, $3, $4, $5, $6, $7, case when $8 then now() end, case when $9 then now() end,
        $10, $11, false, now(), now(), '', '', '', '', '', '', '', '', 0, false, $12)
      returning *`,
    [
      nilUuid,
      u.id ?? randomUUID(),
      audience,
      u.role ?? 'authenticated',
      u.email ?? null,
      u.phone ?? null,
      u.encryptedPassword ?? '',
      u.emailConfirmed ?? false,
      u.invited ?? false,
      JSON.stringify(u.appMetadata),
      JSON.stringify(u.userMetadata),
      u.isAnonymous ?? false,
    ],
  )
  return rows[0]
}

/** The identity data GoTrue records for the email provider (also merged into user_metadata). */
export function emailIdentityData(userId: string, email: string, verified: boolean): Json {
  return { email, email_verified: verified, phone_verified: false, sub: userId }
}

export async function insertEmailIdentity(db: Db, user: UserRow, verified: boolean): Promise<void> {
  await db.query(
    `insert into auth.identities (id, provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
      values ($1, $2::text, $2::uuid, $3, 'email', now(), now(), now())
      on conflict (provider_id, provider) do update set identity_data = excluded.identity_data, updated_at = now()`,
    [randomUUID(), user.id, JSON.stringify(emailIdentityData(user.id, user.email ?? '', verified))],
  )
}

/** Merges keys into a metadata object; a null value removes the key (GoTrue's UpdateUserMetaData). */
export function mergeMetadata(current: Json | null, updates: Json): Json {
  const next: Json = { ...(current ?? {}) }
  for (const [k, v] of Object.entries(updates)) {
    if (v === null) delete next[k]
    else next[k] = v
  }
  return next
}

export async function setUserMetadata(db: Db, userId: string, metadata: Json): Promise<void> {
  await db.query('update auth.users set raw_user_meta_data = $2, updated_at = now() where id = $1', [
    userId,
    JSON.stringify(metadata),
  ])
}

export async function setAppMetadata(db: Db, userId: string, metadata: Json): Promise<void> {
  await db.query('update auth.users set raw_app_meta_data = $2, updated_at = now() where id = $1', [
    userId,
    JSON.stringify(metadata),
  ])
}

/** Confirms the e-mail address: sets email_confirmed_at and email_verified (user_metadata, identity). */
export async function confirmEmail(db: Db, user: UserRow): Promise<void> {
  await db.query(
    `update auth.users
        set email_confirmed_at = coalesce(email_confirmed_at, now()), confirmation_token = '',
            raw_user_meta_data = coalesce(raw_user_meta_data, '{}'::jsonb) || '{"email_verified": true}'::jsonb,
            updated_at = now()
      where id = $1`,
    [user.id],
  )
  await db.query(
    `update auth.identities set identity_data = identity_data || '{"email_verified": true}'::jsonb, updated_at = now()
      where user_id = $1 and provider = 'email'`,
    [user.id],
  )
}

const rowWarnings = new Set<string>()

/**
 * Seeds often insert users with NULL in GoTrue's string columns; Supabase's GoTrue then fails to sign
 * them in ("Database error querying schema"). We accept them, but say so once per user.
 */
export function warnAboutLegacyRow(u: UserRow, log: (line: string) => void) {
  const nulls = (
    ['confirmation_token', 'recovery_token', 'email_change_token_new', 'email_change'] as const
  ).filter((c) => u[c] === null)
  if (u.instance_id === null) nulls.push('instance_id' as never)
  if (nulls.length === 0 || rowWarnings.has(u.id)) return
  rowWarnings.add(u.id)
  log(
    `auth: user ${u.email ?? u.id} has NULL in ${nulls.join(', ')}; Supabase's auth server cannot sign such a user ` +
      `in ("Database error querying schema") — insert '' (and instance_id '${nilUuid}') instead`,
  )
}

export function subjectOf(u: UserRow): TokenSubject {
  return {
    id: u.id,
    aud: u.aud ?? '',
    role: u.role ?? '',
    email: u.email ?? '',
    phone: u.phone ?? '',
    appMetadata: u.raw_app_meta_data ?? {},
    userMetadata: u.raw_user_meta_data ?? {},
    isAnonymous: u.is_anonymous,
  }
}

const time = (d: Date | null) => (d ? d.toISOString() : undefined)
const zeroTime = '0001-01-01T00:00:00Z'

export function renderIdentity(i: IdentityRow): Json {
  const out: Json = {
    identity_id: i.id,
    id: i.provider_id,
    user_id: i.user_id,
    identity_data: i.identity_data,
    provider: i.provider,
  }
  if (i.last_sign_in_at) out.last_sign_in_at = time(i.last_sign_in_at)
  out.created_at = time(i.created_at) ?? zeroTime
  out.updated_at = time(i.updated_at) ?? zeroTime
  if (i.email) out.email = i.email
  return out
}

/** The user object exactly as GoTrue serialises it (field order, omitted empty timestamps). */
export function renderUser(u: UserRow, identities: IdentityRow[]): Json {
  const out: Json = { id: u.id, aud: u.aud ?? '', role: u.role ?? '', email: u.email ?? '' }
  const optional = (key: string, value: unknown) => {
    if (value !== undefined && value !== null && value !== '') out[key] = value
  }
  optional('email_confirmed_at', time(u.email_confirmed_at))
  optional('invited_at', time(u.invited_at))
  out.phone = u.phone ?? ''
  optional('phone_confirmed_at', time(u.phone_confirmed_at))
  optional('confirmation_sent_at', time(u.confirmation_sent_at))
  optional('confirmed_at', time(u.confirmed_at))
  optional('recovery_sent_at', time(u.recovery_sent_at))
  optional('new_email', u.email_change)
  optional('email_change_sent_at', time(u.email_change_sent_at))
  optional('new_phone', u.phone_change)
  optional('phone_change_sent_at', time(u.phone_change_sent_at))
  optional('reauthentication_sent_at', time(u.reauthentication_sent_at))
  optional('last_sign_in_at', time(u.last_sign_in_at))
  out.app_metadata = u.raw_app_meta_data ?? {}
  out.user_metadata = u.raw_user_meta_data ?? {}
  out.identities = identities.map(renderIdentity)
  out.created_at = time(u.created_at) ?? zeroTime
  out.updated_at = time(u.updated_at) ?? zeroTime
  optional('banned_until', time(u.banned_until))
  optional('deleted_at', time(u.deleted_at))
  out.is_anonymous = u.is_anonymous
  return out
}
