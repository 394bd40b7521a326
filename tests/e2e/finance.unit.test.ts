// The pure logic of the finance screens: voucher totals and posting checks (exact decimals), the bank
// column mapping, statement drill-down targets and dates, and the Excel layout (read back with exceljs).
import ExcelJS from 'exceljs'
import { describe, expect, test } from 'vitest'
import { decimalCell, safeSheetName, sheetValues, workbookBytes } from '../../admin/src/lib/excel.ts'
import { mappingOf, mappingProblems, rolesOf } from '../../admin/src/pages/bank/mapping.ts'
import {
  dayBefore,
  drillRange,
  drillTargets,
  fiscalYearStart,
  openingOf,
} from '../../admin/src/pages/reports/drill.ts'
import {
  type AccountRule,
  balancingAmount,
  type DraftLine,
  lineRows,
  missingDimensions,
  problemsOf,
  totalsOf,
  withAccount,
} from '../../admin/src/pages/vouchers/voucherMath.ts'

const line = (over: Partial<DraftLine>): DraftLine => ({
  key: 'k',
  summary: '',
  debit: '',
  credit: '',
  ...over,
})
const accounts = new Map<string, AccountRule>([
  ['cash', { id: 'cash', code: '1001', is_leaf: true, active: true, auxiliary: [] }],
  ['ar', { id: 'ar', code: '1122', is_leaf: true, active: true, auxiliary: ['customer'] }],
  ['exp', { id: 'exp', code: '6602', is_leaf: true, active: true, auxiliary: ['department', 'project'] }],
  ['parent', { id: 'parent', code: '1002', is_leaf: false, active: true, auxiliary: [] }],
])

describe('voucher entry', () => {
  test('totals are exact where floats are not', () => {
    const t = totalsOf([line({ debit: '0.1' }), line({ debit: '0.2' }), line({ credit: '0.30' })])
    expect(t).toEqual({ debit: '0.30', credit: '0.30', difference: '0.00', balanced: true })
    expect(totalsOf([line({ debit: '9999999999999999.99' }), line({ credit: '1' })]).difference).toBe(
      '9999999999999998.99',
    )
    expect(totalsOf([line({}), line({})]).balanced).toBe(false)
  })

  test('posting needs two lines, accounts, the required dimensions and balance; a draft only valid amounts', () => {
    const lines = [
      line({ account_id: 'ar', debit: '113' }),
      line({ account_id: 'exp', credit: '100', department_id: 'd1' }),
      line({}),
    ]
    const keys = problemsOf(lines, accounts, true).map((p) => `${p.line}:${p.field}:${p.key}`)
    expect(keys).toEqual([
      '0:party_id:missing.customer',
      '1:project_id:missing.project',
      'null:lines:unbalanced',
    ])
    expect(problemsOf(lines, accounts, false)).toEqual([])
    expect(
      problemsOf([line({ account_id: 'cash', debit: '1', credit: '1' })], accounts, true).map((p) => p.key),
    ).toEqual(['bothSides', 'twoLines'])
    expect(problemsOf([line({ debit: '1.234' })], accounts, false).map((p) => p.key)).toEqual([
      'badAmount',
      'noAccount',
    ])
    expect(
      problemsOf(
        [line({ account_id: 'parent', debit: '5' }), line({ account_id: 'cash', credit: '5' })],
        accounts,
        true,
      ).map((p) => p.key),
    ).toEqual(['notLeaf'])
    expect(problemsOf([], accounts, false).map((p) => p.key)).toEqual(['noLines'])
  })

  test('dimensions follow the account; rows carry strings; "=" balances', () => {
    const l = line({ account_id: 'ar', party_id: 'c1', department_id: 'd1' })
    expect(missingDimensions(line({ account_id: 'exp' }), accounts.get('exp'))).toEqual([
      'department',
      'project',
    ])
    const moved = withAccount(l, accounts.get('exp'))
    expect(moved.party_id).toBeUndefined()
    expect(moved.department_id).toBe('d1')
    expect(
      lineRows([
        line({ account_id: 'cash', debit: '12.5', summary: ' x ' }),
        line({}),
        line({ account_id: 'ar', credit: '12.50', party_id: 'c1' }),
      ]),
    ).toMatchObject([
      { account_id: 'cash', debit: '12.50', credit: '0.00', summary: 'x', party_id: null },
      { account_id: 'ar', debit: '0.00', credit: '12.50', party_id: 'c1', summary: '' },
    ])
    expect(lineRows([line({ account_id: 'cash', debit: '1' })], ' 收货款 ')[0].summary).toBe('收货款')
    const ls = [line({ debit: '100.10' }), line({ credit: '30' }), line({})]
    expect(balancingAmount(ls, 2)).toEqual({ side: 'credit', amount: '70.10' })
    expect(balancingAmount([line({ credit: '5' }), line({})], 1)).toEqual({ side: 'debit', amount: '5.00' })
    expect(balancingAmount([line({ credit: '5' }), line({ debit: '5' })], 1)).toEqual({
      side: 'debit',
      amount: '5.00',
    })
    expect(balancingAmount([line({ credit: '5' }), line({ debit: '5' }), line({})], 2)).toBeNull()
  })
})

describe('bank column mapping', () => {
  test('roles per column and back; memo spans columns', () => {
    const headers = ['交易日期', '摘要', '借方发生额', '贷方发生额', '余额', '用途']
    const roles = rolesOf(headers, { date: 0, debit: 2, credit: 3, balance: 4, memo: [1, 5] })
    expect(roles).toEqual(['date', 'memo', 'debit', 'credit', 'balance', 'memo'])
    expect(mappingOf(roles)).toEqual({ date: 0, memo: [1, 5], debit: 2, credit: 3, balance: 4 })
    expect(mappingProblems(roles)).toEqual([])
  })

  test('a date and one kind of amount are required, each role once', () => {
    expect(mappingProblems([undefined, 'memo'])).toEqual(['noDate', 'noAmount'])
    expect(mappingProblems(['date', 'amount', 'debit'])).toEqual(['amountAndSides'])
    expect(mappingProblems(['date', 'amount', 'date'])).toEqual(['twice:date'])
    expect(mappingOf(['date', 'amount', 'date'])).toEqual({ date: 0, amount: 1 })
  })
})

describe('report drill-down', () => {
  const accts = [
    { id: 'a1', code: '1122', name: '应收账款', type: 'asset', level: 1 },
    { id: 'a2', code: '6001', name: '主营业务收入', type: 'profit_and_loss', level: 1 },
    { id: 'a3', code: '6401', name: '主营业务成本', type: 'profit_and_loss', level: 1 },
    { id: 'a4', code: '600101', name: '商品销售', type: 'profit_and_loss', level: 2 },
  ]
  test('a formula names accounts, accounts of a type, lines and cash-flow items', () => {
    const targets = drillTargets(
      [
        { account: '1122', kind: 'debit_parties', sign: 1 },
        { account: '9999', sign: -1 },
        { account_type: 'profit_and_loss', sign: -1 },
        { line: 15, sign: -1 },
        { cash_flow: 'op_sales_in', sign: 1 },
      ],
      accts,
    )
    expect(
      targets.map((t) => (t.type === 'account' ? `${t.account.code}:${t.kind}:${t.sign}` : t.type)),
    ).toEqual([
      '1122:debit_parties:1',
      'missing_account',
      '6001:balance:-1',
      '6401:balance:-1',
      'line',
      'cash_flow',
    ])
    expect(drillTargets(null, accts)).toEqual([])
  })

  test('the dates each column covers', () => {
    const periods = [
      { id: 'p3', fiscal_year: 2026, start_date: '2026-03-01', end_date: '2026-03-31' },
      { id: 'p1', fiscal_year: 2026, start_date: '2026-01-01', end_date: '2026-01-31' },
      { id: 'p2', fiscal_year: 2026, start_date: '2026-02-01', end_date: '2026-02-28' },
    ]
    const [p3] = periods
    expect(fiscalYearStart(p3, periods)).toBe('2026-01-01')
    expect(dayBefore('2026-03-01')).toBe('2026-02-28')
    expect(dayBefore('2024-03-01')).toBe('2024-02-29')
    expect(drillRange('balance_sheet', 'amount', p3, periods)).toEqual({
      from: '2026-01-01',
      to: '2026-03-31',
    })
    expect(drillRange('balance_sheet', 'compare', p3, periods)).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
    })
    expect(drillRange('income_statement', 'amount', p3, periods)).toEqual({
      from: '2026-03-01',
      to: '2026-03-31',
    })
    expect(drillRange('cash_flow', 'compare', p3, periods)).toEqual({ from: '2026-01-01', to: '2026-03-31' })
  })

  test('the opening of a ledger page is its first balance minus the first movement', () => {
    expect(openingOf({ balance: '150.00', debit: '100.00', credit: '0.00' })).toBe('50.00')
    expect(openingOf({ balance: '-20.10', debit: '0.00', credit: '30.10' })).toBe('10.00')
  })
})

describe('Excel export', () => {
  test('money cells come from the decimal strings, to the cent', () => {
    expect(decimalCell('1234.565')).toBe(1234.56)
    expect(decimalCell('0.10')).toBe(0.1)
    expect(decimalCell(1130)).toBe(1130)
    expect(decimalCell('-5.5')).toBe(-5.5)
    expect(decimalCell('')).toBeNull()
    expect(decimalCell('n/a')).toBeNull()
    expect(decimalCell('12.34567', 4)).toBe(12.3456)
    expect(safeSheetName('资产负债表 2026/03 [草稿]: 很长很长很长很长很长很长很长很长很长很长')).toHaveLength(
      31,
    )
  })

  test('a sheet is a title, a header and the rows; exceljs reads back numbers with 2 decimals', async () => {
    const sheet = {
      name: '利润表',
      title: '利润表 2026-03',
      columns: [
        { header: '项目', key: 'name' },
        { header: '本月金额', key: 'amount', kind: 'money' as const },
      ],
      rows: [
        { name: '一、营业收入', amount: '1000.00' },
        { name: '减：营业成本', amount: '-0.30' },
        { name: '空', amount: null },
      ],
    }
    expect(sheetValues(sheet)).toEqual([
      ['利润表 2026-03'],
      ['项目', '本月金额'],
      ['一、营业收入', 1000],
      ['减：营业成本', -0.3],
      ['空', null],
    ])
    const bytes = await workbookBytes([sheet])
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(bytes)
    const ws = book.getWorksheet('利润表')
    expect(ws?.getCell('A1').value).toBe('利润表 2026-03')
    expect(ws?.getCell('B3').value).toBe(1000)
    expect(ws?.getCell('B4').value).toBe(-0.3)
    expect(ws?.getCell('B4').numFmt).toBe('#,##0.00;-#,##0.00')
  })
})
