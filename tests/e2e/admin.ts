// What the browser tests do over and over in the admin: its address, signing in through the form, and
// choosing an option in a searchable select (antd renders the options in a popup outside the field).
import type { Locator, Page } from 'playwright-core'
import { stackInfo } from '../helpers/stack.ts'
import { label } from './browser.ts'

export const adminUrl = (path: string) => new URL(path, stackInfo().adminUrl).href

/** Signs in through the sign-in page and waits for the header to show the person. */
export async function signIn(p: Page, email: string, password: string) {
  await p.goto(adminUrl('/login'))
  await p.getByLabel('邮箱').fill(email)
  await p.getByLabel('密码', { exact: true }).fill(password)
  await p.getByRole('button', { name: label('登录') }).click()
  await p.getByTestId('header-user').getByText(email).waitFor()
}

/** Types `search` into a searchable select and clicks the first option showing `option`. */
export async function pickOption(p: Page, select: Locator, search: string, option: string) {
  await select.click()
  await select.locator('input').fill(search)
  await p.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option }).first().click()
}
