// Bank statement parsers (functions/_shared/bank): every public sample in ../shared/fixtures/bank,
// plus our own fixtures for CAMT / MT940 / OFX quirks and bad input.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { type ParseResult, type ParseSuccess, parseStatement } from '../functions/_shared/bank/index.ts'

const SHARED = fileURLToPath(new URL('../../shared/fixtures/bank/', import.meta.url))
const OWN = fileURLToPath(new URL('./fixtures/bank/', import.meta.url))
const own = (name: string) => new Uint8Array(readFileSync(join(OWN, name)))

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    if (statSync(p).isDirectory()) return f === 'licenses' ? [] : walk(p)
    // .json / .yml are upstream expected outputs, SOURCES.md the provenance notes
    return /\.(json|ya?ml|md)$/i.test(f) ? [] : [p]
  })
}

/**
 * Public samples that are refused, and the field the error names. Balance mismatches were checked by
 * hand: these upstream files are synthetic or cut down, and opening + lines really differs from the
 * stated closing balance, which issue 7 makes an error (all or nothing).
 */
const REFUSED: Record<string, string> = {
  'camt/camt/camt053.v2.wrong.xml': 'Stmt',
  'camt/camt/camt053.v2.all-balance-types.xml': 'closingBalance',
  'camt/camt/camt053.v2.five.decimals.xml': 'closingBalance',
  'camt/camt/camt053.v2.minimal.ultimate.xml': 'closingBalance',
  'camt/camt/camt053.v2.minimal.xml': 'closingBalance',
  'camt/camt/camt053.v2.with-party-ids.xml': 'closingBalance',
  'camt/camt/camt053.v3.xml': 'closingBalance',
  'camt/camt/camt053.v4.xml': 'closingBalance',
  'camt/camt/camt053.v8.xml': 'closingBalance',
  'cn-csv/double-entry-generator/ccb/交易明细_xxxx_2025xxxx_2025xxxx.xls': 'file',
  'cn-csv/double-entry-generator/citic/credit/example-citic-records.xls': 'file',
  'cn-csv/double-entry-generator/spdb_debit/example-spdb_debit-records.xls': 'file',
  'mt940/mt940/betterplace/sepa_snippet.sta': 'closingBalance',
  'mt940/mt940/betterplace/sepa_snippet_broken.sta': 'closingBalance',
  'mt940/mt940/jejik/abnamro.sta': 'closingBalance',
  'mt940/mt940/jejik/ing.sta': 'closingBalance',
  'mt940/mt940/jejik/knab.sta': 'closingBalance',
  'mt940/mt940/jejik/postfinance.sta': 'closingBalance',
  'mt940/mt940/jejik/rabobank.sta': 'closingBalance',
  'mt940/mt940/jejik/triodos.sta': 'closingBalance',
  'mt940/mt940/mBank/with_newline_in_tnr.sta': 'closingBalance',
  'mt940/mt940/self-provided/invalid_statement.sta': 'header',
  'mt940/mt940/self-provided/malformed_details.sta': 'closingBalance',
  'mt940/mt940/self-provided/overly_long_details.sta': 'closingBalance',
  'mt940/mt940/self-provided/raiffeisen-cmi.sta': 'closingBalance',
  'mt940/mt940/self-provided/whitespace.sta': 'closingBalance',
  'ofx/ofxparse/account_listing_aggregation.ofx': 'STMTRS',
  'ofx/ofxparse/error_message.ofx': 'STATUS',
  'ofx/ofxparse/fail_nice/decimal_error.ofx': 'DTPOSTED',
}

function expectWellFormed(r: ParseSuccess) {
  for (const s of r.statements) {
    const keys = new Set<string>()
    for (const l of s.lines) {
      expect(l.date).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      if (l.valueDate) expect(l.valueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      expect(l.amount).toMatch(/^-?\d+\.\d{2,}$/)
      if (l.balanceAfter) expect(l.balanceAfter).toMatch(/^-?\d+\.\d{2,}$/)
      expect(l.dedupeKey).toMatch(/^[rh]:[0-9a-f]{16}$/)
      keys.add(l.dedupeKey)
    }
    expect(keys.size).toBe(s.lines.length)
  }
}

function ok(r: ParseResult): ParseSuccess {
  if (!r.ok) throw new Error(`expected success, got ${JSON.stringify(r.errors)}`)
  return r
}

describe('public samples', () => {
  const files = walk(SHARED).sort()
  it('finds the shared sample folder', () => {
    expect(files.length).toBeGreaterThan(60)
  })
  for (const file of files) {
    const rel = relative(SHARED, file).split('\\').join('/')
    it(rel, async () => {
      const r = await parseStatement(new Uint8Array(readFileSync(file)))
      const refused = REFUSED[rel]
      if (refused) {
        expect(r.ok).toBe(false)
        if (r.ok) return
        expect(r.errors.length).toBeGreaterThan(0)
        for (const e of r.errors) {
          expect(e.field).toBe(refused)
          expect(e.message.length).toBeGreaterThan(10)
        }
      } else {
        expectWellFormed(ok(r))
      }
    })
  }
  it('reads the GBK Alipay export with sign from 收/支', async () => {
    const r = ok(
      await parseStatement(
        new Uint8Array(
          readFileSync(join(SHARED, 'cn-csv/double-entry-generator/alipay/example-alipay-records.csv')),
        ),
      ),
    )
    expect(r.encoding).toBe('gb18030')
    expect(r.statements[0].accountId).toBe('xx@gmail.com')
    expect(r.statements[0].lines[0]).toMatchObject({
      date: '2023-02-12',
      amount: '-49.74',
      counterpartyName: 'xxxxxxxxxxxx',
    })
  })
  it('reads the same WeChat data from CSV and XLSX to the same keys', async () => {
    const dir = join(SHARED, 'cn-csv/double-entry-generator/wechat')
    const csv = ok(
      await parseStatement(new Uint8Array(readFileSync(join(dir, 'example-wechat-records.csv')))),
    )
    const xlsx = ok(
      await parseStatement(new Uint8Array(readFileSync(join(dir, 'example-wechat-records.xlsx')))),
    )
    expect(xlsx.format).toBe('xlsx')
    expect(xlsx.statements[0].lines.map((l) => l.dedupeKey)).toEqual(
      csv.statements[0].lines.map((l) => l.dedupeKey),
    )
    expect(csv.statements[0].lines[0]).toMatchObject({ amount: '-28.16', reference: '3985734' })
  })
  it('reads MT942 interim reports', async () => {
    const r = ok(
      await parseStatement(new Uint8Array(readFileSync(join(SHARED, 'mt940/mt940/mBank/mt942.sta')))),
    )
    expect(r.format).toBe('mt942')
    expect(r.statements[0]).toMatchObject({ accountId: 'PL29114010810000267002001002', currency: 'PLN' })
    expect(r.statements[0].lines[0]).toMatchObject({ amount: '0.01', reference: 'MB170119012058' })
  })
  it('reads the German structured :86: of a 30 February sample', async () => {
    const r = ok(
      await parseStatement(
        new Uint8Array(readFileSync(join(SHARED, 'mt940/mt940/self-provided/february_30.sta'))),
      ),
    )
    expect(r.statements[0].lines[0]).toMatchObject({
      valueDate: '2016-02-29',
      date: '2016-03-01',
      amount: '-6.00',
    })
    expect(r.warnings.some((w) => /does not exist/.test(w.message))).toBe(true)
  })
})

describe('CAMT.053', () => {
  it('reads several statements, balances, DtTm dates, details; pending entries stay out of the balance', async () => {
    const r = ok(await parseStatement(own('camt053-two-statements.xml')))
    expect(r.format).toBe('camt')
    expect(r.statements).toHaveLength(2)
    const [a, b] = r.statements
    expect(a).toMatchObject({
      accountId: 'CN00TEST0000000001',
      currency: 'CNY',
      openingBalance: '1000.00',
      closingBalance: '1200.50',
    })
    expect(a.lines[0]).toMatchObject({
      date: '2026-01-05',
      valueDate: '2026-01-06',
      amount: '250.50',
      reference: 'REF-A-1',
      counterpartyName: '上海客户甲有限公司',
      counterpartyAccount: '6222000000000001',
      memo: 'INV-2026-001 & INV-2026-002',
      status: 'booked',
    })
    expect(a.lines[1]).toMatchObject({ amount: '-50.00', counterpartyName: '电费' })
    expect(a.lines[2]).toMatchObject({ amount: '-999.00', status: 'pending' })
    expect(b).toMatchObject({ openingBalance: '-10.00', closingBalance: '90.00', currency: 'USD' })
  })
  it('rejects truncated XML with the line', async () => {
    const bytes = own('camt053-two-statements.xml')
    const r = await parseStatement(bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0].message).toMatch(/truncated|not closed/)
  })
  it('names the element path of a bad amount', async () => {
    const text = new TextDecoder().decode(own('camt053-two-statements.xml')).replace('>50.00<', '>5O.00<')
    const r = await parseStatement(new TextEncoder().encode(text))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors[0]).toMatchObject({
        field: 'Amt',
        path: '/Document[1]/BkToCstmrStmt[1]/Stmt[1]/Ntry[2]/Amt[1]',
      })
      expect(r.errors[0].line).toBeGreaterThan(10)
    }
  })
})

describe('MT940', () => {
  it('handles ISO-8859-1, 30 February, wrapped :86:, stray binary, CRLF and no final newline', async () => {
    const r = ok(await parseStatement(own('quirks-latin1.sta')))
    expect(r.format).toBe('mt940')
    expect(r.encoding).toBe('windows-1252')
    const s = r.statements[0]
    expect(s).toMatchObject({
      accountId: 'DE00123456780000001234',
      currency: 'EUR',
      openingBalance: '1000.00',
      closingBalance: '1184.50',
    })
    expect(s.lines[0]).toMatchObject({
      valueDate: '2026-02-28',
      date: '2026-03-02',
      amount: '-15.50',
      reference: 'BANKREF0001',
      counterpartyName: 'Müller GmbH',
      counterpartyAccount: 'DEUTDEFF/DE00999',
    })
    expect(s.lines[0].memo).toContain('Zinsen für Februar und Gebühren')
    expect(s.lines[1]).toMatchObject({
      amount: '200.00',
      counterpartyName: 'Kunde AG',
      counterpartyAccount: 'NL00BANK0123456789',
    })
    expect(s.lines[1].memo).toContain('Rechnung 42')
  })
  it('rejects a statement whose lines do not add up to the closing balance', async () => {
    const r = await parseStatement(own('mismatch.sta'))
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r.errors).toHaveLength(1)
      expect(r.errors[0]).toMatchObject({ field: 'closingBalance', line: 5 })
      expect(r.errors[0].message).toContain('90.00')
    }
  })
  it('names the line of an unreadable :61:', async () => {
    const text = new TextDecoder()
      .decode(own('mismatch.sta'))
      .replace(':61:2603010301D10,00', ':61:26030X0301D10,00')
    const r = await parseStatement(new TextEncoder().encode(text))
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 5, field: '61' })
  })
})

describe('OFX', () => {
  it('reads v1 SGML with unclosed tags, timezone dates, PAYEE names and LEDGERBAL', async () => {
    const r = ok(await parseStatement(own('sgml-v1.ofx')))
    expect(r.format).toBe('ofx')
    const s = r.statements[0]
    expect(s).toMatchObject({
      accountId: '123-456789-001',
      currency: 'HKD',
      closingBalance: '3265.50',
      closingDate: '2026-01-31',
    })
    expect(s.lines).toHaveLength(2)
    expect(s.lines[0]).toMatchObject({
      date: '2026-01-05',
      amount: '-1234.50',
      reference: 'F-0001',
      counterpartyName: 'Landlord & Co',
      memo: 'Rent January',
    })
    expect(s.lines[1]).toMatchObject({ amount: '500.00', counterpartyName: 'Client Ltd' })
  })
  it('reads v2 XML (two accounts)', async () => {
    const r = ok(
      await parseStatement(new Uint8Array(readFileSync(join(SHARED, 'ofx/ofxparse/multiple_accounts.ofx')))),
    )
    expect(r.statements).toHaveLength(2)
  })
  it('reads SGML with and without end tags to the same lines', async () => {
    const a = ok(
      await parseStatement(new Uint8Array(readFileSync(join(SHARED, 'ofx/banking.js/sample.ofx')))),
    )
    const b = ok(
      await parseStatement(
        new Uint8Array(readFileSync(join(SHARED, 'ofx/banking.js/sample-with-end-tags.ofx'))),
      ),
    )
    expect(b.statements).toEqual(a.statements)
  })
})

describe('bad input', () => {
  it('rejects an empty file', async () => {
    const r = await parseStatement(new Uint8Array())
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'file', message: 'the file is empty' }] })
  })
  it('rejects binary garbage', async () => {
    const bytes = new Uint8Array(4096)
    let x = 12345
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff
      bytes[i] = x >> 16
    }
    const r = await parseStatement(bytes)
    expect(r.ok).toBe(false)
  })
  it('rejects a file over the size limit before reading it', async () => {
    const r = await parseStatement(new Uint8Array(2048), { maxBytes: 1024 })
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'file' }] })
  })
  it('rejects a damaged XLSX', async () => {
    const bytes = own('simple.xlsx')
    const r = await parseStatement(bytes.subarray(0, bytes.length - 40))
    expect(r.ok).toBe(false)
  })
})

describe('the time limit', () => {
  const n = 3000
  const enc = (s: string) => new TextEncoder().encode(s)
  const rows = Array.from({ length: n }, (_, i) => i)
  const files: Array<[string, Uint8Array]> = [
    [
      'csv',
      enc(
        `交易日期,金额,对方户名,摘要\n${rows.map((i) => `2026-03-01,${i + 1}.00,客户${i},货款`).join('\n')}\n`,
      ),
    ],
    [
      'mt940',
      enc(
        [
          ':20:LIMIT',
          ':25:12345678',
          ':28C:1/1',
          ...rows.flatMap((i) => [`:61:2603010301C${i + 1},00NTRFREF${i}`, `:86:Kunde ${i}`]),
          '',
        ].join('\r\n'),
      ),
    ],
    [
      'ofx',
      enc(
        `<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKACCTFROM><ACCTID>1</BANKACCTFROM><BANKTRANLIST>${rows
          .map((i) => `<STMTTRN><DTPOSTED>20260301<TRNAMT>${i + 1}.00<FITID>F${i}</STMTTRN>`)
          .join('')}</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`,
      ),
    ],
    [
      'camt',
      enc(
        `<?xml version="1.0"?><Document><BkToCstmrStmt><Stmt><Id>S</Id><Acct><Id><Othr><Id>1</Id></Othr></Id><Ccy>EUR</Ccy></Acct>${rows
          .map(
            (i) =>
              `<Ntry><Amt Ccy="EUR">${i + 1}.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>2026-03-01</Dt></BookgDt></Ntry>`,
          )
          .join('')}</Stmt></BkToCstmrStmt></Document>`,
      ),
    ],
  ]
  for (const [format, bytes] of files) {
    it(`stops reading ${format} past the limit, naming it; reads it within the limit`, async () => {
      const late = await parseStatement(bytes, { timeLimitMs: -1 })
      expect(late).toMatchObject({ ok: false, format, errors: [{ field: 'file' }] })
      expect(late.ok ? '' : late.errors[0].message).toMatch(/longer than the time limit/)
      const r = await parseStatement(bytes)
      expect(r.ok, JSON.stringify(r.ok ? '' : r.errors)).toBe(true)
      expect((r as ParseSuccess).statements[0].lines).toHaveLength(n)
    })
  }
})
