// Payment requests (付款申请) in a real browser: the buyer opens the screen from the menu, chooses the
// supplier, sees its open bill, fills it with "pay all", saves and submits (no approval chain: approved
// at once); the cashier, who may not write requests, sees no save but "pay", pays, and gets the voucher
// link; the list shows the request paid. Screenshots of each screen.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { colleague } from '../helpers/company.ts'
import { ledgerCompany, mustPost, shanghaiDay, shanghaiToday } from '../helpers/ledger.ts'
import { superuserDb } from '../helpers/stack.ts'
import { confirmPopover, fillDate, pickOption, signIn, adminUrl as url } from './admin.ts'
import { BROWSER_TESTS, type Browser, hasBrowser, label, openBrowser, SCREENSHOTS } from './browser.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let buyer: Awaited<ReturnType<typeof colleague>>
let browser: Browser
let page: Page
let requestPath: string
let n = 0
const tomorrow = shanghaiDay(1)
const key = () => `prq-e2e-${process.pid}-${n++}-${Date.now()}`

const shot = (name: string, p = page) =>
  p.screenshot({ path: join(SCREENSHOTS, `payment-request-${name}.png`), fullPage: true })

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true })
  db = await superuserDb()
  co = await ledgerCompany(db, 'prqe2e')
  buyer = await colleague(db, co.tenantId, 'purchasing', 'prqe2e-buyer')
  // a bill of 2 × 113.00 from the supplier: 226.00 open
  const rec = await mustPost(co.warehouse.db as SupabaseClient, 'purchase_receipt', key(), {
    date: shanghaiToday(),
    supplier_id: co.supplierId,
    lines: [{ item_id: co.items[0], quantity: '2', unit_cost: '100.00' }],
  })
  const receiptLine = (
    await db.query('select id from public.ledger_document_lines where document_id = $1', [rec.document_id])
  ).rows[0].id
  await mustPost(co.accountant.db as SupabaseClient, 'supplier_bill', key(), {
    date: shanghaiToday(),
    supplier_id: co.supplierId,
    tax_inclusive: true,
    lines: [{ receipt_line_id: receiptLine, quantity: '2', unit_price: '113.00' }],
  })
  browser = await openBrowser()
  page = browser.page
  await signIn(page, buyer.email, buyer.password)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await db?.end()
})

describe.skipIf(!hasBrowser)('payment requests', BROWSER_TESTS, () => {
  test('the buyer enters a request from the menu, pays the bill in full, saves and submits', async () => {
    await page
      .getByRole('menuitem', { name: /付款申请$/ })
      .first()
      .click()
    await page.waitForURL(/\/payment-requests$/)
    await page.getByTestId('prq-new').click()
    await pickOption(
      page,
      page.getByTestId('payment-request').locator('.ant-select').first(),
      'S001',
      '供应商甲',
    )
    await expect.poll(() => page.getByTestId('bill-0-open').textContent()).toBe('226.00')
    await page.getByTestId('prq-pay-all').click()
    await expect.poll(() => page.getByTestId('prq-total').textContent()).toBe('226.00')
    await page.getByTestId('prq-note').fill('货款')
    await shot('entry')
    await page.getByTestId('prq-save').click()
    await page.waitForURL(/\/payment-requests\/[0-9a-f-]{36}$/)
    requestPath = new URL(page.url()).pathname
    await expect.poll(() => page.getByTestId('prq-status').getAttribute('data-status')).toBe('draft')
    await page.getByTestId('prq-submit').click()
    // no approval chain in this company: approved at once
    await expect.poll(() => page.getByTestId('prq-status').getAttribute('data-status')).toBe('approved')
    expect(await page.getByTestId('prq-save').count()).toBe(0)
    // the buyer may not pay (no post right on supplier payments)
    expect(await page.getByTestId('prq-pay').count()).toBe(0)
    await shot('approved')
  })

  test('the cashier pays it and gets the voucher; the list shows it paid', async () => {
    const cashier = await openBrowser()
    try {
      const p = cashier.page
      await signIn(p, co.cashier.email, co.cashier.password)
      await p.goto(url(requestPath))
      await expect.poll(() => p.getByTestId('prq-status').getAttribute('data-status')).toBe('approved')
      expect(await p.getByTestId('prq-save').count()).toBe(0)
      expect(await p.getByTestId('prq-submit').count()).toBe(0)
      // paid tomorrow (a date of the cashier's choosing, not the day of the click)
      await fillDate(p.getByTestId('prq-pay-date'), tomorrow)
      await shot('pay', p)
      await confirmPopover(p, p.getByTestId('prq-pay'), label('付款'), 'pay_payment_request')
      const voucher = p.getByTestId('prq-voucher').first()
      // A posting through the ledger: seconds while the other test files load the database (CI runs
      // them in parallel), so more than the page's default 20 s.
      await voucher.waitFor({ timeout: 30_000 })
      expect(await voucher.textContent()).toMatch(/^凭证 付-\d+$/)
      await expect.poll(() => p.getByTestId('prq-status').getAttribute('data-status')).toBe('paid')
      await shot('paid', p)
      const { rows } = await db.query(
        `select r.status::text, oi.outstanding::text, d.doc_date::text as paid_on, v.voucher_date::text
         from public.payment_requests r
         join public.payment_request_lines l on l.request_id = r.id
         join public.open_items oi on oi.id = l.open_item_id
         join public.ledger_documents d on d.id = r.document_id
         join public.vouchers v on v.id = d.voucher_id
         where r.tenant_id = $1`,
        [co.tenantId],
      )
      expect(rows).toEqual([
        { status: 'paid', outstanding: '0.00', paid_on: tomorrow, voucher_date: tomorrow },
      ])

      await p.goto(url('/payment-requests?status=paid'))
      const row = p.getByTestId('prq-list').locator('tbody tr', { hasText: '供应商甲' })
      await row.waitFor()
      expect(await row.textContent()).toContain('226.00')
      expect(await row.textContent()).toContain('已付款')
      await shot('list', p)
      expect(cashier.pageErrors).toEqual([])
    } finally {
      await cashier.close()
    }
    expect(browser.pageErrors).toEqual([])
  })
})
