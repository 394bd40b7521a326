// The side menu: Refine's resource tree, filtered by the permission matrix in one synchronous pass.
// Refine's ThemedSider wraps every entry in <CanAccess> (one asynchronous access query per entry, ~120
// with the generated tables), rebuilds them all on every URL change, and ThemedLayout calls it once more
// as a plain function to learn whether there is a sider; on a bookmarked list that was ~200 ms before the
// rows could show (bench:admin). Same entries, order, icons, collapse button, mobile drawer and sign-out.
// The decisions are the access-control provider's (guardOf), so menus and buttons agree.
import {
  BarsOutlined,
  LeftOutlined,
  LogoutOutlined,
  RightOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons'
import { useThemedLayoutContext } from '@refinedev/antd'
import {
  type TreeMenuItem,
  useIsExistAuthentication,
  useLink,
  useLogout,
  useMenu,
  useTranslate,
  useWarnAboutChange,
} from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Button, Drawer, Grid, Layout, Menu, type MenuProps, theme } from 'antd'
import { memo, type ReactNode, useCallback, useMemo } from 'react'
import { guardOf } from '../providers/accessControlProvider.ts'
import { useSupabase } from '../providers/supabaseContext.tsx'
import { permissionOf } from '../resources.tsx'
import { allows, matrixAction, type PermissionSet } from '../tenancy/permissions.ts'
import { myPermissionsQuery } from '../tenancy/queries.ts'
import { AppTitle } from './AppTitle.tsx'

type MenuItems = NonNullable<MenuProps['items']>
type LinkComponent = ReturnType<typeof useLink>

const EXPANDED_WIDTH = 200
const COLLAPSED_WIDTH = 80

/** The entries a person may open; a group stays only while it has one. */
function visibleTree(tree: TreeMenuItem[], rights: PermissionSet): TreeMenuItem[] {
  return tree.flatMap((item) => {
    const guard = guardOf(item.name, item.meta, permissionOf)
    if (guard && !allows(rights, guard, matrixAction('list'))) return []
    if (item.children.length === 0) return [item]
    const children = visibleTree(item.children, rights)
    return children.length > 0 ? [{ ...item, children }] : []
  })
}

function toMenuItems(tree: TreeMenuItem[], Link: LinkComponent, selectedKey: string | undefined): MenuItems {
  return tree.map((item) => {
    const label = item.label ?? item.name
    if (item.children.length > 0) {
      return {
        key: item.key,
        icon: item.icon ?? <UnorderedListOutlined />,
        label,
        children: toMenuItems(item.children, Link, selectedKey),
      }
    }
    // Top-level pages get a default icon, entries of a group only their own (as Refine draws them).
    const topLevel = item.meta?.parent === undefined
    return {
      key: item.key,
      icon: item.icon ?? (topLevel ? <UnorderedListOutlined /> : undefined),
      label: (
        <>
          {/* its page's code starts loading when the pointer rests on it (preloadLinksOnHover) */}
          <Link to={item.route ?? ''}>{label}</Link>
          {item.key === selectedKey && <div className="ant-menu-tree-arrow" />}
        </>
      ),
    }
  })
}

// Memoised: a URL change that keeps the selected entry (paging, sorting, filtering) renders nothing here.
const SiderMenu = memo(function SiderMenu({
  items,
  selectedKey,
  defaultOpenKeys,
  onClick,
}: {
  items: MenuItems
  selectedKey: string | undefined
  defaultOpenKeys: string[]
  onClick: () => void
}) {
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={selectedKey ? [selectedKey] : []}
      defaultOpenKeys={defaultOpenKeys}
      onClick={onClick}
      style={{ paddingTop: 8, border: 'none', overflow: 'auto', height: 'calc(100% - 72px)' }}
    />
  )
})

function useSiderMenu(collapsed: boolean, closeDrawer: () => void): ReactNode {
  const translate = useTranslate()
  const Link = useLink()
  const { menuItems, selectedKey, defaultOpenKeys } = useMenu()
  const { data: rights } = useQuery(myPermissionsQuery(useSupabase()))
  const signedIn = useIsExistAuthentication()
  const { mutate: logout } = useLogout()
  const { warnWhen, setWarnWhen } = useWarnAboutChange()

  const signOut = useCallback(() => {
    if (warnWhen) {
      const leave = window.confirm(
        translate('warnWhenUnsavedChanges', 'Are you sure you want to leave? You have unsaved changes.'),
      )
      if (!leave) return
      setWarnWhen(false)
    }
    logout()
  }, [warnWhen, setWarnWhen, logout, translate])

  const shownKey = collapsed ? undefined : selectedKey
  const items = useMemo((): MenuItems => {
    // Until the rights are in, no entry (as <CanAccess> showed none while it asked).
    const entries = rights ? toMenuItems(visibleTree(menuItems, rights), Link, shownKey) : []
    const signOutItem = signedIn
      ? [
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: translate('buttons.logout', 'Logout'),
            onClick: signOut,
          },
        ]
      : []
    return [...entries, ...signOutItem]
  }, [rights, menuItems, Link, shownKey, signedIn, translate, signOut])
  // Read by the menu once, at mount; a new array of the same keys must not re-render it.
  const openKeysText = defaultOpenKeys.join('\n')
  const openKeys = useMemo(() => (openKeysText ? openKeysText.split('\n') : []), [openKeysText])

  return (
    <SiderMenu items={items} selectedKey={selectedKey} defaultOpenKeys={openKeys} onClick={closeDrawer} />
  )
}

function AppSiderView() {
  const { token } = theme.useToken()
  const { siderCollapsed, setSiderCollapsed, mobileSiderOpen, setMobileSiderOpen } = useThemedLayoutContext()
  const breakpoint = Grid.useBreakpoint()
  const isMobile = breakpoint.lg === undefined ? false : !breakpoint.lg
  const closeDrawer = useCallback(() => setMobileSiderOpen(false), [setMobileSiderOpen])
  const menu = useSiderMenu(!isMobile && siderCollapsed, closeDrawer)

  const titleBar = (collapsed: boolean) => (
    <div
      style={{
        width: collapsed ? COLLAPSED_WIDTH : EXPANDED_WIDTH,
        padding: collapsed ? 0 : '0 16px',
        display: 'flex',
        justifyContent: collapsed ? 'center' : 'flex-start',
        alignItems: 'center',
        height: 64,
        backgroundColor: token.colorBgElevated,
        fontSize: 14,
      }}
    >
      <AppTitle collapsed={collapsed} />
    </div>
  )

  if (isMobile) {
    return (
      <>
        <Drawer
          open={mobileSiderOpen}
          onClose={closeDrawer}
          placement="left"
          closable={false}
          width={EXPANDED_WIDTH}
          styles={{ body: { padding: 0 } }}
          maskClosable
        >
          <Layout>
            <Layout.Sider
              style={{
                height: '100vh',
                backgroundColor: token.colorBgContainer,
                borderRight: `1px solid ${token.colorBgElevated}`,
              }}
            >
              {titleBar(false)}
              {menu}
            </Layout.Sider>
          </Layout>
        </Drawer>
        <Button
          style={{ borderRadius: '0 6px 6px 0', position: 'fixed', top: 64, zIndex: 999 }}
          size="large"
          onClick={() => setMobileSiderOpen(true)}
          icon={<BarsOutlined />}
        />
      </>
    )
  }

  const ToggleIcon = siderCollapsed ? RightOutlined : LeftOutlined
  return (
    <Layout.Sider
      style={{
        backgroundColor: token.colorBgContainer,
        borderRight: `1px solid ${token.colorBgElevated}`,
        // The menu is longer than most screens: it scrolls in a sider as high as the window, which stays
        // in place while a long page scrolls, so the collapse button (fixed at the bottom) covers no entry.
        position: 'sticky',
        top: 0,
        height: '100vh',
      }}
      collapsible
      collapsed={siderCollapsed}
      onCollapse={(collapsed, type) => {
        if (type === 'clickTrigger') setSiderCollapsed(collapsed)
      }}
      collapsedWidth={COLLAPSED_WIDTH}
      breakpoint="lg"
      trigger={
        <Button
          type="text"
          style={{ borderRadius: 0, height: '100%', width: '100%', backgroundColor: token.colorBgElevated }}
        >
          <ToggleIcon style={{ color: token.colorPrimary }} />
        </Button>
      }
    >
      {titleBar(siderCollapsed)}
      {menu}
    </Layout.Sider>
  )
}

/**
 * ThemedLayout calls its Sider as a plain function to see whether one is there; this wrapper has no hooks,
 * so that call costs nothing and the menu renders once, as its own component.
 */
export function AppSider() {
  return <AppSiderView />
}
