// Password hashing (bcrypt, cost 10, as GoTrue) and GoTrue's password-strength rules.
import bcrypt from 'bcryptjs'
import type { AuthConfig } from './config.ts'
import { badRequest, weakPassword } from './errors.ts'

const cost = 10
const maxPasswordLength = 72

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, cost)
}

/**
 * Checks a password against a stored bcrypt hash: $2a$/$2b$/$2y$, any cost, including the ones
 * pgcrypto's crypt(..., gen_salt('bf')) makes in seeds. A missing or foreign hash never matches.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  if (!hash || !/^\$2[aby]\$\d{2}\$[./A-Za-z0-9]{53}$/.test(hash)) return false
  try {
    return await bcrypt.compare(password, hash)
  } catch {
    return false
  }
}

let decoy: Promise<string> | undefined

/** Spends the time of a real check when no user matches, so unknown e-mails answer no faster. */
export async function decoyPasswordCheck(password: string): Promise<void> {
  decoy ??= bcrypt.hash('decoy-password-that-never-matches', cost)
  await verifyPassword(password, await decoy)
}

const lower = 'abcdefghijklmnopqrstuvwxyz'
const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const digits = '0123456789'
const symbols = '!@#$%^&*()_+-=[]{};\'\\:"|<>?,./`~'

function requiredCharacterSets(config: AuthConfig): string[] {
  switch (config.passwordRequirements) {
    case 'letters_digits':
      return [lower + upper, digits]
    case 'lower_upper_letters_digits':
      return [lower, upper, digits]
    case 'lower_upper_letters_digits_symbols':
      return [lower, upper, digits, symbols]
    default:
      return []
  }
}

/** The reasons a password is weak under the configured rules (empty when it is fine). */
export function passwordWeakness(
  config: AuthConfig,
  password: string,
): { reasons: string[]; messages: string[] } {
  const reasons: string[] = []
  const messages: string[] = []
  const min = config.minimumPasswordLength
  if (min > 0 && Buffer.byteLength(password) < min) {
    reasons.push('length')
    messages.push(`Password should be at least ${min} characters.`)
  }
  const sets = requiredCharacterSets(config)
  if (sets.some((set) => ![...password].some((c) => set.includes(c)))) {
    reasons.push('characters')
    messages.push(`Password should contain at least one character of each: ${sets.join(', ')}.`)
  }
  return { reasons, messages }
}

/** Throws GoTrue's weak_password (422) or validation error for a password about to be stored. */
export function assertStrongPassword(config: AuthConfig, password: string) {
  if (Buffer.byteLength(password) > maxPasswordLength) {
    throw badRequest('validation_failed', `Password cannot be longer than ${maxPasswordLength} characters`)
  }
  const { reasons, messages } = passwordWeakness(config, password)
  if (reasons.length) throw weakPassword(messages.join(' '), reasons)
}
