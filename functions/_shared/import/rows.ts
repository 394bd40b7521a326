// Bulk import of master data, the file side: reads a CSV (UTF-8 or GBK) or XLSX file with the bank
// parsers' readers and maps its header to the fields import_customers / import_suppliers /
// import_products / import_opening_stock / import_opening_balances take (Chinese or English headers). Pure: bytes in, rows out. The database does all
// the validation (see supabase/migrations/20261128184100_crm_import.sql); this only names the columns
// and keeps each row's line number in `_row`, so the database's errors point at lines of the file.
import { guessDelimiter, type Row, readDelimited } from '../bank/csv.ts'
import { normHeader } from '../bank/table.ts'
import { decodeBytes } from '../bank/text.ts'
import { readXlsx } from '../bank/xlsx.ts'

export type ImportKind = 'customers' | 'suppliers' | 'products' | 'opening_stock' | 'opening_balances'

/** One row for the RPC: field → cell text, and `_row`, the row's line in the file. */
export type ImportRow = Record<string, string | number> & { _row: number }

const partyFields: Record<string, string[]> = {
  code: ['code', '编码', '编号', '客户编码', '供应商编码', '代码'],
  name: ['name', '名称', '客户名称', '供应商名称', '单位名称', '公司名称'],
  taxpayer_id: ['taxpayer_id', '税号', '纳税人识别号', '统一社会信用代码'],
  invoice_title: ['invoice_title', '发票抬头', '开票名称'],
  credit_limit: ['credit_limit', '信用额度'],
  payment_terms_days: ['payment_terms_days', '账期', '账期(天)', '付款期限'],
  owner_email: ['owner_email', '负责人邮箱', '业务员邮箱'],
  tags: ['tags', '标签'],
  source: ['source', '来源', '客户来源'],
  note: ['note', '备注'],
  contact_name: ['contact_name', '联系人'],
  contact_title: ['contact_title', '职务', '联系人职务'],
  contact_phone: ['contact_phone', '电话', '联系电话', '手机'],
  contact_email: ['contact_email', '邮箱', '联系人邮箱', 'email'],
  address: ['address', '地址', '详细地址'],
}

const productFields: Record<string, string[]> = {
  sku: ['sku', '编码', '商品编码', '存货编码', '货号'],
  name: ['name', '名称', '商品名称', '存货名称', '品名'],
  barcode: ['barcode', '条码', '条形码'],
  spec: ['spec', '规格', '规格型号', '型号'],
  unit: ['unit', '单位', '计量单位', '基本单位'],
  category: ['category', '分类', '类别', '商品分类'],
  tax_classification_code: ['tax_classification_code', '税收分类编码', '税收编码'],
  output_tax_code: ['output_tax_code', '销项税码', '销售税码'],
  input_tax_code: ['input_tax_code', '进项税码', '采购税码'],
  sale_price: ['sale_price', '售价', '销售价', '零售价'],
  purchase_price: ['purchase_price', '进价', '采购价'],
  is_stock: ['is_stock', '库存商品', '是否库存'],
  reorder_point: ['reorder_point', '再订货点', '补货点'],
  reorder_quantity: ['reorder_quantity', '补货数量', '再订货量'],
  safety_stock: ['safety_stock', '安全库存'],
  preferred_supplier: ['preferred_supplier', '首选供应商', '供应商编码'],
  units: ['units', '单位换算', '辅助单位'],
}

// Opening balances (期初): stock per item and warehouse, receivables and payables per document
// (supabase/migrations/20261128213644_opening_import.sql).
const openingStockFields: Record<string, string[]> = {
  sku: ['sku', '商品编码', '存货编码', '编码', '货号'],
  warehouse: ['warehouse', '仓库', '仓库编码'],
  quantity: ['quantity', '数量', '期初数量', '结存数量'],
  unit_cost: ['unit_cost', '单价', '单位成本', '成本单价', '期初单价'],
  value: ['value', '金额', '期初金额', '结存金额', '成本金额'],
}

const openingBalanceFields: Record<string, string[]> = {
  kind: ['kind', '类型', '往来类型', '应收应付'],
  party: ['party', '往来单位', '客户', '供应商', '客户名称', '供应商名称', '单位名称', '名称'],
  party_code: ['party_code', '往来单位编码', '客户编码', '供应商编码', '编码'],
  taxpayer_id: ['taxpayer_id', '税号', '纳税人识别号', '统一社会信用代码'],
  document_number: ['document_number', '单据号', '单据编号', '单号', '发票号', '发票号码'],
  date: ['date', '日期', '单据日期', '业务日期', '开票日期'],
  due_date: ['due_date', '到期日', '到期日期'],
  amount: ['amount', '金额', '余额', '期初余额', '未收金额', '未付金额'],
  note: ['note', '备注', '摘要'],
}

export const importFields: Record<ImportKind, Record<string, string[]>> = {
  customers: partyFields,
  suppliers: partyFields,
  products: productFields,
  opening_stock: openingStockFields,
  opening_balances: openingBalanceFields,
}

export interface MappedRows {
  rows: ImportRow[]
  /** field → column index */
  columns: Record<string, number>
  /** header cells that name no field (ignored) */
  ignored: string[]
  /** required fields with no column */
  missing: string[]
  headerLine: number | null
}

const required: Record<ImportKind, string[]> = {
  customers: ['code', 'name'],
  suppliers: ['code', 'name'],
  products: ['sku', 'name'],
  opening_stock: ['sku', 'quantity'],
  opening_balances: ['document_number', 'amount'],
}

/** The column of each field from a header row; the first column wins when two name one field. */
export function mapHeader(
  kind: ImportKind,
  header: string[],
): { columns: Record<string, number>; ignored: string[] } {
  const lookup = new Map<string, string>()
  for (const [field, names] of Object.entries(importFields[kind]))
    for (const n of names) if (!lookup.has(normHeader(n))) lookup.set(normHeader(n), field)
  const columns: Record<string, number> = {}
  const ignored: string[] = []
  header.forEach((cell, i) => {
    const field = lookup.get(normHeader(cell))
    if (field && !(field in columns)) columns[field] = i
    else if (cell.trim() !== '') ignored.push(cell.trim())
  })
  return { columns, ignored }
}

/** Rows of cells → RPC rows. The header is the first row with a cell; blank rows are skipped. */
export function rowsFromTable(kind: ImportKind, table: Row[]): MappedRows {
  const nonBlank = table.filter((r) => r.cells.some((c) => c.trim() !== ''))
  const [head, ...body] = nonBlank
  if (!head) return { rows: [], columns: {}, ignored: [], missing: required[kind], headerLine: null }
  const { columns, ignored } = mapHeader(kind, head.cells)
  const rows = body.map((r) => {
    const row: ImportRow = { _row: r.line }
    for (const [field, i] of Object.entries(columns)) {
      const v = (r.cells[i] ?? '').trim()
      if (v !== '') row[field] = v
    }
    return row
  })
  return {
    rows,
    columns,
    ignored,
    missing: required[kind].filter((f) => !(f in columns)),
    headerLine: head.line,
  }
}

/** Reads a CSV/TSV (UTF-8, UTF-16 or GBK) or XLSX file (its first sheet) into rows of cells. */
export async function readImportFile(bytes: Uint8Array, maxBytes = 10 * 1024 * 1024): Promise<Row[]> {
  if (bytes.length > maxBytes) throw new Error(`the file is larger than ${maxBytes} bytes`)
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes, maxBytes * 5)
  const { text } = decodeBytes(bytes, ['gb18030', 'windows-1252'])
  return readDelimited(text, guessDelimiter(text))
}

/** File → rows for import_<kind>. */
export async function parseImportFile(kind: ImportKind, bytes: Uint8Array): Promise<MappedRows> {
  return rowsFromTable(kind, await readImportFile(bytes))
}
