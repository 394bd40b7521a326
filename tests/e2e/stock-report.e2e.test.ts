// The stock valuation report on a date, in a real browser: stock received today and partly delivered
// tomorrow shows its value now, nothing the day before, and today's value at the end of today; a row
// opens the items behind it on the same date.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { ledgerCompany, mustPost, shanghaiDay } from '../helpers/ledger.ts'
import { superuserDb } from '../helpers/stack.ts'
import { fillDate, signIn, adminUrl as url } from './admin.ts'
import { BROWSER_TESTS, type Browser, hasBrowser, openBrowser, SCREENSHOTS } from './browser.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let browser: Browser
let page: Page
let n = 0
const key = () => `stock-e2e-${process.pid}-${n++}-${Date.now()}`
const [yesterday, today, tomorrow] = [shanghaiDay(-1), shanghaiDay(0), shanghaiDay(1)]

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true })
  db = await superuserDb()
  co = await ledgerCompany(db, 'stocke2e')
  const warehouse = co.warehouse.db as SupabaseClient
  await mustPost(warehouse, 'purchase_receipt', key(), {
    date: today,
    supplier_id: co.supplierId,
    lines: [{ item_id: co.items[0], quantity: '10', unit_cost: '10.00' }],
  })
  await mustPost(warehouse, 'delivery', key(), {
    date: tomorrow,
    customer_id: co.customerId,
    lines: [{ item_id: co.items[0], quantity: '4' }],
  })
  browser = await openBrowser()
  page = browser.page
  await signIn(page, co.accountant.email, co.accountant.password)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await db?.end()
})

const chooseDay = (date: string) => fillDate(page.getByTestId('stock-as-of'), date)

describe.skipIf(!hasBrowser)('stock valuation report', BROWSER_TESTS, () => {
  test('now, the day before, the end of today; a row opens its items on that date', async () => {
    await page.goto(url('/reports/stock'))
    const total = page.getByTestId('stock-total')
    await expect.poll(() => total.textContent()).toBe('60.00') // 100.00 in, 40.00 out tomorrow
    await chooseDay(yesterday)
    await page.getByTestId('stock').locator('.ant-empty-description', { hasText: '暂无数据' }).waitFor()
    await chooseDay(today)
    await expect.poll(() => total.textContent()).toBe('100.00')
    await page.getByText(`${today} 日终结存`).waitFor()
    await page.getByTestId('stock').locator('tbody tr.ant-table-row').first().click()
    const item = page.getByTestId('stock-items').locator('tbody tr.ant-table-row')
    await expect.poll(() => item.count()).toBe(1)
    expect(await item.textContent()).toContain('100.00')
    await page.screenshot({ path: join(SCREENSHOTS, 'stock-as-of.png'), fullPage: true })
    expect(browser.pageErrors).toEqual([])
  })
})
