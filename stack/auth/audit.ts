// auth.audit_log_entries, written in the same transaction as the action, with GoTrue's payload shape.
import { randomUUID } from 'node:crypto'
import { type Db, nilUuid } from './db.ts'

export type AuditAction =
  | 'login'
  | 'logout'
  | 'invite_accepted'
  | 'user_signedup'
  | 'user_invited'
  | 'user_deleted'
  | 'user_modified'
  | 'user_recovery_requested'
  | 'user_confirmation_requested'
  | 'user_repeated_signup'
  | 'user_updated_password'
  | 'user_reauthenticate_requested'
  | 'token_revoked'
  | 'token_refreshed'

const logTypes: Record<AuditAction, string> = {
  login: 'account',
  logout: 'account',
  invite_accepted: 'account',
  user_signedup: 'team',
  user_invited: 'team',
  user_deleted: 'team',
  user_modified: 'user',
  user_recovery_requested: 'user',
  user_confirmation_requested: 'user',
  user_repeated_signup: 'user',
  user_updated_password: 'user',
  user_reauthenticate_requested: 'user',
  token_revoked: 'token',
  token_refreshed: 'token',
}

export interface Actor {
  id: string
  email?: string | null
  /** Admin actions are recorded with the admin's role as the actor name. */
  name?: string
}

export async function audit(
  db: Db,
  ip: string,
  actor: Actor,
  action: AuditAction,
  traits?: Record<string, unknown>,
): Promise<void> {
  const payload: Record<string, unknown> = {
    actor_id: actor.id,
    ...(actor.name ? { actor_name: actor.name } : {}),
    actor_username: actor.email ?? '',
    actor_via_sso: false,
    action,
    log_type: logTypes[action],
    ...(traits ? { traits } : {}),
  }
  await db.query(
    `insert into auth.audit_log_entries (instance_id, id, payload, created_at, ip_address)
      values ($1, $2, $3, now(), $4)`,
    [nilUuid, randomUUID(), JSON.stringify(payload), ip.slice(0, 64)],
  )
}
