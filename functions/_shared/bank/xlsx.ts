// XLSX (Office Open XML) reader without a library: ZIP central directory + raw DEFLATE through the
// standard DecompressionStream, then the first worksheet as rows of strings for table.ts.

import type { Row } from './csv.ts'
import { type Budget, fail, NO_BUDGET } from './types.ts'
import { children, descendants, parseXml, type XmlNode } from './xml.ts'

interface ZipEntry {
  name: string
  method: number
  compressedSize: number
  localOffset: number
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8)
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0

function readDirectory(b: Uint8Array): Map<string, ZipEntry> {
  let eocd = -1
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
    if (u32(b, i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) fail(null, 'zip', 'the XLSX file is damaged or truncated (no ZIP directory)')
  const count = u16(b, eocd + 10)
  let p = u32(b, eocd + 16)
  const entries = new Map<string, ZipEntry>()
  const dec = new TextDecoder()
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(b, p) !== 0x02014b50) fail(null, 'zip', 'the XLSX ZIP directory is damaged')
    const nameLen = u16(b, p + 28)
    const name = dec.decode(b.subarray(p + 46, p + 46 + nameLen))
    entries.set(name, {
      name,
      method: u16(b, p + 10),
      compressedSize: u32(b, p + 20),
      localOffset: u32(b, p + 42),
    })
    p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32)
  }
  return entries
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream('deflate-raw'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

async function readEntry(b: Uint8Array, e: ZipEntry, maxBytes: number): Promise<string> {
  const p = e.localOffset
  if (p + 30 > b.length || u32(b, p) !== 0x04034b50) fail(null, 'zip', `damaged ZIP entry ${e.name}`)
  const start = p + 30 + u16(b, p + 26) + u16(b, p + 28)
  const raw = b.subarray(start, start + e.compressedSize)
  let out: Uint8Array
  if (e.method === 0) out = raw
  else if (e.method === 8) {
    try {
      out = await inflate(raw)
    } catch {
      return fail(null, 'zip', `cannot decompress ${e.name} (damaged XLSX)`)
    }
  } else return fail(null, 'zip', `unsupported ZIP compression method ${e.method} in ${e.name}`)
  if (out.length > maxBytes) fail(null, 'zip', `${e.name} is larger than ${maxBytes} bytes once unpacked`)
  return new TextDecoder().decode(out)
}

function colIndex(ref: string): number {
  let n = 0
  for (const ch of ref) {
    const c = ch.charCodeAt(0)
    if (c < 65 || c > 90) break
    n = n * 26 + (c - 64)
  }
  return n - 1
}

const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47])

function dateStyles(styles: XmlNode | null): Set<number> {
  const out = new Set<number>()
  if (!styles) return out
  const custom = new Map<number, string>()
  for (const f of descendants(styles, 'numFmt'))
    custom.set(Number(f.attrs.numFmtId), f.attrs.formatCode ?? '')
  const xfs = descendants(styles, 'cellXfs')[0]
  children(xfs, 'xf').forEach((xf, i) => {
    const id = Number(xf.attrs.numFmtId ?? 0)
    const code = (custom.get(id) ?? '').replace(/"[^"]*"|\[[^\]]*\]|\\./g, '')
    if (BUILTIN_DATE_FORMATS.has(id) || /[yd]/i.test(code) || /m.*[ys]|[hs].*m/i.test(code)) out.add(i)
  })
  return out
}

function serialToIso(v: number): string {
  // Excel's 1900 date system (with its 1900-02-29 bug, hence the 1899-12-30 epoch)
  const ms = Math.round((v - 25569) * 86400000)
  return new Date(ms).toISOString().slice(0, 10)
}

export async function readXlsx(
  bytes: Uint8Array,
  maxBytes: number,
  budget: Budget = NO_BUDGET,
): Promise<Row[]> {
  const dir = readDirectory(bytes)
  const get = async (name: string) => {
    const e = dir.get(name)
    return e ? readEntry(bytes, e, maxBytes) : null
  }
  const wb = await get('xl/workbook.xml')
  if (!wb) fail(null, 'xlsx', 'not an XLSX workbook (xl/workbook.xml missing)')
  let sheetPath = 'xl/worksheets/sheet1.xml'
  const firstSheet = descendants(parseXml(wb as string), 'sheet')[0]
  const rels = await get('xl/_rels/workbook.xml.rels')
  if (firstSheet && rels) {
    const rid = firstSheet.attrs.id
    const rel = descendants(parseXml(rels), 'Relationship').find((r) => r.attrs.Id === rid)
    if (rel?.attrs.Target) {
      const t = rel.attrs.Target
      sheetPath = t.startsWith('/') ? t.slice(1) : `xl/${t}`
    }
  }
  const sheetXml = await get(sheetPath)
  if (!sheetXml) fail(null, 'xlsx', `worksheet ${sheetPath} missing`)
  const sst = await get('xl/sharedStrings.xml')
  const strings = sst
    ? children(parseXml(sst), 'si').map((si) =>
        descendants(si, 't')
          .filter((t) => !t.path.includes('/rPh['))
          .map((t) => t.text)
          .join(''),
      )
    : []
  const stylesXml = await get('xl/styles.xml')
  const dates = dateStyles(stylesXml ? parseXml(stylesXml) : null)
  const sheet = parseXml(sheetXml as string, budget)
  const rows: Row[] = []
  for (const r of descendants(sheet, 'row')) {
    budget.tick(r.line)
    const line = Number(r.attrs.r ?? rows.length + 1)
    const cells: string[] = []
    children(r, 'c').forEach((c, i) => {
      const idx = c.attrs.r ? colIndex(c.attrs.r) : i
      const v = children(c, 'v')[0]?.text ?? ''
      let value: string
      switch (c.attrs.t) {
        case 's':
          value = strings[Number(v)] ?? ''
          break
        case 'inlineStr':
          value = descendants(c, 't')
            .map((t) => t.text)
            .join('')
          break
        case 'b':
          value = v === '1' ? 'TRUE' : 'FALSE'
          break
        case 'str':
        case 'e':
          value = v
          break
        default:
          if (v !== '' && dates.has(Number(c.attrs.s ?? 0)) && Number.isFinite(Number(v)))
            value = serialToIso(Number(v))
          // Excel stores numbers as doubles; 15 significant digits is the value the user saw
          else if (/^-?\d+\.\d{10,}$/.test(v)) value = String(Number(Number(v).toPrecision(15)))
          else value = v
      }
      while (cells.length < idx) cells.push('')
      cells[idx] = value
    })
    rows.push({ cells, line })
  }
  return rows
}
