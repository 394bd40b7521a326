// Acceptance of the admin in a real browser (issue 8), order to cash through the UI: a new person signs
// up and creates a company → enters a customer and a product (generated CRUD screens) → a purchase
// order, received into stock and billed on the document screens → a sales order with live totals,
// submitted for approval → a second person approves it in the inbox (the request carries the order's
// number as its title) → the owner confirms it, prints it → a delivery with carrier and tracking number
// (printed) → a sales invoice with its 数电 data preview → a customer receipt allocated to the invoice
// → the dashboard and the customer 360 page show it all. People, the approval chain and the supplier are
// set up through supabase-js (their screens are not the point here); every document goes through the UI.
// A screenshot of each main screen is kept in SCREENSHOTS (acceptance-*.png).
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../admin/src/lib/credit-code.ts'
import { chain, person } from '../helpers/approvals.ts'
import { colleague } from '../helpers/company.ts'
import { client, superuserDb } from '../helpers/stack.ts'
import { pickOption, signIn, adminUrl as url } from './admin.ts'
import { type Browser, hasBrowser, label, openBrowser, SCREENSHOTS } from './browser.ts'

const run = `${process.pid}-${Date.now()}`
const email = `acceptance-${run}@example.test`
const password = 'correct-horse-battery-1'
const COMPANY = `上海验收贸易有限公司 ${run}`
const CUSTOMER = '华南验收客户有限公司'
const ITEM = '验收演示商品'
const SKU = `ACC-${Date.now() % 100000}`
const TRACKING = `SF${Date.now()}`

function creditCode(): string {
  const org = Array.from({ length: 9 }, (_, i) => CREDIT_CODE_ALPHABET[(i * 11 + Date.now()) % 31]).join('')
  const body = `91310115${org}`
  return body + creditCodeCheckCharacter(body)
}

let db: pg.Client
let browser: Browser
let page: Page
let owner: SupabaseClient
let tenantId: string
let manager: Awaited<ReturnType<typeof colleague>>
let salesOrderId: string
let salesOrderNumber: string
let customerId: string

const shot = (name: string, p = page) =>
  p.screenshot({ path: join(SCREENSHOTS, `acceptance-${name}.png`), fullPage: true, animations: 'disabled' })
const status = () => page.getByTestId('order-status').getAttribute('data-status')

/** Fills a generated form's field by its label (from the column comment). */
async function field(name: string, value: string) {
  await page.getByTestId('generated-form').getByLabel(name, { exact: true }).fill(value)
}

/** Enters an order with one line and saves it; returns its id. */
async function enterOrder(kind: 'sales' | 'purchase', party: string, quantity: string, price: string) {
  const path = kind === 'sales' ? '/sales-orders' : '/purchase-orders'
  await page.goto(url(`${path}/new`))
  const form = page.getByTestId('order-form')
  await pickOption(
    page,
    form.locator('.ant-form-item', { hasText: kind === 'sales' ? '客户' : '供应商' }).locator('.ant-select'),
    party.slice(0, 2),
    party,
  )
  await pickOption(page, page.getByTestId('line-0').locator('.ant-select'), SKU, ITEM)
  await page.getByTestId('line-0-quantity').fill(quantity)
  await page.getByTestId('line-0-price').fill(price)
  return path
}

async function saveOrder(path: string) {
  await page.getByTestId('order-save').click()
  await page.waitForURL(new RegExp(`${path}/[0-9a-f-]{36}$`))
  return page.url().split('/').at(-1) as string
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true })
  db = await superuserDb()
  browser = await openBrowser()
  page = browser.page
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await db?.end()
})

// Each step drives several screens: on a loaded machine (the full suite runs beside it) one step can
// take well over the default 30 s.
describe.skipIf(!hasBrowser)('acceptance: order to cash through the UI', { timeout: 180_000 }, () => {
  test('sign up and create the company', async () => {
    await page.goto(url('/register'))
    await page.getByLabel('邮箱').fill(email)
    await page.getByLabel('密码', { exact: true }).fill(password)
    await page.getByLabel('确认密码').fill(password)
    await page.getByRole('button', { name: label('注册') }).click()
    await page.waitForURL((u) => u.pathname === '/onboarding')
    await page.getByLabel('公司名称').fill(COMPANY)
    await page.getByLabel('统一社会信用代码').fill(creditCode())
    await page.getByText('一般纳税人').click()
    await shot('onboarding')
    await page.getByRole('button', { name: '创建公司' }).click()
    await page.waitForURL((u) => u.pathname === '/')
    await expect.poll(() => page.getByTestId('current-tenant').textContent()).toBe(COMPANY)
    await shot('home')

    // set-up through the API: the owner's client, an approver, a chain for every sales order, a supplier
    const c = client()
    const signedIn = await c.auth.signInWithPassword({ email, password })
    if (signedIn.error) throw signedIn.error
    owner = c as SupabaseClient
    const tenants = await c.rpc('my_tenants')
    tenantId = (tenants.data as Array<{ tenant_id: string }>)[0]?.tenant_id as string
    expect(tenantId).toBeTruthy()
    manager = await colleague(db, tenantId, 'admin', 'acc-manager')
    await chain(owner as never, tenantId, {
      doc_type: 'sales_order',
      name: '销售合同审批',
      min_amount: '0',
      steps: [{ name: '经理审批', approvers: [person(manager.user.id)] }],
    })
    const supplier = await owner.from('parties').insert({
      tenant_id: tenantId,
      code: 'S001',
      name: '验收供应商',
      is_customer: false,
      is_supplier: true,
    })
    expect(supplier.error).toBeNull()
  })

  test('a customer and a product on the generated screens', async () => {
    await page.goto(url('/data/parties/create'))
    await field('Code', 'C001')
    await field('Name', CUSTOMER)
    await field('账期', '30')
    await page.getByRole('button', { name: label('保存') }).click()
    await page.waitForURL(/\/data\/parties\/show\//)
    await page.getByTestId('generated-show').getByText(CUSTOMER, { exact: true }).waitFor()
    await shot('customer')

    await page.goto(url('/data/items/create'))
    await field('Item code', SKU)
    await field('Name', ITEM)
    await field('Tax classification code', '1090511990000000000')
    await field('Tax code on sales', 'VAT13')
    await field('Tax code on purchases', 'IN13')
    await field('Sale price', '113')
    await field('再订货点', '20')
    await page.getByRole('button', { name: label('保存') }).click()
    await page.waitForURL(/\/data\/items\/show\//)
    await page.getByTestId('generated-show').getByText(ITEM, { exact: true }).waitFor()
    await shot('product')
    const { data } = await owner.from('parties').select('id').eq('name', CUSTOMER).single()
    customerId = (data as { id: string }).id
  })

  test('a purchase order, received into stock and billed on the document screens', async () => {
    const path = await enterOrder('purchase', '验收供应商', '10', '56.5')
    // live totals: 10 × 56.50 incl. 13 % = 565.00, 金额 500.00, 税额 65.00
    await expect.poll(() => page.getByTestId('live-total').textContent()).toBe('565.00')
    expect(await page.getByTestId('live-tax').textContent()).toBe('65.00')
    await saveOrder(path)
    await expect.poll(() => page.getByTestId('order-total').textContent()).toBe('565.00')
    await page.getByTestId('order-confirm').click()
    await expect.poll(status).toBe('confirmed')
    await shot('purchase-order')

    await page.getByTestId('order-fulfil-lines').click()
    await page.waitForURL(/\/documents\/purchase_receipt\/new\?order=/)
    await expect.poll(() => page.getByTestId('doc-left-1').textContent()).toBe('10')
    expect(await page.getByTestId('doc-qty-1').inputValue()).toBe('10')
    await expect.poll(() => page.getByTestId('doc-available-1').textContent()).toBe('0')
    await shot('goods-receipt')
    await page.getByTestId('doc-post').click()
    await page
      .getByTestId('doc-result')
      .getByText(/已入库/)
      .waitFor()
    await expect.poll(() => page.getByTestId('doc-left-1').textContent()).toBe('0')
    await expect.poll(() => page.getByTestId('doc-available-1').textContent()).toBe('10')

    await page.getByTestId('doc-order-link').click()
    await page.getByTestId('order-bill-lines').click()
    await page.waitForURL(/\/documents\/supplier_bill\/new\?order=/)
    await expect.poll(() => page.getByTestId('doc-qty-1').inputValue()).toBe('10')
    await expect.poll(() => page.getByTestId('doc-total').textContent()).toBe('565.00')
    // a price too far from the order's is refused by the three-way match, in plain words
    await page.getByTestId('doc-price-1').fill('80')
    await expect.poll(() => page.getByTestId('doc-total').textContent()).toBe('800.00')
    await page.getByTestId('doc-post').click()
    await page.locator('[data-testid="doc-result"].ant-alert-error').waitFor()
    expect(await page.getByTestId('doc-result').textContent()).toMatch(/56\.5/)
    await page.getByTestId('doc-price-1').fill('56.5')
    await page.getByTestId('doc-post').click()
    await page
      .getByTestId('doc-result')
      .getByText(/已登记采购发票/)
      .waitFor()
    await shot('supplier-bill')
    const { data } = await owner.from('purchase_order_lines').select('received_quantity, billed_quantity')
    expect(data).toEqual([{ received_quantity: 10, billed_quantity: 10 }])
  })

  test('a sales order with live totals, submitted for approval', async () => {
    const path = await enterOrder('sales', CUSTOMER, '2', '113')
    await expect.poll(() => page.getByTestId('line-0-available').textContent()).toBe('10')
    await expect.poll(() => page.getByTestId('live-total').textContent()).toBe('226.00')
    expect(await page.getByTestId('live-amount').textContent()).toBe('200.00')
    salesOrderId = await saveOrder(path)
    await expect.poll(() => page.getByTestId('order-total').textContent()).toBe('226.00')
    salesOrderNumber = (await page.getByTestId('order-number').textContent()) as string
    await page.getByTestId('order-confirm').click()
    await expect.poll(status).toBe('submitted')
    await shot('sales-order-submitted')
  })

  test('the second person approves it in the inbox; the request is titled with the order', async () => {
    const approver = await openBrowser()
    try {
      const p = approver.page
      await signIn(p, manager.email, manager.password)
      await p.getByRole('menuitem', { name: /审批中心$/ }).click()
      const pending = p.getByTestId('inbox-pending')
      const link = pending.getByRole('link', { name: new RegExp(salesOrderNumber) })
      await link.waitFor()
      expect(await link.textContent()).toContain(CUSTOMER)
      expect(await link.getAttribute('href')).toBe(`/sales-orders/${salesOrderId}`)
      await p.screenshot({ path: join(SCREENSHOTS, 'acceptance-approval-inbox.png'), fullPage: true })
      await pending.locator('[data-testid^="approve-"]').first().click()
      await p.getByRole('dialog').getByLabel('审批意见').fill('同意')
      await p.getByTestId('decision-ok').click()
      await expect.poll(() => pending.locator('tbody tr.ant-table-row').count()).toBe(0)
      expect(approver.pageErrors).toEqual([])
    } finally {
      await approver.close()
    }
    await page.reload()
    await page.getByTestId('order-confirm').click()
    await expect.poll(status).toBe('confirmed')
  })

  test('the order prints', async () => {
    await page.getByTestId('order-print').click()
    await page.waitForURL(/\/print\/sales-order\//)
    await expect.poll(() => page.getByTestId('print-number').textContent()).toBe(salesOrderNumber)
    expect(await page.getByTestId('print-total').textContent()).toBe('226.00')
    await shot('print-sales-order')
  })

  test('a delivery with carrier and tracking number, printed', async () => {
    await page.goto(url(`/sales-orders/${salesOrderId}`))
    await page.getByTestId('order-fulfil-lines').click()
    await page.waitForURL(/\/documents\/delivery\/new\?order=/)
    await expect.poll(() => page.getByTestId('doc-qty-1').inputValue()).toBe('2')
    await expect.poll(() => page.getByTestId('doc-available-1').textContent()).toBe('10')
    await page.getByTestId('doc-carrier').fill('顺丰速运')
    await page.getByTestId('doc-tracking').fill(TRACKING)
    await shot('delivery')
    await page.getByTestId('doc-post').click()
    await page
      .getByTestId('doc-result')
      .getByText(/已发货/)
      .waitFor()
    await page.getByTestId('doc-print').click()
    await page.waitForURL(/\/print\/delivery\//)
    await page.getByTestId('print-view').getByText(TRACKING).waitFor()
    await page.getByTestId('print-view').getByText(ITEM).waitFor()
    await shot('print-delivery')
  })

  test('a sales invoice with its 数电 data preview', async () => {
    await page.goto(url(`/sales-orders/${salesOrderId}`))
    await page.getByTestId('order-bill-lines').click()
    await page.waitForURL(/\/documents\/sales_invoice\/new\?order=/)
    await expect.poll(() => page.getByTestId('doc-total').textContent()).toBe('226.00')
    const preview = page.getByTestId('einvoice-preview')
    await preview.getByText(COMPANY).waitFor()
    await preview.getByText(CUSTOMER).waitFor()
    await preview.getByText('1090511990000000000').waitFor()
    expect(await page.getByTestId('einvoice-total').textContent()).toBe('226.00')
    await shot('sales-invoice')
    await page.getByTestId('doc-post').click()
    await page
      .getByTestId('doc-result')
      .getByText(/已开票/)
      .waitFor()
    await page.getByTestId('einvoice-prepare').click()
    await expect.poll(() => page.getByTestId('einvoice-prepare').textContent()).toContain('已生成')
    const { data } = await owner.from('tax_invoices').select('total, buyer_name')
    expect(data).toEqual([{ total: 226, buyer_name: CUSTOMER }])
  })

  test('a customer receipt allocated to the invoice', async () => {
    await page.goto(url('/documents?tab=customer_receipt'))
    await page.getByTestId('new-receipt').click()
    await page.waitForURL(/\/documents\/receipts\/new/)
    await pickOption(page, page.getByTestId('receipt-customer'), 'C001', CUSTOMER)
    await page.getByTestId('receipt-open-items').locator('tbody tr.ant-table-row').first().waitFor()
    await page.getByTestId('receipt-amount').fill('226')
    await page.getByTestId('receipt-auto').click()
    await expect.poll(() => page.getByTestId('receipt-allocated').textContent()).toBe('226.00')
    expect(await page.getByTestId('receipt-unallocated').textContent()).toBe('0.00')
    await shot('customer-receipt')
    await page.getByTestId('receipt-post').click()
    await page
      .getByTestId('doc-result')
      .getByText(/已收款/)
      .waitFor()
    await expect
      .poll(() => page.getByTestId('receipt-open-items').locator('tbody tr.ant-table-row').count())
      .toBe(0)
    await page.goto(url('/documents?tab=delivery'))
    await page.getByTestId('documents-delivery').getByText(TRACKING).waitFor()
    await shot('documents')
  })

  test('the dashboard and the customer 360 page show it', async () => {
    await page.goto(url('/dashboard'))
    const figure = (key: string) =>
      page.getByTestId(`figure-${key}`).locator('.ant-statistic-content').textContent()
    await expect.poll(() => figure('today_sales')).toBe('200.00')
    expect(await figure('receivables')).toBe('0.00')
    await page.getByTestId('top-by-sales').getByText(`${SKU} ${ITEM}`).waitFor()
    await page.getByTestId('chart-trend').locator('svg').first().waitFor()
    await page.getByTestId('margin-by-customer').getByText(CUSTOMER).waitFor()
    await shot('dashboard')

    await page.goto(url(`/customers/${customerId}`))
    const c360 = (key: string) =>
      page.getByTestId(`c360-${key}`).locator('.ant-statistic-content').textContent()
    await expect.poll(() => c360('lifetimeSales')).toBe('200.00')
    expect(await c360('receivable')).toBe('0.00')
    await page.getByTestId('c360-orders').getByText(salesOrderNumber).waitFor()
    await page.getByRole('tab', { name: /发货与物流/ }).click()
    await page.getByTestId('c360-deliveries').getByText(TRACKING).waitFor()
    await shot('customer-360')
  })

  test('the same screens in English', async () => {
    await page.goto(url('/dashboard'))
    await page.getByTestId('dashboard').waitFor()
    await page.getByText('English', { exact: true }).click()
    await page.getByText('Sales trend (excl. VAT)').waitFor()
    await page.goto(url(`/sales-orders/${salesOrderId}`))
    await page.getByRole('button', { name: 'Print' }).waitFor()
    await page.getByText('中文', { exact: true }).click()
    await page.getByRole('button', { name: label('打印') }).waitFor()
  })

  test('no uncaught errors in the page', () => {
    expect(browser.pageErrors).toEqual([])
  })
})
