// 统一社会信用代码 (unified social credit code): normalisation and the GB 32100-2015 check character.
// Pure, so that the browser form and the unit tests share it; the database checks the same rule
// (public.is_valid_credit_code) and stays the authority.

export const CREDIT_CODE_LENGTH = 18
/** The 31 characters a code may use: digits and capitals without I, O, S, V, Z. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

/** What is wrong with a code, or null when it is valid. */
export type CreditCodeProblem = 'empty' | 'length' | 'characters' | 'checkCharacter'

/** People paste codes with spaces or type lower case: the stored form is upper case without spaces. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/** The check character for the first 17 characters, or null if they are not 17 characters of the alphabet. */
export function creditCodeCheckCharacter(first17: string): string | null {
  if (first17.length !== WEIGHTS.length) return null
  let sum = 0
  for (let i = 0; i < WEIGHTS.length; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i])
    if (value < 0) return null
    sum += value * WEIGHTS[i]
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]
}

export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code === '') return 'empty'
  if ([...code].some((c) => !CREDIT_CODE_ALPHABET.includes(c))) return 'characters'
  if (code.length !== CREDIT_CODE_LENGTH) return 'length'
  return creditCodeCheckCharacter(code.slice(0, 17)) === code[17] ? null : 'checkCharacter'
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null
}
