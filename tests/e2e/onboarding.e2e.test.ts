// Onboarding and tenancy in a real browser, served by the stack's gateway: sign up → the create-company
// form (the credit code is checked as it is typed) → the header's company and trial days → departments →
// a second company from the switcher → switching back and forth, the data follows the company and the
// choice survives a reload → an expired company is read-only → a demo sales user sees no audit log.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter } from '../../admin/src/lib/credit-code.ts'
import { client, stackInfo, superuserDb } from '../helpers/stack.ts'
import { clickOption, confirmPopover, openCompanyMenu } from './admin.ts'
import { BROWSER_TESTS, type Browser, hasBrowser, label, openBrowser, SCREENSHOTS } from './browser.ts'

const run = `${process.pid}-${Date.now()}`
const email = `onboarding-e2e-${run}@example.test`
const password = 'correct-horse-battery-1'
const companyA = `杭州三驾贸易有限公司 ${run}`
const companyB = `宁波三驾物流有限公司 ${run}`
const colleague = `onboarding-invitee-${run}@example.test`
const DEMO_SALES = { email: 'sales@example.com', password: 'troika-demo-2026' }

/** A valid 统一社会信用代码: 9 (工商) 1 (企业), a Hangzhou area code, 9 characters of this run, the check character. */
function validCreditCode(seed: number): string {
  const org = Array.from(
    { length: 9 },
    (_, i) => CREDIT_CODE_ALPHABET[(seed * 7 + i * 13 + Date.now()) % 31],
  ).join('')
  const body = `91330106${org}`
  return body + creditCodeCheckCharacter(body)
}
const codeA = validCreditCode(1)
const codeB = validCreditCode(2)
/** codeA with a wrong check character. */
const badCode = codeA.slice(0, 17) + CREDIT_CODE_ALPHABET[(CREDIT_CODE_ALPHABET.indexOf(codeA[17]) + 1) % 31]

/** The page may be slow on a loaded machine: wait for a condition as long as for an element. */

let browser: Browser
let page: Page
let pageErrors: string[]

/** A full-page screenshot, or the viewport only when a popup is open (resizing for a full page closes it). */
async function shot(name: string, fullPage = true) {
  await mkdir(SCREENSHOTS, { recursive: true })
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage, animations: 'disabled' })
}

/** my_tenants() as the given person sees it, through the API (not through the page). */
async function tenantsOf(who: { email: string; password: string }) {
  const c = client()
  const { error: signInError } = await c.auth.signInWithPassword(who)
  if (signInError) throw signInError
  const { data, error } = await c.rpc('my_tenants')
  if (error) throw error
  return data
}

const menu = (name: string) => page.locator('.ant-layout-sider .ant-menu').getByText(name, { exact: true })
const currentTenant = () => page.getByTestId('current-tenant')
const tenantStatus = () => page.getByTestId('tenant-switcher').getByTestId('tenant-status')

/** Picks an option of the antd select labelled `field` (typing filters the options). */
async function choose(field: string, option: string) {
  // A chosen value lies over the search input: click through it.
  await page.getByLabel(field, { exact: true }).click({ force: true })
  await clickOption(page, option)
}

async function createDepartment(name: string, parent?: string) {
  await page.getByRole('button', { name: label('新建') }).click()
  await page.waitForURL(/\/departments\/create/)
  await page.getByRole('textbox', { name: '部门名称' }).fill(name)
  if (parent) await choose('上级部门', parent)
  await page.getByRole('button', { name: label('保存') }).click()
  await page.waitForURL((url) => url.pathname === '/departments')
  await departmentRow(name).waitFor()
}

const departmentRow = (name: string) => page.locator('.ant-table-row').filter({ hasText: name })

async function openDepartments() {
  await menu('部门').click()
  await page.waitForURL((url) => url.pathname === '/departments')
  await page.locator('.ant-table').waitFor()
  // The table is loaded when the spinner is gone.
  await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' })
}

// The switcher's dropdown fades in and out: wait until a closing one is gone before opening it again, and
// until the new one has settled before choosing (see settled()).
const dropdownClosed = () =>
  page.locator('.ant-dropdown:not(.ant-dropdown-hidden)').waitFor({ state: 'detached' })

async function switchTo(company: string) {
  await dropdownClosed()
  const dropdown = await openCompanyMenu(page)
  await dropdown.getByRole('menuitem').filter({ hasText: company }).click()
  await expect.poll(() => currentTenant().textContent()).toBe(company)
}

beforeAll(async () => {
  browser = await openBrowser()
  ;({ page, pageErrors } = browser)
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

describe.skipIf(!hasBrowser)('onboarding and tenancy', BROWSER_TESTS, () => {
  test('a new person signs up and lands on the create-company form', async () => {
    await page.goto(new URL('/register', stackInfo().adminUrl).href)
    await page.getByLabel('邮箱').fill(email)
    await page.getByLabel('密码', { exact: true }).fill(password)
    await page.getByLabel('确认密码').fill(password)
    await page.getByRole('button', { name: label('注册') }).click()

    await page.waitForURL((url) => url.pathname === '/onboarding')
    await page.getByRole('heading', { name: '创建公司' }).waitFor()
    // The defaults: small-scale taxpayer, 小企业会计准则, fiscal year from January.
    await expect.poll(() => page.getByLabel('小规模纳税人').isChecked()).toBe(true)
    await expect.poll(() => page.getByLabel('小企业会计准则').isChecked()).toBe(true)
  })

  test('an invalid credit code is refused in the form, before any request', async () => {
    await page.getByLabel('公司名称').fill(companyA)
    const code = page.getByLabel('统一社会信用代码')
    // Lower case and spaces are normalised; I/O/S/V/Z are not part of the alphabet.
    await code.fill('91330106io')
    await page.getByText('只能包含数字和大写字母（不含 I、O、S、V、Z）').waitFor()
    await code.fill(badCode.toLowerCase())
    await expect.poll(() => code.inputValue()).toBe(badCode)
    await page.getByText('校验位不正确，请核对营业执照上的代码').waitFor()
    await shot('onboarding-invalid-credit-code')

    await page.getByRole('button', { name: '创建公司' }).click()
    await page.getByText('校验位不正确，请核对营业执照上的代码').waitFor()
    expect(new URL(page.url()).pathname).toBe('/onboarding')
    expect(await tenantsOf({ email, password })).toEqual([])
  })

  test('a valid code creates the company; the header shows it with 15 trial days', async () => {
    await page.getByLabel('统一社会信用代码').fill(codeA)
    await page.getByText('校验位不正确，请核对营业执照上的代码').waitFor({ state: 'detached' })
    await page.getByText('一般纳税人').click()
    await choose('所属行业', '批发和零售业')
    await shot('onboarding-filled')
    await page.getByRole('button', { name: '创建公司' }).click()

    await page.waitForURL((url) => url.pathname === '/')
    await expect.poll(() => currentTenant().textContent()).toBe(companyA)
    await expect.poll(() => tenantStatus().textContent()).toBe('试用剩余 15 天')
    await shot('home-with-company')

    const tenants = await tenantsOf({ email, password })
    expect(tenants).toMatchObject([
      { name: companyA, status: 'trial', trial_days_left: 15, role_keys: ['owner'], active: true },
    ])
  })

  test('company settings show what was entered', async () => {
    await menu('公司设置').click()
    await page.waitForURL((url) => url.pathname === '/company')
    const details = page.locator('.ant-descriptions')
    await details.getByText(codeA, { exact: true }).waitFor()
    await details.getByText('一般纳税人', { exact: true }).waitFor()
    await details.getByText('小企业会计准则', { exact: true }).waitFor()
    await details.getByText('批发和零售业', { exact: true }).waitFor()
    await shot('company-settings')

    // The owner may change the settings; the standard and the fiscal year are locked once the books exist.
    await page.getByRole('button', { name: label('编辑') }).click()
    await page.waitForURL(/\/company\/edit\//)
    await expect.poll(() => page.getByLabel('公司名称').inputValue()).toBe(companyA)
    expect(await page.getByLabel('企业会计准则', { exact: true }).isDisabled()).toBe(true)
    await choose('所属行业', '制造业')
    await shot('company-edit')
    await page.getByRole('button', { name: label('保存') }).click()
    await page.waitForURL((url) => url.pathname === '/company')
    await page.locator('.ant-descriptions').getByText('制造业', { exact: true }).waitFor()
  })

  test('departments: create two, and a cycle is refused on the parent field', async () => {
    await openDepartments()
    await createDepartment('销售部')
    await createDepartment('华东销售组', '销售部')
    await expect.poll(() => departmentRow('华东销售组').textContent()).toContain('销售部')
    await shot('departments')

    // 销售部 under its own sub-department: the database refuses (TR102, hint parent_id).
    await departmentRow('销售部').first().getByRole('button', { name: /edit/ }).click()
    await page.waitForURL(/\/departments\/edit\//)
    await expect.poll(() => page.getByRole('textbox', { name: '部门名称' }).inputValue()).toBe('销售部')
    await choose('上级部门', '华东销售组')
    await page.getByRole('button', { name: label('保存') }).click()
    await page
      .locator('.ant-form-item')
      .filter({ hasText: '上级部门' })
      .getByText('上级部门不能是本部门或它的下级部门')
      .waitFor()
    await shot('department-cycle-refused')
    expect(new URL(page.url()).pathname).toMatch(/^\/departments\/edit\//)
  })

  test('members, roles with their matrix, and the audit log', async () => {
    await menu('成员').click()
    await page.waitForURL((url) => url.pathname === '/members')
    await page.locator('.ant-table-row').filter({ hasText: email }).getByText('老板 Owner').waitFor()
    await shot('members')

    await menu('角色权限').click()
    await page.waitForURL((url) => url.pathname === '/roles')
    await page.locator('.ant-table-row').filter({ hasText: '销售 Sales' }).getByRole('button').click()
    await page.waitForURL(/\/roles\/show\//)
    const matrix = page.getByTestId('permission-matrix')
    const departmentsRow = matrix.locator('tr').filter({ hasText: '部门' })
    // Sales may read departments but not create them.
    await expect.poll(() => departmentsRow.getByLabel('允许', { exact: true }).count()).toBe(1)
    await expect.poll(() => departmentsRow.getByLabel('不允许', { exact: true }).count()).toBe(3)
    await shot('role-matrix')

    await menu('审计日志').click()
    await page.waitForURL((url) => url.pathname === '/audit-log')
    await page.locator('.ant-table-row').filter({ hasText: '部门' }).first().waitFor()
    await shot('audit-log')
  })

  test('invites a colleague: the link leads through sign-up into the company, with the invited role', async () => {
    await menu('成员').click()
    await page.waitForURL((url) => url.pathname === '/members')
    await page.getByTestId('invite-open').click()
    const dialog = page.getByRole('dialog')
    await dialog.getByLabel('邮箱').fill('not-an-address')
    await page.getByTestId('invite-ok').click()
    await dialog.getByText('请输入有效的邮箱地址').waitFor()
    await dialog.getByLabel('邮箱').fill(colleague)
    await page.getByTestId('invite-ok').click() // the employee role is preselected
    const link = (await page.getByTestId('invite-link').textContent()) as string
    expect(link).toMatch(/\/accept-invite\?token=[\w-]+$/)
    await shot('invite-link')
    await dialog.getByRole('button', { name: label('关闭') }).click()
    await page.getByTestId('invitations').getByText(colleague).waitFor()

    // The colleague has no account: the link asks to sign in, they sign up instead and come back.
    const invitee = await openBrowser()
    try {
      const p = invitee.page
      await p.goto(link)
      await p.waitForURL((url) => url.pathname === '/login')
      await p.getByRole('link', { name: '注册' }).click()
      await p.waitForURL((url) => url.pathname === '/register')
      // the sign-in form stays on screen while the sign-up page's code loads: typing there would be lost
      await p.getByLabel('确认密码').waitFor()
      await p.getByLabel('邮箱').fill(colleague)
      await p.getByLabel('密码', { exact: true }).fill(password)
      await p.getByLabel('确认密码').fill(password)
      await p.getByRole('button', { name: label('注册') }).click()
      await p.waitForURL((url) => url.pathname === '/accept-invite')
      await p.getByTestId('accept-invite').click()
      await expect.poll(() => p.getByTestId('current-tenant').textContent()).toBe(companyA)
      // a second use of the link is refused in plain words
      await p.goto(link)
      await p.getByTestId('accept-invite').click()
      await expect.poll(() => p.getByTestId('accept-error').textContent()).toBe('这份邀请已经用过了')
      expect(invitee.pageErrors).toEqual([])
    } finally {
      await invitee.close()
    }
    await page.reload()
    await page.locator('.ant-table-row').filter({ hasText: colleague }).getByText('员工').waitFor()
    expect(await page.getByTestId('invitations').count()).toBe(0)
  })

  test('changes the colleague’s roles and department in one save, then removes them', async () => {
    const row = () => page.locator('.ant-table-row').filter({ hasText: colleague })
    await page.getByTestId(`member-edit-${colleague}`).click()
    const dialog = page.getByRole('dialog')
    await dialog.getByTestId('member-department').click()
    await clickOption(page, '华东销售组')
    await dialog.getByTestId('member-roles').click()
    await clickOption(page, '销售 Sales')
    // a multiple select stays open after a choice: close it before saving
    await dialog.locator('.ant-modal-title').click()
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'detached' })
    await page.getByTestId('member-save').click()
    await row().getByText('销售 Sales').waitFor()
    await row().getByText('华东销售组').waitFor()
    const db = await superuserDb()
    try {
      const { rows } = await db.query(
        `select array_agg(r.key order by r.key) as keys from public.membership_roles mr
         join public.roles r on r.id = mr.role_id join auth.users u on u.id = mr.user_id
         where u.email = $1`,
        [colleague],
      )
      expect(rows[0].keys).toEqual(['employee', 'sales'])
    } finally {
      await db.end()
    }
    await confirmPopover(page, page.getByTestId(`member-remove-${colleague}`), label('移除'), 'remove_member')
    await expect.poll(() => row().count()).toBe(0)
  })

  test('a second company from the switcher has its own departments', async () => {
    await (await openCompanyMenu(page)).getByRole('menuitem', { name: /新建公司/ }).click()
    await page.waitForURL((url) => url.pathname === '/onboarding')
    await page.getByLabel('公司名称').fill(companyB)
    await page.getByLabel('统一社会信用代码').fill(codeB)
    await page.getByRole('button', { name: '创建公司' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await expect.poll(() => currentTenant().textContent()).toBe(companyB)

    await openDepartments()
    expect(await departmentRow('销售部').count()).toBe(0)
    await createDepartment('仓储部')
    expect(await departmentRow('销售部').count()).toBe(0)
  })

  test('switching back and forth: the data follows the company, and the choice survives a reload', async () => {
    await page.getByTestId('tenant-switcher').click()
    await page.getByRole('menuitem', { name: /新建公司/ }).waitFor()
    await shot('tenant-switcher', false)
    await page.keyboard.press('Escape')

    await switchTo(companyA)
    await departmentRow('华东销售组').waitFor()
    expect(await departmentRow('仓储部').count()).toBe(0)

    await page.reload()
    await expect.poll(() => currentTenant().textContent()).toBe(companyA)
    await departmentRow('销售部').first().waitFor()
    expect(await departmentRow('仓储部').count()).toBe(0)

    await switchTo(companyB)
    await departmentRow('仓储部').waitFor()
    expect(await departmentRow('销售部').count()).toBe(0)

    await switchTo(companyA)
    await departmentRow('华东销售组').waitFor()
    const tenants = await tenantsOf({ email, password })
    expect(tenants.find((t) => t.active)?.name).toBe(companyA)
  })

  test('an expired company is read-only: banner, status, no create button', async () => {
    const tenants = await tenantsOf({ email, password })
    const b = tenants.find((t) => t.name === companyB)
    if (!b) throw new Error('company B not found')
    const db = await superuserDb()
    try {
      await db.query(`update public.tenants set trial_ends_at = now() - interval '1 day' where id = $1`, [
        b.tenant_id,
      ])
    } finally {
      await db.end()
    }

    await switchTo(companyB)
    await expect.poll(() => tenantStatus().textContent()).toBe('已到期 · 只读')
    await page.getByTestId('read-only-banner').waitFor()
    await departmentRow('仓储部').waitFor()
    expect(await page.getByRole('button', { name: label('新建') }).count()).toBe(0)
    await shot('expired-read-only')
  })

  test('the demo sales user sees no audit-log menu and cannot create departments', async (ctx) => {
    const demoTenants = await tenantsOf(DEMO_SALES)
    if (demoTenants.length === 0) {
      ctx.skip(
        true,
        `${DEMO_SALES.email} belongs to no company yet (the demo company seed has not run): skipped`,
      )
    }

    await menu('首页').click()
    await page.getByText('退出登录').click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.getByLabel('邮箱').fill(DEMO_SALES.email)
    await page.getByLabel('密码').fill(DEMO_SALES.password)
    await page.getByRole('button', { name: label('登录') }).click()
    await page.waitForURL((url) => url.pathname === '/')

    const demo = demoTenants.find((t) => t.active) ?? demoTenants[0]
    await expect.poll(() => currentTenant().textContent()).toBe(demo.name)
    await menu('部门').waitFor()
    expect(await menu('审计日志').count()).toBe(0)
    // Nothing of the previous person's companies is left in the page, toasts included.
    await expect.poll(() => page.getByText(companyA).count()).toBe(0)
    await expect.poll(() => page.getByText(companyB).count()).toBe(0)

    await openDepartments()
    expect(await page.getByRole('button', { name: label('新建') }).count()).toBe(0)
    await shot('demo-sales')

    // A typed URL of a page the role may not read shows the refusal, not the data.
    await page.goto(new URL('/audit-log', stackInfo().adminUrl).href)
    await page.getByTestId('no-access').waitFor()
    expect(await page.locator('.ant-table-row').count()).toBe(0)
  })

  test('no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
