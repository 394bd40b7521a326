// What the browser tests do over and over in the admin: its address, signing in through the form, and
// choosing an option in a searchable select (antd renders the options in a popup outside the field).
import type { Locator, Page } from 'playwright-core'
import { expect } from 'vitest'
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

/**
 * antd animates its popups (dropdowns, popovers, select lists) in and out, and aligns them to their
 * trigger first: a click during that motion can land on a popup that is still moving or closing and do
 * nothing (seen on a loaded machine). This waits until `popup` is shown and its motion has ended.
 */
export async function settled(popup: Locator): Promise<Locator> {
  await popup.waitFor()
  await expect
    .poll(() => popup.getAttribute('class'), { message: 'the popup finishes its motion', timeout: 10_000 })
    .not.toMatch(/-(appear|enter|leave)(-|\b)/)
  return popup
}

/** Clicks the first option showing `option` in the open list of a select, once the list has settled. */
export async function clickOption(p: Page, option: string) {
  // the list of a select closed just before may still be fading out
  const list = await settled(p.locator('.ant-select-dropdown:visible:not([class*="-leave"])'))
  await list.locator('.ant-select-item-option', { hasText: option }).first().click()
}

/** Types `search` into a searchable select and clicks the first option showing `option`. */
export async function pickOption(p: Page, select: Locator, search: string, option: string) {
  await select.click()
  await select.locator('input').fill(search)
  await clickOption(p, option)
}

/**
 * Presses the button `ok` in `popup` (a popconfirm or a dialog) once it has settled, and waits until the
 * request to `rpc` has gone out, so that a test failing here says the click did nothing instead of timing
 * out on a later wait.
 */
async function pressCalling(p: Page, popup: Locator, ok: RegExp, rpc: string) {
  const button = (await settled(popup.filter({ has: p.getByRole('button', { name: ok }) }))).getByRole(
    'button',
    { name: ok },
  )
  const sent = p.waitForRequest((r) => new URL(r.url()).pathname.endsWith(`/rpc/${rpc}`), { timeout: 15_000 })
  await button.click()
  await sent.catch((error: Error) => {
    throw new Error(`pressing ${ok} did not call ${rpc}: ${error.message}`)
  })
}

/** Presses `ok` in the Popconfirm that `trigger` opens (see pressCalling). */
export async function confirmPopover(p: Page, trigger: Locator, ok: RegExp, rpc: string) {
  await trigger.click()
  await pressCalling(p, p.locator('.ant-popover:visible'), ok, rpc)
}

/** Presses `ok` in the dialog now opening (see pressCalling). */
export async function confirmDialog(p: Page, ok: RegExp, rpc: string) {
  await pressCalling(p, p.locator('.ant-modal:visible'), ok, rpc)
}

/** Types a day into an antd date picker (its input) and confirms it. */
export async function fillDate(picker: Locator, date: string) {
  await picker.click()
  await picker.fill(date)
  await picker.press('Enter')
}

/** Opens the company switcher in the header and gives its menu once it has settled. */
export async function openCompanyMenu(p: Page): Promise<Locator> {
  await p.getByTestId('tenant-switcher').click()
  return settled(p.locator('.ant-dropdown:visible:not([class*="-leave"])'))
}
