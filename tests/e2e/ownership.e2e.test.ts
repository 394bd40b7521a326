// Handing over a company and leaving it, in a real browser. The owner of two companies first tries to
// leave one and is refused in plain words (a company keeps an owner); hands ownership to a colleague on
// the members page and stays as administrator; then leaves through the company switcher and works in
// the other company. The database is checked after each step.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type pg from 'pg'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { colleague, newCompany } from '../helpers/company.ts'
import { newCreditCode } from '../helpers/credit-code.ts'
import { superuserDb } from '../helpers/stack.ts'
import { confirmDialog, confirmPopover, openCompanyMenu, signIn } from './admin.ts'
import { BROWSER_TESTS, type Browser, hasBrowser, label, openBrowser, SCREENSHOTS } from './browser.ts'

const run = `${process.pid}-${Date.now()}`
const first = `移交测试一 ${run}`
const second = `移交测试二 ${run}`
let db: pg.Client
let co: Awaited<ReturnType<typeof newCompany>>
let mate: Awaited<ReturnType<typeof colleague>>
let browser: Browser
let page: Page

const shot = (name: string) =>
  page.screenshot({ path: join(SCREENSHOTS, `ownership-${name}.png`), fullPage: true })

async function roleKeys(email: string, tenantId: string): Promise<string[]> {
  const { rows } = await db.query(
    `select coalesce(array_agg(r.key order by r.key), '{}') as keys from public.membership_roles mr
     join public.roles r on r.id = mr.role_id join auth.users u on u.id = mr.user_id
     where u.email = $1 and mr.tenant_id = $2`,
    [email, tenantId],
  )
  return rows[0].keys
}

/** Opens the company switcher and chooses "leave this company". */
async function chooseLeave() {
  const menu = await openCompanyMenu(page)
  await menu.getByRole('menuitem', { name: /退出此公司/ }).click()
}

beforeAll(async () => {
  await mkdir(SCREENSHOTS, { recursive: true })
  db = await superuserDb()
  co = await newCompany('own-e2e', { name: first })
  mate = await colleague(db, co.tenantId, 'employee', 'own-e2e-mate')
  const { error } = await co.owner.client.rpc('create_company', {
    p_name: second,
    p_credit_code: newCreditCode(),
    p_taxpayer_type: 'general',
    p_accounting_standard: 'small_enterprise',
  })
  if (error) throw new Error(`create_company: ${error.message}`)
  // work in the first company again (creating the second switched to it)
  await db.query('update public.profiles set active_tenant_id = $1 where id = $2', [
    co.tenantId,
    co.owner.user.id,
  ])
  browser = await openBrowser()
  page = browser.page
  await signIn(page, co.owner.email, co.owner.password)
}, 60_000)

afterAll(async () => {
  await browser?.close()
  await db?.end()
})

describe.skipIf(!hasBrowser)('ownership and leaving', BROWSER_TESTS, () => {
  test('the only owner cannot leave: the refusal is in plain words and nothing changes', async () => {
    await expect.poll(() => page.getByTestId('current-tenant').textContent()).toBe(first)
    await chooseLeave()
    await confirmDialog(page, label('退出此公司'), 'leave_tenant')
    await page.getByText('公司至少要有一位所有者：请先移交所有权，再变更角色、退出或移除').waitFor()
    await shot('leave-refused')
    expect(await page.getByTestId('current-tenant').textContent()).toBe(first)
    expect(await roleKeys(co.owner.email, co.tenantId)).toEqual(['owner'])
  })

  test('hands ownership to a colleague on the members page and stays as administrator', async () => {
    await page.getByRole('menuitem', { name: /成员$/ }).first().click()
    await page.waitForURL((url) => url.pathname === '/members')
    const row = (email: string) => page.locator('.ant-table-row').filter({ hasText: email })
    // offered for the colleague (the actions are on screen), not for oneself, an owner
    await page.getByTestId(`member-transfer-${mate.email}`).waitFor()
    expect(await page.getByTestId(`member-transfer-${co.owner.email}`).count()).toBe(0)
    await confirmPopover(
      page,
      page.getByTestId(`member-transfer-${mate.email}`),
      label('移交所有权'),
      'transfer_ownership',
    )
    await row(mate.email).getByText('老板 Owner').waitFor()
    await row(co.owner.email).getByText('管理员 Administrator').waitFor()
    // no longer an owner: nothing to hand over any more
    await expect.poll(() => page.locator('[data-testid^="member-transfer-"]').count()).toBe(0)
    await shot('transferred')
    expect(await roleKeys(mate.email, co.tenantId)).toEqual(['employee', 'owner'])
    expect(await roleKeys(co.owner.email, co.tenantId)).toEqual(['admin'])
  })

  test('leaves through the company switcher and works in the other company', async () => {
    await chooseLeave()
    await confirmDialog(page, label('退出此公司'), 'leave_tenant')
    await expect.poll(() => page.getByTestId('current-tenant').textContent()).toBe(second)
    expect(new URL(page.url()).pathname).toBe('/')
    await shot('left')
    const { rows } = await db.query(
      'select count(*)::int as n from public.memberships where tenant_id = $1 and user_id = $2',
      [co.tenantId, co.owner.user.id],
    )
    expect(rows[0].n).toBe(0)
    // the first company is no longer in the switcher
    const menu = await openCompanyMenu(page)
    expect(await menu.getByText(first).count()).toBe(0)
    await page.keyboard.press('Escape')
    expect(browser.pageErrors).toEqual([])
  })
})
