// PKCE (auth-js flowType 'pkce'): a request carries a code challenge, the e-mail link leads to a
// redirect with ?code=…, and POST /token?grant_type=pkce trades that code plus the verifier for a session.
import { createHash, randomUUID } from 'node:crypto'
import type { Db } from './db.ts'
import { AuthError, badRequest, forbidden, notFound } from './errors.ts'
import type { Json } from './http.ts'
import { str } from './http.ts'

/** Flow states (and their codes) live 5 minutes, GoTrue's default. */
const flowStateExpirySeconds = 300

export interface Challenge {
  codeChallenge: string
  method: 's256' | 'plain'
}

/** Reads code_challenge / code_challenge_method from a body; undefined means the implicit flow. */
export function readChallenge(body: Json): Challenge | undefined {
  const codeChallenge = str(body, 'code_challenge')
  const method = str(body, 'code_challenge_method').toLowerCase()
  if (!codeChallenge && !method) return undefined
  if (!codeChallenge || !method) {
    throw badRequest('validation_failed', 'PKCE flow requires code_challenge_method and code_challenge')
  }
  if (method !== 's256' && method !== 'plain') {
    throw badRequest('validation_failed', `code challenge method ${method} not supported`)
  }
  if (codeChallenge.length < 43 || codeChallenge.length > 128) {
    throw badRequest('validation_failed', 'code challenge has to be between 43 and 128 characters')
  }
  return { codeChallenge, method }
}

export async function createFlowState(
  db: Db,
  userId: string,
  authenticationMethod: string,
  challenge: Challenge,
): Promise<void> {
  await db.query(
    `insert into auth.flow_state (id, user_id, auth_code, code_challenge_method, code_challenge, provider_type,
        created_at, updated_at, authentication_method)
      values ($1, $2, $3, $4, $5, 'email', now(), now(), $6)`,
    [randomUUID(), userId, randomUUID(), challenge.method, challenge.codeChallenge, authenticationMethod],
  )
}

/** After a PKCE link was verified: the newest flow state of that user and method, with its code issued. */
export async function issueAuthCode(db: Db, userId: string, authenticationMethod: string): Promise<string> {
  const { rows } = await db.query<{ id: string; auth_code: string }>(
    `select id, auth_code from auth.flow_state where user_id = $1 and authentication_method = $2
      order by created_at desc limit 1 for update`,
    [userId, authenticationMethod],
  )
  if (!rows[0]) throw notFound('flow_state_not_found', 'No associated flow state found')
  await db.query('update auth.flow_state set auth_code_issued_at = now(), updated_at = now() where id = $1', [
    rows[0].id,
  ])
  return rows[0].auth_code
}

/** grant_type=pkce: checks the verifier, consumes the flow state, returns its user and method. */
export async function exchangeAuthCode(
  db: Db,
  authCode: string,
  verifier: string,
): Promise<{ userId: string; authenticationMethod: string }> {
  if (!authCode || !verifier) {
    throw new AuthError(
      422,
      'validation_failed',
      'invalid request: both auth code and code verifier should be non-empty',
    )
  }
  const { rows } = await db.query<{
    id: string
    user_id: string | null
    code_challenge_method: string
    code_challenge: string
    authentication_method: string
    started: Date
  }>(
    `select id, user_id, code_challenge_method::text as code_challenge_method, code_challenge,
        authentication_method, coalesce(auth_code_issued_at, created_at) as started
      from auth.flow_state where auth_code = $1 for update`,
    [authCode],
  )
  const flow = rows[0]
  if (!flow?.user_id) throw notFound('flow_state_not_found', 'invalid flow state, no valid flow state found')
  if (Date.now() > flow.started.getTime() + flowStateExpirySeconds * 1000) {
    throw badRequest('flow_state_expired', 'invalid flow state, flow state has expired')
  }
  const computed =
    flow.code_challenge_method === 's256'
      ? createHash('sha256').update(verifier).digest('base64url')
      : verifier
  if (computed !== flow.code_challenge) {
    throw forbidden('bad_code_verifier', 'code challenge does not match previously saved code verifier')
  }
  await db.query('delete from auth.flow_state where id = $1', [flow.id])
  return { userId: flow.user_id, authenticationMethod: flow.authentication_method }
}
