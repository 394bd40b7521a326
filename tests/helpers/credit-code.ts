// Valid 统一社会信用代码 for tests: 17 characters plus the GB 32100-2015 check character.
const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function withCheckCharacter(first17: string): string {
  const total = [...first17].reduce((sum, ch, i) => sum + alphabet.indexOf(ch) * weights[i], 0)
  return first17 + alphabet[(31 - (total % 31)) % 31]
}

let n = 0
/** A fresh valid code: 91 (enterprise) + region 310000 + a running number. */
export function newCreditCode(): string {
  const serial = `${process.pid % 100000}${n++}`.padStart(9, '0').slice(-9)
  return withCheckCharacter(`91310000${serial}`)
}
