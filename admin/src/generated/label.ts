// A label from a column or table comment, in the UI language: migrations write "Account code (科目编码):
// digits…" — Chinese takes a bracketed all-Chinese name, English the words outside brackets up to the
// first colon. The i18n files (generated.columns / generated.tables) name what a comment cannot. Pure.
import type { Locale } from '../i18n/locale.ts'

const HAN = /\p{Script=Han}/u
const LATIN = /[A-Za-z]/
const BRACKETED = /\s*[(（]([^)）]*)[)）]/g

export function labelFromComment(comment: string, locale: Locale, fallback: string): string {
  const words =
    comment
      .replace(BRACKETED, '')
      .split(/[:：;；]/)[0]
      ?.trim() ?? ''
  if (locale === 'zh-CN') {
    const chinese = [...comment.matchAll(BRACKETED)]
      .map((m) => m[1]?.trim() ?? '')
      .find((text) => HAN.test(text) && !LATIN.test(text))
    if (chinese) return chinese
    if (HAN.test(words)) return words
  }
  return words === '' ? fallback : words
}
