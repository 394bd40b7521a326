// The finance screens in a real browser (issue 8): the owner of a company with a customer invoice
// (posted through post_document) enters a voucher whose account requires a customer (the picker
// appears, posting is refused until it is chosen, totals and balance live), posts it; uploads a bank CSV
// fixture (new layout: the column mapping is confirmed first), confirms the suggested receipt; opens the
// balance sheet, drills from 应收账款 to the ledger detail, to the voucher and to the source document;
// exports the balance sheet to Excel and reads the file back with exceljs. Screenshots of each screen.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { SupabaseClient } from '@supabase/supabase-js'
import ExcelJS from 'exceljs'
import type pg from 'pg'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ledgerCompany, mustPost, shanghaiToday } from '../helpers/ledger.ts'
import { superuserDb } from '../helpers/stack.ts'
import { confirmPopover, pickOption, signIn, adminUrl as url } from './admin.ts'
import { BROWSER_TESTS, type Browser, hasBrowser, label, openBrowser, SCREENSHOTS } from './browser.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let owner: SupabaseClient
let browser: Browser
let page: Page
let customerId: string
let invoiceNumber: string
let invoiceId: string
let bankAccountId: string
let voucherId: string
const SUMMARY = `财务测试凭证 ${Date.now()}`
const FIXTURE = new URL('../fixtures/bank/overlap.csv', import.meta.url)

const shot = (name: string, p = page) =>
  p.screenshot({ path: join(SCREENSHOTS, `finance-${name}.png`), fullPage: true })

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true })
  db = await superuserDb()
  co = await ledgerCompany(db, 'fin')
  owner = co.ownerClient as SupabaseClient
  // The customer of the bank fixture's receipt (王五 50.00 on 2026-01-07), with an invoice of 50.00.
  const customer = await owner
    .from('parties')
    .insert({ tenant_id: co.tenantId, code: 'C950', name: '王五', is_customer: true, payment_terms_days: 30 })
    .select('id')
    .single()
  if (customer.error) throw customer.error
  customerId = customer.data.id
  const invoice = await mustPost(
    co.accountant.db as SupabaseClient,
    'sales_invoice',
    `fin-si-${co.tenantId}`,
    {
      date: '2026-01-05',
      customer_id: customerId,
      lines: [{ item_id: co.items[0], quantity: '1', unit_price: '50' }],
    },
  )
  invoiceNumber = invoice.number
  invoiceId = invoice.document_id
  const ledger = await db.query(`select id from public.accounts where tenant_id = $1 and code = '100201'`, [
    co.tenantId,
  ])
  const bank = await owner
    .from('bank_accounts')
    .insert({
      tenant_id: co.tenantId,
      name: '工行基本户',
      account_number: '6222 0000 9999',
      account_id: ledger.rows[0].id,
    })
    .select('id')
    .single()
  if (bank.error) throw bank.error
  bankAccountId = bank.data.id
  browser = await openBrowser()
  page = browser.page
  await signIn(page, co.owner.email, co.owner.password)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await db?.end()
})

// Browser steps wait up to 20 s each; on a loaded machine a whole scenario step takes longer than 30 s.
const SLOW = 120_000

describe.skipIf(!hasBrowser)('finance screens', BROWSER_TESTS, () => {
  test(
    'the menu lists vouchers, bank and reports',
    async () => {
      for (const name of ['凭证', '银行对账', '财务报表'])
        await page
          .getByRole('menuitem', { name: new RegExp(`${name}$`) })
          .first()
          .waitFor()
    },
    SLOW,
  )

  test(
    'enters a voucher: dimension picker, live totals, refused until complete, then posted',
    async () => {
      await page.goto(url('/vouchers/new'))
      await page.getByTestId('voucher-summary').fill(SUMMARY)
      await pickOption(page, page.getByTestId('line-0-account'), '1122', '1122 应收账款')
      // 1122 requires a customer: its picker appears on the line
      await page.getByTestId('line-0-dim-customer').waitFor()
      await page.getByTestId('line-0-debit').fill('300')
      await pickOption(page, page.getByTestId('line-1-account'), '5001', '5001 主营业务收入')
      await page.getByTestId('line-1-credit').fill('299.99')
      expect(await page.getByTestId('voucher-balance').getAttribute('data-balanced')).toBe('false')
      expect(await page.getByTestId('voucher-balance').textContent()).toContain('0.01')
      // "=" fills the difference in
      await page.getByTestId('line-1-credit').fill('')
      await page.getByTestId('line-1-credit').press('=')
      expect(await page.getByTestId('line-1-credit').inputValue()).toBe('300.00')
      expect(await page.getByTestId('total-debit').textContent()).toBe('300.00')
      expect(await page.getByTestId('total-credit').textContent()).toBe('300.00')
      expect(await page.getByTestId('voucher-balance').getAttribute('data-balanced')).toBe('true')

      // posting without the customer is refused on the page; nothing is written
      await page.getByTestId('voucher-post').click()
      await page.getByTestId('voucher-problems').getByText('该科目要求填写客户').waitFor()
      const none = await owner.from('vouchers').select('id').eq('summary', SUMMARY)
      expect(none.data).toEqual([])
      await shot('voucher-entry-incomplete')

      await pickOption(page, page.getByTestId('line-0-dim-customer'), '王五', 'C950 王五')
      await page.getByTestId('voucher-post').click()
      await page.waitForURL(/\/vouchers\/[0-9a-f-]{36}$/)
      voucherId = page.url().split('/').at(-1) as string
      await expect.poll(() => page.getByTestId('voucher-status').getAttribute('data-status')).toBe('posted')
      const { data } = await owner
        .from('vouchers')
        .select('status, number, voucher_lines(account_id, debit, credit, party_id)')
        .eq('id', voucherId)
        .single()
      expect(data?.status).toBe('posted')
      expect(data?.number).toBeGreaterThan(0)
      expect(data?.voucher_lines).toEqual(
        expect.arrayContaining([expect.objectContaining({ debit: 300, credit: 0, party_id: customerId })]),
      )
      await shot('voucher-posted')

      await page.goto(url('/vouchers'))
      await page.getByTestId('voucher-list').getByText(SUMMARY).waitFor()
      await shot('voucher-list')
    },
    SLOW,
  )

  test(
    'uploads a bank CSV: confirms the column mapping, then the suggested receipt',
    async () => {
      await page.goto(url(`/bank?account=${bankAccountId}`))
      await page.locator('input[type=file]').waitFor({ state: 'attached' })
      await page.locator('input[type=file]').setInputFiles(FIXTURE.pathname)
      const preview = page.getByTestId('mapping-preview')
      await preview.getByText('王五').waitFor()
      await shot('bank-mapping')
      await page.getByTestId('mapping-confirm').click()
      await page.waitForURL(/\/bank\/statements\/[0-9a-f-]{36}$/)
      const statementId = page.url().split('/').at(-1) as string
      const row = page.getByTestId('bank-lines').locator('tr', { hasText: '王五' })
      await row.getByText('收款').waitFor()
      expect(await row.getByTestId('suggestion-score').textContent()).toMatch(/匹配度 \d+/)
      await expect.poll(() => page.getByTestId('unreconciled-count').textContent()).toBe('2')
      await shot('bank-statement-suggestions')
      await row.getByTestId('confirm-line').click()
      await expect.poll(() => page.getByTestId('reconciled-count').textContent()).toBe('1')
      expect(await page.getByTestId('unreconciled-count').textContent()).toBe('1')
      const lines = await owner
        .from('bank_statement_lines')
        .select('counterparty_name, status, matched_document_id')
        .eq('statement_id', statementId)
        .order('line_no')
      expect(lines.data?.map((l) => [l.counterparty_name, l.status])).toEqual([
        ['地铁', 'unmatched'],
        ['王五', 'reconciled'],
      ])
      const settled = await owner.from('open_items').select('outstanding').eq('source_id', invoiceId)
      expect(settled.data).toEqual([{ outstanding: 0 }])
      await page.getByTestId('bank-show').getByText('全部流水').click()
      await page.getByTestId('bank-lines').getByTestId('line-voucher').waitFor()
      await shot('bank-statement-reconciled')
    },
    SLOW,
  )

  test(
    'balance sheet → 应收账款 → ledger detail → voucher → source document',
    async () => {
      await page.goto(url('/reports/balance-sheet'))
      const row = page.getByTestId('statement').locator('tr', { hasText: '应收账款' }).first()
      const figure = row.locator('[data-testid$="-amount"]')
      await expect.poll(() => figure.textContent()).toBe('300.00')
      await shot('balance-sheet')
      await figure.click()
      await page.getByTestId('drill').getByTestId('drill-account-1122').waitFor()
      await shot('balance-sheet-drill')
      await page.getByTestId('drill').getByTestId('drill-account-1122').click()
      await page.waitForURL(/\/reports\/ledger\?/)
      const ledger = page.getByTestId('ledger-detail')
      await ledger.getByText(SUMMARY).waitFor()
      const last = ledger.locator('tbody tr').last()
      expect(await last.locator('td').last().textContent()).toBe('300.00')
      await shot('ledger-detail')

      // the manual voucher
      await ledger.locator('tr', { hasText: SUMMARY }).getByTestId('ledger-voucher').click()
      await page.waitForURL(new RegExp(`/vouchers/${voucherId}$`))
      await page.getByTestId('voucher-status').waitFor()
      // the invoice's voucher, and from it the invoice
      await page.goBack()
      await ledger.locator('tbody tr').first().getByTestId('ledger-voucher').click()
      await page.waitForURL(/\/vouchers\/[0-9a-f-]{36}$/)
      await page.getByTestId('voucher-source').getByText(invoiceNumber).waitFor()
      await shot('voucher-from-document')
      await page.getByTestId('voucher-source').getByRole('link').click()
      await page.waitForURL(/\/data\/ledger_documents\/show\/[0-9a-f-]{36}$/)
      await page.getByTestId('generated-show').getByText(invoiceNumber, { exact: true }).waitFor()
      await shot('source-document')
    },
    SLOW,
  )

  test(
    'exports the balance sheet to Excel: the file holds the database’s figures as numbers',
    async () => {
      await page.goto(url('/reports/balance-sheet'))
      const row = page.getByTestId('statement').locator('tr', { hasText: '应收账款' }).first()
      await expect.poll(() => row.locator('[data-testid$="-amount"]').textContent()).toBe('300.00')
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-excel').click(),
      ])
      expect(download.suggestedFilename()).toMatch(/^balance_sheet-\d{4}-\d{2}\.xlsx$/)
      const file = join(SCREENSHOTS, 'finance-balance-sheet.xlsx')
      await download.saveAs(file)
      const book = new ExcelJS.Workbook()
      await book.xlsx.readFile(file)
      const ws = book.worksheets[0]
      expect(String(ws.getCell('A1').value)).toMatch(/^资产负债表 \d{4}-\d{2}$/)
      expect(ws.getRow(2).values).toEqual([undefined, '行次', '项目', '期末余额', '年初余额'])
      const period = await owner
        .from('fiscal_periods')
        .select('id')
        .lte('start_date', shanghaiToday())
        .gte('end_date', shanghaiToday())
        .single()
      const { data: lines } = await owner.rpc('balance_sheet', { p_period_id: period.data?.id })
      const expected = (lines as { line_no: number; name: string; closing_balance: number }[]).filter((l) =>
        l.name.includes('应收账款'),
      )[0]
      let found = false
      ws.eachRow((r, n) => {
        if (n > 2 && String(r.getCell(2).value).trim() === expected.name.trim()) {
          found = true
          expect(r.getCell(1).value).toBe(expected.line_no)
          expect(r.getCell(3).value).toBe(300)
          expect(r.getCell(3).numFmt).toBe('#,##0.00;-#,##0.00')
        }
      })
      expect(found).toBe(true)
    },
    SLOW,
  )

  test(
    'the other reports open with their figures: income statement, cash flow, aging, stock',
    async () => {
      await page.goto(url('/reports/income-statement'))
      await page.getByTestId('statement').locator('tr', { hasText: '营业收入' }).first().waitFor()
      await shot('income-statement')
      await page.goto(url('/reports/cash-flow'))
      await page.getByTestId('statement').locator('tbody tr').first().waitFor()
      await shot('cash-flow')
      await page.goto(url('/reports/aging'))
      const aging = page.getByTestId('aging')
      await aging.locator('tr', { hasText: '王五' }).waitFor()
      await aging.locator('tr', { hasText: '王五' }).getByText('王五').click()
      await page.getByTestId('open-items').locator('tbody tr').first().waitFor()
      await page.waitForTimeout(500) // the drawer's slide-in, for the screenshot
      await shot('aging')
      await page.goto(url('/reports/stock'))
      await page.getByTestId('stock').waitFor()
      await shot('stock-valuation')
      expect(browser.pageErrors).toEqual([])
    },
    SLOW,
  )

  test(
    'reverses the manual voucher: a posted reversal with the sides swapped, the original marked reversed',
    async () => {
      await page.goto(url(`/vouchers/${voucherId}`))
      await expect.poll(() => page.getByTestId('voucher-status').getAttribute('data-status')).toBe('posted')
      // the Popconfirm's own OK (antd's 确定)
      await confirmPopover(page, page.getByTestId('voucher-reverse'), label('确定'), 'reverse_voucher')
      await page.waitForURL(
        (u) => /\/vouchers\/[0-9a-f-]{36}$/.test(u.pathname) && !u.pathname.endsWith(voucherId),
      )
      const reversalId = page.url().split('/').at(-1) as string
      await expect.poll(() => page.getByTestId('voucher-status').getAttribute('data-status')).toBe('posted')
      expect(await page.getByTestId('total-credit').textContent()).toBe('300.00')
      await shot('voucher-reversal')
      const { data } = await owner
        .from('vouchers')
        .select('id, status, reversed_by, reversal_of')
        .in('id', [voucherId, reversalId])
      expect(data).toEqual(
        expect.arrayContaining([
          { id: voucherId, status: 'reversed', reversed_by: reversalId, reversal_of: null },
          { id: reversalId, status: 'posted', reversed_by: null, reversal_of: voucherId },
        ]),
      )
      // the list filters by status
      await page.goto(url('/vouchers?status=reversed'))
      await page.getByTestId('voucher-list').getByText(SUMMARY).waitFor()
      expect(await page.getByTestId('voucher-list').locator('tbody tr').count()).toBe(1)
      expect(browser.pageErrors).toEqual([])
    },
    SLOW,
  )
})
