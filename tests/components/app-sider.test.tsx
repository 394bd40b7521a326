// The side menu against the permission matrix (my_permissions from the fake PostgREST): entries without
// the read right are not drawn, a group without a visible entry disappears, pages without a guard and the
// sign-out entry are always there. And lazy pages: a page whose code is loaded renders without suspending.
import { ThemedLayout } from '@refinedev/antd'
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { createElement, Suspense } from 'react'
import { afterEach, describe, expect, test } from 'vitest'
import { AppSider } from '../../admin/src/components/AppSider.tsx'
import { lazyNamed } from '../../admin/src/lazyNamed.ts'
import { fakePostgrest } from './fake-postgrest.ts'
import { renderPage, tenancy } from './render.tsx'

const resources = [
  { name: 'home', list: '/' },
  { name: 'dashboard', list: '/dashboard', meta: { permission: 'dashboard' } },
  { name: 'sales_order_entry', list: '/sales-orders', meta: { permission: 'sales_orders' } },
  { name: 'group:books', meta: { label: '基础资料' } },
  {
    name: 'accounts',
    list: '/data/accounts',
    meta: { label: '科目', parent: 'group:books', permission: 'accounts' },
  },
  { name: 'group:other', meta: { label: '其他' } },
  {
    name: 'tax_codes',
    list: '/data/tax_codes',
    meta: { label: '税码', parent: 'group:other', permission: 'tax_codes' },
  },
]

// antd reads the screen width through matchMedia: every min-width query matching = a desktop screen.
const mobileMatchMedia = window.matchMedia
function desktopScreen() {
  window.matchMedia = (query: string) => ({ ...mobileMatchMedia(query), matches: true })
}
afterEach(() => {
  window.matchMedia = mobileMatchMedia
})

function renderLayout() {
  return renderPage(
    <ThemedLayout Sider={AppSider} Header={() => null}>
      <p>内容</p>
    </ThemedLayout>,
    { path: '*', at: '/sales-orders', resources, signedIn: true },
  )
}

describe('side menu', () => {
  test('shows what the rights allow, hides the rest and empty groups', async () => {
    fakePostgrest(
      tenancy([
        ['sales_orders', 'read'],
        ['accounts', 'read'],
        ['tax_codes', 'create'], // a right, but not to read: the entry stays hidden
      ]),
    )
    desktopScreen()
    renderLayout()
    const menu = await screen.findByRole('menu')
    await within(menu).findByText('销售订单')
    expect(within(menu).getByText('首页')).toBeTruthy()
    expect(within(menu).getByText('基础资料')).toBeTruthy()
    expect(within(menu).getByText('退出登录')).toBeTruthy()
    expect(within(menu).queryByText('老板看板')).toBeNull()
    expect(within(menu).queryByText('其他')).toBeNull()
    // The page the URL shows is the selected entry.
    expect(within(menu).getByText('销售订单').closest('li')?.className).toContain('ant-menu-item-selected')
  })

  test('without any right: the open pages and sign-out only (a narrow screen: in the drawer)', async () => {
    fakePostgrest(tenancy([]))
    renderLayout()
    expect(screen.queryByRole('menu')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'bars' }))
    const menu = await screen.findByRole('menu')
    await within(menu).findByText('首页')
    await waitFor(() => expect(within(menu).queryByText('销售订单')).toBeNull())
    expect(within(menu).queryByText('基础资料')).toBeNull()
    expect(within(menu).getByText('退出登录')).toBeTruthy()
  })
})

function Hello({ who }: { who: string }) {
  return <b>你好，{who}</b>
}
function Later() {
  return <b>稍后</b>
}

describe('lazy pages', () => {
  test('a page whose code is loaded renders at once, without the Suspense fallback', async () => {
    const Page = lazyNamed(async () => ({ Hello }), 'Hello')
    await Page.preload()
    renderPage(<Suspense fallback={<i>加载中</i>}>{createElement(Page, { who: '张三' })}</Suspense>, {
      path: '/',
      at: '/',
    })
    // Synchronously after render: no fallback round (React would hold the page back up to 300 ms).
    expect(screen.getByText('你好，张三')).toBeTruthy()
    expect(screen.queryByText('加载中')).toBeNull()
  })

  test('a page not loaded yet shows the fallback, then itself', async () => {
    const Page = lazyNamed(async () => ({ Later }), 'Later')
    renderPage(
      <Suspense fallback={<i>加载中</i>}>
        <Page />
      </Suspense>,
      { path: '/', at: '/' },
    )
    expect(screen.getByText('加载中')).toBeTruthy()
    expect(await screen.findByText('稍后')).toBeTruthy()
  })
})
