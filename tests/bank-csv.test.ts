// CSV / XLSX bank exports: encodings, header and column mapping, templates, dates, amounts,
// de-duplication keys, and errors that name the line and field.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type ParseResult, type ParseSuccess, parseStatement } from '../functions/_shared/bank/index.ts'

const OWN = fileURLToPath(new URL('./fixtures/bank/', import.meta.url))
const own = (name: string) => new Uint8Array(readFileSync(join(OWN, name)))

function ok(r: ParseResult): ParseSuccess {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors)}`)
  return r
}

describe('CSV', () => {
  it('reads GBK without BOM: preamble, 借方/贷方, mixed date forms, thousands separators, summary lines', async () => {
    const r = ok(await parseStatement(own('gbk-debit-credit.csv')))
    expect(r).toMatchObject({ format: 'csv', encoding: 'gb18030' })
    const m = r.mapping
    expect(m?.headerLine).toBe(5)
    expect(m?.source).toBe('auto')
    expect(m?.columns).toMatchObject({
      date: 0,
      debit: 2,
      credit: 3,
      balance: 4,
      counterpartyName: 5,
      counterpartyAccount: 6,
      reference: 7,
      memo: [1, 8],
    })
    expect(m?.skippedLines).toEqual([10, 11])
    const s = r.statements[0]
    expect(s.accountId).toBe('3100')
    expect(s.lines.map((l) => [l.date, l.amount, l.balanceAfter])).toEqual([
      ['2026-01-05', '12345.60', '112345.60'],
      ['2026-01-06', '-1000.00', '111345.60'],
      ['2026-01-07', '-5.50', '111340.10'],
      ['2026-01-08', '0.35', '111340.45'],
    ])
    expect(s.lines[0]).toMatchObject({
      currency: 'CNY',
      counterpartyName: '上海客户甲有限公司',
      counterpartyAccount: '6222 0000 0000 0001',
      reference: 'SEQ20260105001',
      memo: '转账收入 | 货款 INV-2026-001',
      sourceLine: 6,
    })
  })

  it('reads UTF-8 with a BOM (the BOM is not part of the first header)', async () => {
    const text =
      '\uFEFF交易日期,金额,对方户名,摘要\n2026-03-01,"1,100.00",客户甲,货款\n2026-03-02,-5.00,,手续费\n'
    const r = ok(await parseStatement(new TextEncoder().encode(text)))
    expect(r).toMatchObject({ format: 'csv', encoding: 'utf-8' })
    expect(r.mapping?.columns).toMatchObject({ date: 0, amount: 1, counterpartyName: 2 })
    expect(r.statements[0].lines.map((l) => [l.date, l.amount, l.counterpartyName])).toEqual([
      ['2026-03-01', '1100.00', '客户甲'],
      ['2026-03-02', '-5.00', null],
    ])
  })

  it('reads GB18030 four-byte characters (outside GBK) in a GBK file', async () => {
    // a line before 合计 (GBK BA CF BC C6) whose counterparty has U+20000 (GB18030 95 32 82 36)
    const gbk = own('gbk-debit-credit.csv')
    const at = gbk.findIndex((_, i) => gbk[i] === 0xba && gbk[i + 1] === 0xcf && gbk[i + 2] === 0xbc)
    const row = [
      ...new TextEncoder().encode('2026-01-09,,,1.00,"111,341.45",Zhang'),
      0x95,
      0x32,
      0x82,
      0x36,
      ...new TextEncoder().encode(',,SEQ20260109001,\r\n'),
    ]
    const bytes = new Uint8Array([...gbk.subarray(0, at), ...row, ...gbk.subarray(at)])
    const r = ok(await parseStatement(bytes))
    expect(r.encoding).toBe('gb18030')
    expect(r.statements[0].lines.at(-1)).toMatchObject({ amount: '1.00', counterpartyName: 'Zhang\u{20000}' })
    expect(r.statements[0].lines[0].counterpartyName).toBe('上海客户甲有限公司')
  })

  it('reads UTF-16LE, TAB separated, signed amounts with +', async () => {
    const r = ok(await parseStatement(own('utf16le-signed.csv')))
    expect(r.encoding).toBe('utf-16le')
    expect(r.statements[0].lines.map((l) => [l.date, l.amount, l.reference, l.memo])).toEqual([
      ['2026-03-01', '-88.00', 'T001', '午餐'],
      ['2026-03-01', '1000.00', 'T002', '还款'],
    ])
  })

  it('reuses a saved template by header signature and applies its sign convention', async () => {
    const first = ok(await parseStatement(own('gbk-debit-credit.csv')))
    const m = first.mapping
    if (!m) throw new Error('no mapping')
    const template = { signature: m.signature, columns: m.columns, dateOrder: m.dateOrder, invertSign: true }
    const again = ok(await parseStatement(own('gbk-debit-credit.csv'), { templates: [template] }))
    expect(again.mapping?.source).toBe('template')
    expect(again.statements[0].lines[0].amount).toBe('-12345.60')
    const other = ok(await parseStatement(own('utf16le-signed.csv'), { templates: [template] }))
    expect(other.mapping?.source).toBe('auto')
  })

  it('uses an explicit mapping confirmed in the preview', async () => {
    const r = ok(
      await parseStatement(own('duplicates.csv'), {
        mapping: { columns: { date: 0, amount: 1, memo: [2, 3] } },
      }),
    )
    expect(r.mapping?.source).toBe('explicit')
    expect(r.statements[0].lines[0]).toMatchObject({ counterpartyName: null, memo: '地铁 | 车费' })
  })

  it('rejects 30 February naming line and column', async () => {
    const r = await parseStatement(own('feb30.csv'))
    expect(r).toMatchObject({ ok: false, errors: [{ line: 3, field: '日期' }] })
  })

  it('rejects a bad amount naming line and column, whole file', async () => {
    const r = await parseStatement(own('bad-amount.csv'))
    expect(r).toMatchObject({ ok: false, errors: [{ line: 3, field: '交易金额' }] })
    if (!r.ok) expect(r.mapping?.columns.amount).toBe(1)
  })

  it('refuses text that is not a statement', async () => {
    const r = await parseStatement(new TextEncoder().encode('hello\nworld\n'))
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'header' }] })
  })
})

describe('de-duplication keys', () => {
  it('are stable across re-imports, distinct for repeated identical lines, equal across overlapping files', async () => {
    const a = ok(await parseStatement(own('duplicates.csv')))
    const a2 = ok(await parseStatement(own('duplicates.csv')))
    const keys = a.statements[0].lines.map((l) => l.dedupeKey)
    expect(a2.statements[0].lines.map((l) => l.dedupeKey)).toEqual(keys)
    expect(new Set(keys).size).toBe(3)
    expect(keys.every((k) => k.startsWith('h:'))).toBe(true)
    const b = ok(await parseStatement(own('overlap.csv')))
    // 2026-01-06 -3.00 地铁 车费 is in both files: same key
    expect(b.statements[0].lines[0].dedupeKey).toBe(keys[2])
    expect(keys).not.toContain(b.statements[0].lines[1].dedupeKey)
  })
  it('use the bank reference when there is one', async () => {
    const r = ok(await parseStatement(own('gbk-debit-credit.csv')))
    const [l1, , , l4] = r.statements[0].lines
    expect(l1.dedupeKey.startsWith('r:')).toBe(true)
    expect(l4.dedupeKey.startsWith('h:')).toBe(true)
  })
})

describe('XLSX', () => {
  it('reads shared and inline strings, date-formatted serials and float noise', async () => {
    const r = ok(await parseStatement(own('simple.xlsx')))
    expect(r.format).toBe('xlsx')
    expect(r.mapping?.headerLine).toBe(3)
    const s = r.statements[0]
    expect(s.accountId).toBe('6222000011112222')
    expect(
      s.lines.map((l) => [l.date, l.amount, l.balanceAfter, l.counterpartyName, l.reference, l.memo]),
    ).toEqual([
      ['2026-01-05', '1234.50', '11234.50', '客户甲', 'X-1', '货款'],
      ['2026-01-07', '-0.30', '11234.20', '供应商乙', 'X-2', '采购'],
    ])
  })
})
