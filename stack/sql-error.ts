// Turns a Postgres error raised by a multi-statement script into "file:line: message".
export function sqlErrorMessage(file: string, sql: string, error: unknown): string {
  const e = error as { message?: string; position?: string; where?: string; detail?: string }
  let location = file
  if (e.position) location += `:${lineAt(sql, Number(e.position) - 1)}`
  const extra = [e.detail, e.where].filter(Boolean).join('; ')
  return `${location}: ${e.message ?? String(error)}${extra ? ` (${extra})` : ''}`
}

export function lineAt(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split('\n').length
}
