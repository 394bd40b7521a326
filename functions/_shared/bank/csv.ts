// CSV/TSV reader for bank exports: delimiter guessing, quoted cells, and the quirks of Chinese
// exports (TAB after a closing quote, cells padded with spaces and TABs).

import { type Budget, NO_BUDGET } from './types.ts'

export interface Row {
  cells: string[]
  /** 1-based line where the record starts */
  line: number
}

export function readDelimited(text: string, delimiter: string, budget: Budget = NO_BUDGET): Row[] {
  const rows: Row[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let afterQuote = false
  let line = 1
  let rowLine = 1
  let i = 0
  const endCell = () => {
    cells.push(cell)
    cell = ''
    afterQuote = false
  }
  const endRow = () => {
    budget.tick(rowLine)
    endCell()
    rows.push({ cells, line: rowLine })
    cells = []
  }
  while (i < text.length) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        afterQuote = true
      } else {
        if (ch === '\n') line++
        cell += ch
      }
      i++
      continue
    }
    if (ch === delimiter) {
      endCell()
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      endRow()
      line++
      rowLine = line
    } else if (ch === '"' && cell.trim() === '' && !afterQuote) {
      quoted = true
      cell = ''
    } else if (!afterQuote || (ch !== ' ' && ch !== '\t')) {
      // text after a closing quote other than padding is kept (lenient, like spreadsheet apps)
      cell += ch
    }
    i++
  }
  if (cell !== '' || cells.length) endRow()
  return rows
}

/** Pick the delimiter that splits the most lines into the same (>1) number of cells. */
export function guessDelimiter(text: string): string {
  const sample = text.split(/\r?\n/, 80).filter((l) => l.trim())
  let best = ','
  let bestScore = -1
  for (const d of [',', '\t', ';', '|']) {
    const counts = new Map<number, number>()
    for (const l of sample) {
      const n = l.split(d).length
      if (n > 1) counts.set(n, (counts.get(n) ?? 0) + 1)
    }
    let score = 0
    for (const [n, c] of counts) score = Math.max(score, c * Math.min(n, 8))
    if (d === '\t') score *= 0.5 // TABs also pad cells in comma files
    if (score > bestScore) {
      bestScore = score
      best = d
    }
  }
  return best
}
