// The browser's 统一社会信用代码 check (admin/src/lib/credit-code.ts) against GB 32100-2015, and
// against the database's own check on the same codes.
import { describe, expect, test } from 'vitest'
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckCharacter,
  creditCodeProblem,
  isValidCreditCode,
  normalizeCreditCode,
} from '../../admin/src/lib/credit-code.ts'
import { client } from '../helpers/stack.ts'

// Known-good codes: the tenancy notes' example and the demo company's.
const VALID = ['91350100M000100Y43', '91310115MA1K2T7B1L']

describe('credit code (pure)', () => {
  test('known codes are valid', () => {
    for (const code of VALID) expect(creditCodeProblem(code)).toBeNull()
  })

  test('the check character is 31 − (Σ value × weight mod 31), and 31 becomes 0', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3')
    expect(creditCodeCheckCharacter('91310115MA1K2T7B1')).toBe('L')
    // Σ ≡ 0 (mod 31) → 31 → '0': all zeros is the simplest such prefix.
    expect(creditCodeCheckCharacter('00000000000000000')).toBe('0')
    expect(creditCodeProblem('000000000000000000')).toBeNull()
  })

  test('every other check character is refused', () => {
    for (const c of CREDIT_CODE_ALPHABET) {
      const code = `91350100M000100Y4${c}`
      expect(isValidCreditCode(code)).toBe(c === '3')
      if (c !== '3') expect(creditCodeProblem(code)).toBe('checkCharacter')
    }
  })

  test('names what is wrong: empty, length, characters', () => {
    expect(creditCodeProblem('')).toBe('empty')
    expect(creditCodeProblem('91350100M000100Y4')).toBe('length')
    expect(creditCodeProblem('91350100M000100Y433')).toBe('length')
    // I, O, S, V, Z and lower case are not in the alphabet.
    for (const bad of ['I', 'O', 'S', 'V', 'Z', 'a', '-']) {
      expect(creditCodeProblem(`91350100M000100Y4${bad}`)).toBe('characters')
    }
    expect(creditCodeCheckCharacter('91350100M000100Y')).toBeNull()
    expect(creditCodeCheckCharacter('91350100M000100YO')).toBeNull()
  })

  test('normalisation removes spaces and upper-cases', () => {
    expect(normalizeCreditCode(' 9135 0100m000100y43 ')).toBe('91350100M000100Y43')
    expect(isValidCreditCode(normalizeCreditCode('91310115ma1k2t7b1l'))).toBe(true)
  })
})

describe('credit code (browser check = database check)', () => {
  test('public.is_valid_credit_code agrees on random codes, valid and not', async () => {
    // Deterministic pseudo-random codes: half with the right check character, half with a random one.
    let seed = 20261128
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed
    }
    const codes: string[] = []
    for (let i = 0; i < 40; i++) {
      const body = Array.from({ length: 17 }, () => CREDIT_CODE_ALPHABET[next() % 31]).join('')
      const check = i % 2 === 0 ? creditCodeCheckCharacter(body) : CREDIT_CODE_ALPHABET[next() % 31]
      codes.push(body + check)
    }
    const anon = client()
    for (const code of codes) {
      const { data, error } = await anon.rpc('is_valid_credit_code', { p_code: code })
      expect(error).toBeNull()
      expect({ code, valid: data }).toEqual({ code, valid: isValidCreditCode(code) })
    }
  })
})
