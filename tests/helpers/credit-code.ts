// Valid 统一社会信用代码 for tests, with the admin's own GB 32100-2015 check (the database has the
// same rule in public.is_valid_credit_code; tests/e2e/credit-code.unit.test.ts checks they agree).
import { creditCodeCheckCharacter } from '../../admin/src/lib/credit-code.ts'

export function withCheckCharacter(first17: string): string {
  const check = creditCodeCheckCharacter(first17)
  if (check === null) throw new Error(`not 17 valid characters: ${first17}`)
  return first17 + check
}

let n = 0
/** A fresh valid code: 91 (enterprise) + region 310000 + a running number. */
export function newCreditCode(): string {
  const serial = `${process.pid % 100000}${n++}`.padStart(9, '0').slice(-9)
  return withCheckCharacter(`91310000${serial}`)
}
