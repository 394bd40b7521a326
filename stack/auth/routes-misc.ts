// GET /settings, /health and /.well-known/jwks.json.
import type { RequestContext } from './context.ts'
import { json, type Reply } from './http.ts'

const providers = [
  'apple',
  'azure',
  'bitbucket',
  'discord',
  'facebook',
  'figma',
  'fly',
  'github',
  'gitlab',
  'google',
  'keycloak',
  'kakao',
  'linkedin',
  'linkedin_oidc',
  'notion',
  'spotify',
  'slack',
  'slack_oidc',
  'workos',
  'twitch',
  'twitter',
  'zoom',
]

export async function settings(ctx: RequestContext): Promise<Reply> {
  const { config } = ctx.deps
  const external: Record<string, boolean> = { anonymous_users: config.enableAnonymousSignIns }
  for (const name of providers) external[name] = config.external[name] ?? false
  external.email = config.email.enableSignup
  external.phone = config.phoneEnabled
  return json({
    external,
    disable_signup: !config.enableSignup,
    mailer_autoconfirm: !config.email.enableConfirmations,
    phone_autoconfirm: false,
    sms_provider: 'twilio',
    saml_enabled: false,
  })
}

export async function health(): Promise<Reply> {
  return json({
    version: 'troika-local',
    name: 'GoTrue',
    description: 'GoTrue is a user registration and authentication API',
  })
}

/** Only the symmetric (HS256) secret signs tokens locally, so there are no public keys to publish. */
export async function jwks(): Promise<Reply> {
  return json({ keys: [] })
}
