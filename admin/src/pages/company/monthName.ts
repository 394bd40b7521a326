// A month number (1–12) as its name in the UI language: "1月" in Chinese, "January" in English.
export function monthName(month: number, locale: string): string {
  const style = locale.startsWith('zh') ? 'numeric' : 'long'
  return new Intl.DateTimeFormat(locale, { month: style }).format(new Date(2000, month - 1, 1))
}
