// The generated CRUD screens in a real browser: as the demo accountant, the chart of accounts (科目) is
// listed, sorted and filtered on the server, a row opened, a sub-account created through the generated
// form (a bad code refused on its field first), renamed, and checked through supabase-js; the demo
// sales user, who may only read accounts, gets no create button; the menu lists the generated tables.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { client } from '../helpers/stack.ts'
import { clickOption, signIn, adminUrl as url } from './admin.ts'
import { BROWSER_TESTS, type Browser, hasBrowser, label, openBrowser, SCREENSHOTS } from './browser.ts'

const PASSWORD = 'troika-demo-2026'
const ACCOUNTANT = 'accountant@example.com'
const SALES = 'sales@example.com'
const CODE = '560299'

let browser: Browser
let page: Page

async function accountantDb() {
  const c = client()
  const { error } = await c.auth.signInWithPassword({ email: ACCOUNTANT, password: PASSWORD })
  if (error) throw error
  return c
}

// A menu item's name starts with its icon's ("database 科目").
const menuName = (text: string) => new RegExp(`(^|\\s)${text}$`)

const firstCodeCell = () => page.getByTestId('generated-table').locator('tbody tr.ant-table-row td').first()

async function pick(p: Page, field: string, option: string, search?: string) {
  await p.getByLabel(field, { exact: true }).click()
  if (search) await p.getByLabel(field, { exact: true }).fill(search)
  await clickOption(p, option)
}

beforeAll(async () => {
  browser = await openBrowser()
  page = browser.page
  await signIn(page, ACCOUNTANT, PASSWORD)
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

describe.skipIf(!hasBrowser)('generated CRUD', BROWSER_TESTS, () => {
  test('the menu lists the generated tables under 基础资料', async () => {
    await page.getByRole('menuitem', { name: '基础资料' }).click()
    for (const name of ['科目', '税码', '会计期间', '仓库', '单据编号', '过账设置'])
      await page.getByRole('menuitem', { name: menuName(name) }).waitFor()
    await page.getByRole('menuitem', { name: menuName('科目') }).click()
    await page.waitForURL((u) => u.pathname === '/data/accounts')
  })

  test('lists accounts sorted by code on the server, then by code descending, then filtered by name', async () => {
    await expect.poll(() => firstCodeCell().textContent()).toBe('1001')
    // antd's styles come from the CSS file made at build time (admin/build/antd-styles.ts): the runtime
    // recognises them and generates almost nothing. A theme or antd change that breaks the match would
    // bring back ~100 generated <style> elements and ~100 ms on every cold load.
    const generated = await page.evaluate(() => document.querySelectorAll('style[data-css-hash]').length)
    expect(generated).toBeLessThan(15)
    await page.getByRole('button', { name: label('新建') }).waitFor()
    await page.getByRole('columnheader', { name: '科目编码' }).click()
    const c = await accountantDb()
    const { data: last } = await c
      .from('accounts')
      .select('code')
      .order('code', { ascending: false })
      .limit(1)
    await expect.poll(() => firstCodeCell().textContent()).toBe(last?.[0]?.code)
    expect(new URL(page.url()).searchParams.toString()).toContain('desc')

    await page.getByTestId('generated-filters').getByLabel('科目名称').fill('管理费用')
    await page.getByRole('button', { name: label('查询') }).click()
    await expect
      .poll(() => page.getByTestId('generated-table').locator('tbody tr.ant-table-row').count())
      .toBe(1)
    await expect.poll(() => firstCodeCell().textContent()).toBe('5602')
    await page.screenshot({ path: join(SCREENSHOTS, 'generated-accounts-list.png') })
  })

  test('opens an account: labels from the column comments, enum and parent as words', async () => {
    await page
      .getByTestId('generated-table')
      .locator('tbody tr.ant-table-row')
      .first()
      .locator('button')
      .first()
      .click()
    await page.waitForURL(/\/data\/accounts\/show\//)
    const show = page.getByTestId('generated-show')
    await show.getByText('管理费用', { exact: true }).waitFor()
    await show.getByText('科目类别').waitFor()
    await show.getByText('损益', { exact: true }).waitFor()
    expect(await show.getByText('tenant_id').count()).toBe(0)
  })

  test('creates a sub-account of 5602; a code not extending 5602 is refused on the code field', async () => {
    await page.goto(url('/data/accounts/create'))
    const form = page.getByTestId('generated-form')
    await form.getByLabel('科目名称').waitFor()
    // Filled by the database (no INSERT privilege): not asked.
    expect(await form.getByLabel('级次').count()).toBe(0)
    expect(await form.getByLabel('末级科目').count()).toBe(0)
    await form.getByLabel('科目编码').fill('570299')
    await form.getByLabel('科目名称').fill('测试费用')
    await pick(page, '上级科目', '管理费用', '管理费用')
    await pick(page, '科目类别', '损益')
    await pick(page, '余额方向', '借')
    await page.getByRole('button', { name: label('保存') }).click()
    const codeItem = page.locator('.ant-form-item', { has: page.getByLabel('科目编码') })
    await codeItem
      .locator('.ant-form-item-explain-error')
      .getByText('科目编码必须以上级科目的编码开头')
      .waitFor()

    await form.getByLabel('科目编码').fill(CODE)
    await page.getByRole('button', { name: label('保存') }).click()
    await page.waitForURL(/\/data\/accounts\/show\//)
    await page.getByTestId('generated-show').getByText('测试费用', { exact: true }).waitFor()
  })

  test('renames it through the generated edit form; supabase-js sees the row the database completed', async () => {
    await page.getByRole('button', { name: label('编辑') }).click()
    await page.waitForURL(/\/data\/accounts\/edit\//)
    const name = page.getByTestId('generated-form').getByLabel('科目名称')
    await expect.poll(() => name.inputValue()).toBe('测试费用')
    expect(await page.getByTestId('generated-form').getByLabel('级次').isDisabled()).toBe(true)
    await name.fill('测试费用（改）')
    await page.getByRole('button', { name: label('保存') }).click()
    await page.waitForURL(/\/data\/accounts\/show\//)
    await page.getByTestId('generated-show').getByText('测试费用（改）', { exact: true }).waitFor()

    const c = await accountantDb()
    const { data: parent } = await c.from('accounts').select('id, level').eq('code', '5602').single()
    const { data, error } = await c
      .from('accounts')
      .select('name, parent_id, level, type, direction, is_leaf')
      .eq('code', CODE)
      .single()
    expect(error).toBeNull()
    expect(data).toEqual({
      name: '测试费用（改）',
      parent_id: parent?.id,
      level: (parent?.level ?? 0) + 1,
      type: 'profit_and_loss',
      direction: 'debit',
      is_leaf: true,
    })
  })

  test('the sales user sees the accounts but no create button', async () => {
    const sales = await openBrowser()
    try {
      await signIn(sales.page, SALES, PASSWORD)
      await sales.page.goto(url('/data/accounts'))
      await expect
        .poll(() =>
          sales.page
            .getByTestId('generated-table')
            .locator('tbody tr.ant-table-row td')
            .first()
            .textContent(),
        )
        .toBe('1001')
      expect(await sales.page.getByRole('button', { name: label('新建') }).count()).toBe(0)
      expect(sales.pageErrors).toEqual([])
    } finally {
      await sales.close()
    }
  })

  test('no uncaught errors in the page', () => {
    expect(browser.pageErrors).toEqual([])
  })
})
