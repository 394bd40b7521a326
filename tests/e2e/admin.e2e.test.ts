// The admin in a real browser, served by the stack's gateway: sign up, home page, language switch
// (persisted), profile edit checked through supabase-js, sign out, a failed and a good sign-in.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { client, stackInfo } from '../helpers/stack.ts'
import { BROWSER_TESTS, type Browser, hasBrowser, label, openBrowser, SCREENSHOTS } from './browser.ts'

const email = `admin-e2e-${process.pid}-${Date.now()}@example.test`
const password = 'correct-horse-battery-1'
const displayName = '测试用户 Troika'

let browser: Browser
let page: Page
let pageErrors: string[]

async function profileRow() {
  const c = client()
  const { data: auth, error: signInError } = await c.auth.signInWithPassword({ email, password })
  if (signInError) throw signInError
  const { data, error } = await c
    .from('profiles')
    .select('display_name, locale')
    .eq('id', auth.user.id)
    .single()
  if (error) throw error
  return data
}

beforeAll(async () => {
  browser = await openBrowser()
  ;({ page, pageErrors } = browser)
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

describe.skipIf(!hasBrowser)('admin shell', BROWSER_TESTS, () => {
  test('an anonymous visitor lands on the Chinese sign-in page titled Troika', async () => {
    await page.goto(stackInfo().adminUrl)
    await page.waitForURL(/\/login/)
    await expect.poll(() => page.title()).toBe('Troika')
    await page.getByRole('heading', { name: '登录 Troika' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN')
    // A deep link is remembered for after the sign-in.
    await page.goto(new URL('/profiles', stackInfo().adminUrl).href)
    await page.waitForURL((url) => url.pathname === '/login' && url.searchParams.get('to') === '/profiles')
  })

  test('signs up through the form and sees the home page with their email', async () => {
    await page.getByRole('link', { name: '注册' }).click()
    await page.waitForURL(/\/register/)
    await page.getByLabel('确认密码').waitFor()
    await page.getByLabel('邮箱').fill(email)
    await page.getByLabel('密码', { exact: true }).fill(password)
    await page.getByLabel('确认密码').fill(password)
    await page.getByRole('button', { name: label('注册') }).click()

    // A newcomer creates their company first (the form itself: tests/e2e/onboarding.e2e.test.ts).
    await page.waitForURL((url) => url.pathname === '/onboarding')
    await page.getByLabel('公司名称').fill(`Troika 测试公司 ${process.pid}`)
    await page.getByLabel('统一社会信用代码').fill('91350100M000100Y43')
    await page.getByRole('button', { name: '创建公司' }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await expect.poll(() => page.getByTestId('signed-in-email').textContent()).toBe(email)
    await page.getByRole('heading', { name: '欢迎使用 Troika' }).waitFor()
    await page.getByTestId('header-user').getByText(email).waitFor()
    // The profile made at sign-up (display name = the email's local part) is shown.
    await page.getByText(email.split('@')[0], { exact: true }).waitFor()
    await mkdir(SCREENSHOTS, { recursive: true })
    await page.screenshot({ path: join(SCREENSHOTS, 'home-zh-CN.png') })
  })

  test('switches to English, keeps it over a reload and in the profile, and back to Chinese', async () => {
    const languageSwitch = page.getByTestId('language-switch')
    await languageSwitch.getByText('English').click()
    await page.getByRole('heading', { name: 'Welcome to Troika' }).waitFor()
    expect(await page.evaluate(() => localStorage.getItem('troika.locale'))).toBe('en')
    await expect.poll(async () => (await profileRow()).locale).toBe('en')

    await page.reload()
    await page.getByRole('heading', { name: 'Welcome to Troika' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    await page.getByText(email.split('@')[0], { exact: true }).waitFor()
    await page.screenshot({ path: join(SCREENSHOTS, 'home-en.png') })

    await page.getByTestId('language-switch').getByText('中文').click()
    await page.getByRole('heading', { name: '欢迎使用 Troika' }).waitFor()
    expect(await page.evaluate(() => localStorage.getItem('troika.locale'))).toBe('zh-CN')
    await expect.poll(async () => (await profileRow()).locale).toBe('zh-CN')
  })

  test('antd’s own texts (empty table, date picker) follow the language too', async () => {
    await page.goto(new URL('/payment-requests', stackInfo().adminUrl).href)
    const list = page.getByTestId('prq-list')
    await list.locator('.ant-empty-description', { hasText: '暂无数据' }).waitFor()
    await page.getByTestId('language-switch').getByText('English').click()
    await list.locator('.ant-empty-description', { hasText: 'No data' }).waitFor()
    await page.getByTestId('language-switch').getByText('中文').click()
    await list.locator('.ant-empty-description', { hasText: '暂无数据' }).waitFor()
    await page.getByTestId('prq-new').click()
    await expect.poll(() => page.getByTestId('prq-pay-by').getAttribute('placeholder')).toBe('请选择日期')
    await page.goto(stackInfo().adminUrl)
  })

  test('edits the display name; the database has the change', async () => {
    await page.getByRole('button', { name: '编辑个人资料' }).click()
    await page.waitForURL(/\/profiles\/edit\//)
    const nameInput = page.getByLabel('显示名称')
    await expect.poll(() => nameInput.inputValue()).toBe(email.split('@')[0])
    await nameInput.fill(displayName)
    await page.getByRole('button', { name: label('保存') }).click()

    await page.waitForURL(/\/profiles\/show\//)
    await page.getByText(displayName, { exact: true }).waitFor()
    expect(await profileRow()).toEqual({ display_name: displayName, locale: 'zh-CN' })
  })

  test('signs out; sign-up and sign-in failures are shown in the form; the right password signs in', async () => {
    await page.getByText('退出登录').click()
    // After an explicit sign-out the next sign-in starts at home, not on the last page.
    await page.waitForURL((url) => url.pathname === '/login' && url.search === '')

    await page.getByRole('link', { name: '注册' }).click()
    // The login form also has an 邮箱 field: wait for the register form before filling, or a
    // slow render lets the fill land on the page being left.
    await page.waitForURL((url) => url.pathname === '/register')
    await page.getByLabel('确认密码').waitFor()
    await page.getByLabel('邮箱').fill(email)
    await page.getByLabel('密码', { exact: true }).fill(password)
    await page.getByLabel('确认密码').fill(password)
    await page.getByRole('button', { name: label('注册') }).click()
    await page.getByRole('alert').filter({ hasText: '该邮箱已注册' }).waitFor()

    await page.getByRole('link', { name: '登录' }).click()
    await page.waitForURL((url) => url.pathname === '/login')
    await page.getByLabel('确认密码').waitFor({ state: 'detached' })
    await page.getByLabel('邮箱').fill(email)
    await page.getByLabel('密码').fill('not-the-password')
    await page.getByRole('button', { name: label('登录') }).click()
    await page.getByRole('alert').filter({ hasText: '邮箱或密码错误' }).waitFor()
    expect(page.url()).toMatch(/\/login/)
    // The form shows the failure; Refine's duplicate toast is closed.
    await page.locator('.ant-notification-notice-error').waitFor({ state: 'detached' })

    await page.getByLabel('密码').fill(password)
    await page.getByRole('button', { name: label('登录') }).click()
    await page.waitForURL((url) => url.pathname === '/')
    await expect.poll(() => page.getByTestId('signed-in-email').textContent()).toBe(email)
  })

  test('no uncaught errors in the page', () => {
    expect(pageErrors).toEqual([])
  })
})
