// The workbench in a real browser (issue 8): the owner of a company with stock enters a sales order
// (customer and item made through supabase-js, stock received through post_document), sees the
// available quantity and the database's totals, confirms, delivers with a tracking number and invoices;
// the boss dashboard shows today's sales and the trial balance balances. Then an approval chain: the
// order is submitted for approval, the approver's menu badge counts it live (realtime), the approver
// approves it in the inbox, and the owner's second confirmation confirms it. Screenshots of each screen.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { formatMoney } from '../../admin/src/generated/money.ts'
import { chain, person } from '../helpers/approvals.ts'
import { colleague } from '../helpers/company.ts'
import { ledgerCompany, mustPost, shanghaiToday } from '../helpers/ledger.ts'
import { superuserDb } from '../helpers/stack.ts'
import { confirmPopover, pickOption, signIn, adminUrl as url } from './admin.ts'
import { BROWSER_TESTS, type Browser, hasBrowser, label, openBrowser, SCREENSHOTS } from './browser.ts'

let db: pg.Client
let co: Awaited<ReturnType<typeof ledgerCompany>>
let manager: Awaited<ReturnType<typeof colleague>>
let owner: SupabaseClient
let browser: Browser
let page: Page
let customerId: string
let itemId: string
let orderId: string
const CUSTOMER = '华东工作台贸易有限公司'
const ITEM = '工作台演示商品'
const TRACKING = `SF${Date.now()}`

const shot = (name: string, p = page) =>
  p.screenshot({ path: join(SCREENSHOTS, `workbench-${name}.png`), fullPage: true })

/** Enters an order with one line in the browser and saves it; returns its id. */
async function enterOrder(
  quantity: string,
  price: string,
  kind: 'sales' | 'purchase' = 'sales',
): Promise<string> {
  const path = kind === 'sales' ? '/sales-orders' : '/purchase-orders'
  const [party, search, name] = kind === 'sales' ? ['客户', '华东', CUSTOMER] : ['供应商', 'S001', '供应商甲']
  await page.goto(url(`${path}/new`))
  const form = page.getByTestId('order-form')
  await pickOption(
    page,
    form.locator('.ant-form-item', { hasText: party }).locator('.ant-select'),
    search,
    name,
  )
  await pickOption(page, page.getByTestId('line-0').locator('.ant-select'), 'WB-1', ITEM)
  await page.getByTestId('line-0-quantity').fill(quantity)
  await page.getByTestId('line-0-price').fill(price)
  await page.getByTestId('order-save').click()
  await page.waitForURL(new RegExp(`${path}/[0-9a-f-]{36}$`))
  return page.url().split('/').at(-1) as string
}

const status = () => page.getByTestId('order-status').getAttribute('data-status')

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true })
  db = await superuserDb()
  co = await ledgerCompany(db, 'wb')
  owner = co.ownerClient as SupabaseClient
  manager = await colleague(db, co.tenantId, 'admin', 'wb-manager')
  // A customer and an item made the way an integration would, through supabase-js.
  const customer = await owner
    .from('parties')
    .insert({
      tenant_id: co.tenantId,
      code: 'C900',
      name: CUSTOMER,
      is_customer: true,
      payment_terms_days: 30,
    })
    .select('id')
    .single()
  if (customer.error) throw customer.error
  customerId = customer.data.id
  const item = await owner
    .from('items')
    .insert({
      tenant_id: co.tenantId,
      sku: 'WB-1',
      name: ITEM,
      output_tax_code: 'VAT13',
      input_tax_code: 'IN13',
    })
    .select('id')
    .single()
  if (item.error) throw item.error
  itemId = item.data.id
  // 10 pieces in stock at 60.00
  await mustPost(co.accountant.db as SupabaseClient, 'purchase_receipt', `wb-${process.pid}-${Date.now()}`, {
    date: shanghaiToday(),
    supplier_id: co.supplierId,
    lines: [{ item_id: itemId, quantity: '10', unit_cost: '60.00' }],
  })
  browser = await openBrowser()
  page = browser.page
  await signIn(page, co.owner.email, co.owner.password)
}, 120_000)

afterAll(async () => {
  await browser?.close()
  await db?.end()
})

describe.skipIf(!hasBrowser)('workbench', BROWSER_TESTS, () => {
  test('the menu lists the workbench pages', async () => {
    for (const name of ['老板看板', '审批中心', '销售订单', '科目余额表'])
      await page
        .getByRole('menuitem', { name: new RegExp(`${name}$`) })
        .first()
        .waitFor()
  })

  test('resting the pointer on a menu entry starts loading that page, before any click', async () => {
    const download = page.waitForResponse((r) => /\/assets\/TrialBalance-[^/]+\.js$/.test(r.url()))
    await page
      .getByRole('menuitem', { name: /科目余额表$/ })
      .getByRole('link')
      .hover()
    expect((await download).ok()).toBe(true)
    expect(new URL(page.url()).pathname).not.toBe('/reports/trial-balance')
  })

  test('enters a sales order: available stock per line, totals from the database', async () => {
    await page.goto(url('/sales-orders/new'))
    await pickOption(page, page.getByTestId('line-0').locator('.ant-select'), 'WB-1', ITEM)
    await expect.poll(() => page.getByTestId('line-0-available').textContent()).toBe('10')
    // without a customer and a quantity the form refuses before anything is written
    await page.getByTestId('order-save').click()
    await page.getByText('请选择客户').waitFor()
    await page.getByText('请输入大于 0 的数量').waitFor()
    expect(page.url()).toMatch(/\/sales-orders\/new$/)

    orderId = await enterOrder('2', '113')
    const { data } = await owner
      .from('sales_orders')
      .select('total, tax, status, party_id')
      .eq('id', orderId)
      .single()
    expect(data).toMatchObject({ total: 226, tax: 26, status: 'draft', party_id: customerId })
    await expect.poll(() => page.getByTestId('order-total').textContent()).toBe('226.00')
    expect(await page.getByTestId('order-tax').textContent()).toBe('26.00')
    expect(await page.getByTestId('line-0-total').textContent()).toBe('226.00')
    await shot('sales-order-draft')
  })

  test('confirms, delivers with a tracking number, invoices; progress follows', async () => {
    await page.getByTestId('order-confirm').click()
    await expect.poll(status).toBe('confirmed')
    await page.getByTestId('order-result').getByText('订单已确认').waitFor()

    await page.getByTestId('order-fulfil').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('承运商').fill('顺丰速运')
    await dialog.getByLabel('运单号').fill(TRACKING)
    await page.getByTestId('deliver-ok').click()
    await page
      .getByTestId('order-result')
      .getByText(/已发货/)
      .waitFor()
    await expect.poll(status).toBe('partial')
    await page.getByTestId('order-documents').getByText(TRACKING).waitFor()
    await expect.poll(() => page.getByTestId('progress-delivered').textContent()).toBe('2')
    const shipped = await owner
      .from('order_documents')
      .select('doc_type, carrier, tracking_number')
      .eq('sales_order_id', orderId)
    expect(shipped.data).toEqual([{ doc_type: 'delivery', carrier: '顺丰速运', tracking_number: TRACKING }])

    await confirmPopover(page, page.getByTestId('order-bill'), label('开票'), 'invoice_sales_order')
    await expect
      .poll(() => page.getByTestId('order-result').textContent(), { timeout: 30_000 })
      .toMatch(/已开票/)
    await expect.poll(status).toBe('completed')
    await expect.poll(() => page.getByTestId('progress-invoiced-total').textContent()).toBe('226.00')
    await shot('sales-order-completed')
  })

  test('the dashboard shows today’s sales as the database computes them', async () => {
    const { data, error } = await owner.rpc('boss_dashboard')
    expect(error).toBeNull()
    const board = data as { today_sales: number }
    expect(board.today_sales).toBe(200)
    await page.goto(url('/dashboard'))
    await expect
      .poll(() => page.getByTestId('figure-today_sales').locator('.ant-statistic-content').textContent())
      .toBe(formatMoney(String(board.today_sales)))
    await page.getByTestId('top-by-sales').getByText(`WB-1 ${ITEM}`).waitFor()
    await shot('dashboard')
  })

  test('the API page shows how to get a token, the webhook signature and an example', async () => {
    await page.goto(url('/developers'))
    const ref = page.getByTestId('api-reference')
    await ref.getByText('/functions/v1/api-token').first().waitFor()
    await ref
      .getByText(/Troika-Signature: t=<unix seconds>,v1=/)
      .first()
      .waitFor()
    expect(await page.getByTestId('api-example').textContent()).toContain("rpc('post_document'")
    await shot('api-reference')
  })

  test('the trial balance balances, indented by level, with a totals row', async () => {
    await page.goto(url('/reports/trial-balance'))
    const totals = page.getByTestId('trial-balance-totals')
    await totals.getByText('借贷平衡').waitFor()
    const debit = await totals.getByTestId('total-period_debit').textContent()
    expect(debit).toBe(await totals.getByTestId('total-period_credit').textContent())
    expect(debit).not.toBe('0.00')
    await shot('trial-balance')
  })

  test('an order above the chain’s threshold goes to the approver, who approves it in the inbox', async () => {
    await chain(owner as never, co.tenantId, {
      doc_type: 'sales_order',
      name: '合同审批',
      min_amount: '1000',
      steps: [{ name: '经理审批', approvers: [person(manager.user.id)] }],
    })
    const approver = await openBrowser()
    try {
      await signIn(approver.page, manager.email, manager.password)
      const badge = approver.page.getByTestId('approvals-badge').first()
      await badge.waitFor()

      const big = await enterOrder('5', '300')
      await page.getByTestId('order-confirm').click()
      await expect.poll(status).toBe('submitted')
      await page
        .getByTestId('order-result')
        .getByText(/已提交审批/)
        .waitFor()

      // the approver's menu badge counts the new task without a reload (realtime)
      await expect
        .poll(() => badge.locator('.ant-scroll-number').getAttribute('title'), { timeout: 15_000 })
        .toBe('1')
      await approver.page.getByRole('menuitem', { name: /审批中心$/ }).click()
      const pending = approver.page.getByTestId('inbox-pending')
      await pending.getByText('经理审批').waitFor()
      // the subject names the order (number and customer) and opens it
      const { data: bigOrder } = await owner.from('sales_orders').select('number').eq('id', big).single()
      const subject = pending.getByRole('link', { name: new RegExp(bigOrder?.number as string) })
      expect(await subject.textContent()).toContain(CUSTOMER)
      expect(await subject.getAttribute('href')).toBe(`/sales-orders/${big}`)
      await shot('approval-inbox', approver.page)
      await pending.locator('[data-testid^="approve-"]').first().click()
      await approver.page.getByRole('dialog').getByLabel('审批意见').fill('同意，尽快发货')
      await approver.page.getByTestId('decision-ok').click()
      await expect.poll(() => pending.locator('tbody tr.ant-table-row').count()).toBe(0)
      await expect
        .poll(() =>
          approver.page.getByTestId('count-done').locator('.ant-scroll-number').getAttribute('title'),
        )
        .toBe('1')
      expect(approver.pageErrors).toEqual([])

      // confirmed once approved
      await page.getByTestId('order-confirm').click()
      await expect.poll(status).toBe('confirmed')
      const { data } = await owner.from('sales_orders').select('status, total').eq('id', big).single()
      expect(data).toEqual({ status: 'confirmed', total: 1500 })

      // the requester unfolds the request in 我发起的: its timeline, where a comment joins the decisions
      const { rows } = await db.query('select id from public.approval_instances where doc_id = $1', [big])
      const instance = rows[0].id as string
      await page.getByRole('menuitem', { name: /审批中心$/ }).click()
      await page.getByTestId('tab-submitted').click()
      const submitted = page.getByTestId('inbox-submitted')
      await submitted
        .locator('tr.ant-table-row', { hasText: bigOrder?.number as string })
        .locator('.ant-table-row-expand-icon')
        .click()
      const timeline = page.getByTestId(`timeline-${instance}`)
      const actions = () =>
        timeline
          .getByTestId('timeline-entry')
          .evaluateAll((es) => es.map((e) => e.getAttribute('data-action')))
      await expect.poll(actions).toEqual(['submitted', 'approved'])
      const approved = timeline.locator('[data-action="approved"]')
      expect(await approved.textContent()).toContain(manager.email)
      expect(await approved.getByTestId('timeline-comment').textContent()).toBe('“同意，尽快发货”')
      await page.getByTestId(`comment-input-${instance}`).fill('谢谢，今天发货')
      await page.getByTestId(`comment-send-${instance}`).click()
      await expect.poll(actions).toEqual(['submitted', 'approved', 'commented'])
      expect(await timeline.locator('[data-action="commented"]').textContent()).toContain('谢谢，今天发货')
      await shot('approval-timeline')
    } finally {
      await approver.close()
    }
  })

  test('a purchase order: confirmed, received into stock, billed (three-way matched in SQL)', async () => {
    const po = await enterOrder('5', '56.5', 'purchase')
    await expect.poll(() => page.getByTestId('order-total').textContent()).toBe('282.50')
    await page.getByTestId('order-confirm').click()
    await expect.poll(status).toBe('confirmed')
    await confirmPopover(page, page.getByTestId('order-fulfil'), label('入库'), 'receive_purchase_order')
    // The result's text is polled, so that a refusal shows its message in the failure.
    await expect
      .poll(() => page.getByTestId('order-result').textContent(), { timeout: 30_000 })
      .toMatch(/已入库/)
    await expect.poll(status).toBe('partial')
    await confirmPopover(page, page.getByTestId('order-bill'), label('登记发票'), 'bill_purchase_order')
    await expect
      .poll(() => page.getByTestId('order-result').textContent(), { timeout: 30_000 })
      .toMatch(/已登记采购发票/)
    await expect.poll(status).toBe('completed')
    const { data } = await owner
      .from('purchase_order_lines')
      .select('received_quantity, billed_quantity')
      .eq('order_id', po)
    expect(data).toEqual([{ received_quantity: 5, billed_quantity: 5 }])
    await shot('purchase-order-completed')
  })

  test('a database refusal is shown in plain words: not enough stock', async () => {
    await enterOrder('50', '10')
    await page.getByTestId('order-confirm').click()
    await page
      .getByTestId('order-result')
      .getByText(/可用库存不足/)
      .waitFor()
    await expect.poll(status).toBe('draft')
    await shot('sales-order-short')
  })

  test('menus and buttons follow the rights: the salesperson enters orders but sees no dashboard, trial balance or delivery', async () => {
    const sales = await openBrowser()
    try {
      const p = sales.page
      await signIn(p, co.sales.email, co.sales.password)
      await p.getByRole('menuitem', { name: /销售订单$/ }).waitFor()
      await p.getByRole('menuitem', { name: /审批中心$/ }).waitFor()
      expect(await p.getByRole('menuitem', { name: /老板看板$/ }).count()).toBe(0)
      expect(await p.getByRole('menuitem', { name: /科目余额表$/ }).count()).toBe(0)
      await p.goto(url('/dashboard'))
      await p.getByTestId('no-access').waitFor()
      // the first order, confirmed and fulfilled by the owner: the salesperson reads it, cannot post
      await p.goto(url(`/sales-orders/${orderId}`))
      await expect.poll(() => p.getByTestId('order-status').getAttribute('data-status')).toBe('completed')
      expect(await p.getByTestId('order-fulfil').count()).toBe(0)
      expect(await p.getByTestId('order-bill').count()).toBe(0)
      // in English
      await p.getByText('English', { exact: true }).click()
      await p.getByText('Sales order', { exact: true }).waitFor()
      await p.getByText('Prices include VAT').waitFor()
      expect(sales.pageErrors).toEqual([])
    } finally {
      await sales.close()
    }
  })

  test('no uncaught errors in the page', () => {
    expect(browser.pageErrors).toEqual([])
  })
})
