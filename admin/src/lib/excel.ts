// Excel (.xlsx) export of the report screens. exceljs is large, so it is imported only when someone
// clicks "export" (it never enters the first download). Money arrives as the database's decimal strings
// and becomes a number cell with a 2-decimal format: each cell is parsed once from its own exact string
// (normalised at scale 2 through BigInt, lib/decimal.ts); totals are summed as strings before, never as
// floats here. The layout (header row, rows, number formats) is pure and tested on its own.
import { fromUnits, toUnits } from './decimal.ts'

export type ExcelColumn = {
  header: string
  key: string
  /** money: a number with 2 decimals; quantity: up to 4 decimals; text (default) as it is. */
  kind?: 'money' | 'quantity' | 'text'
  width?: number
}

export type ExcelSheet = {
  name: string
  /** An optional first line above the header (report name, company, period). */
  title?: string
  columns: ExcelColumn[]
  rows: ReadonlyArray<Record<string, unknown>>
}

export const MONEY_FORMAT = '#,##0.00;-#,##0.00'
export const QUANTITY_FORMAT = '#,##0.####'

const DECIMAL = /^-?\d*(\.\d*)?$/

/** A decimal string (or a number the database sent) as an exact-to-the-cent number cell; blank → null. */
export function decimalCell(value: unknown, scale = 2): number | null {
  if (value === null || value === undefined || value === '') return null
  const text = String(value).trim()
  if (!DECIMAL.test(text) || !/\d/.test(text)) return null
  return Number(fromUnits(toUnits(text, scale), scale))
}

/** The cell values of a sheet, row by row (title line, header line, data lines). Pure. */
export function sheetValues(sheet: ExcelSheet): Array<Array<string | number | null>> {
  const out: Array<Array<string | number | null>> = []
  if (sheet.title) out.push([sheet.title])
  out.push(sheet.columns.map((c) => c.header))
  for (const row of sheet.rows)
    out.push(
      sheet.columns.map((c) => {
        const v = row[c.key]
        if (c.kind === 'money') return decimalCell(v, 2)
        if (c.kind === 'quantity') return decimalCell(v, 4)
        if (v === null || v === undefined) return null
        return typeof v === 'number' ? v : String(v)
      }),
    )
  return out
}

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
export function safeSheetName(name: string): string {
  return name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31) || 'Sheet1'
}

/** The workbook as bytes (exceljs loaded on demand). */
export async function workbookBytes(sheets: readonly ExcelSheet[]): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  book.creator = 'Troika'
  for (const sheet of sheets) {
    const ws = book.addWorksheet(safeSheetName(sheet.name))
    const values = sheetValues(sheet)
    const headerRow = sheet.title ? 2 : 1
    for (const line of values) ws.addRow(line)
    if (sheet.title) ws.getRow(1).font = { bold: true, size: 13 }
    ws.getRow(headerRow).font = { bold: true }
    sheet.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1)
      col.width = c.width ?? (c.kind === 'money' ? 16 : c.kind === 'quantity' ? 12 : 20)
      if (c.kind === 'money' || c.kind === 'quantity') {
        col.alignment = { horizontal: 'right' }
        for (let r = headerRow + 1; r <= values.length; r++)
          ws.getCell(r, i + 1).numFmt = c.kind === 'money' ? MONEY_FORMAT : QUANTITY_FORMAT
      }
    })
    ws.views = [{ state: 'frozen', ySplit: headerRow }]
  }
  return (await book.xlsx.writeBuffer()) as ArrayBuffer
}

/** Builds the workbook and hands it to the browser as a download. */
export async function downloadExcel(fileName: string, sheets: readonly ExcelSheet[]): Promise<void> {
  const bytes = await workbookBytes(sheets)
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  )
  const a = document.createElement('a')
  a.href = url
  a.download = fileName.endsWith('.xlsx') ? fileName : `${fileName}.xlsx`
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
