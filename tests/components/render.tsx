// Renders an admin page the way App.tsx does (Refine with the router, i18n in Chinese, the supabase-js
// client, antd's App for notifications), inside a memory router at a route, against the fake PostgREST.
import { useNotificationProvider } from '@refinedev/antd'
import { type AuthProvider, Refine, type ResourceProps } from '@refinedev/core'
import routerProvider from '@refinedev/react-router'
import { createClient } from '@supabase/supabase-js'
import { QueryClient } from '@tanstack/react-query'
import { render } from '@testing-library/react'
import { App as AntdApp } from 'antd'
import type { ReactElement } from 'react'
import { MemoryRouter, Route, Routes } from 'react-router'
import { createI18nProvider } from '../../admin/src/i18n/i18nProvider.ts'
import { createDataProvider } from '../../admin/src/providers/dataProvider.ts'
import { SupabaseProvider } from '../../admin/src/providers/supabaseContext.tsx'
import { API } from './fake-postgrest.ts'

export const TENANT = '00000000-0000-4000-8000-000000000001'

let clients = 0

/** A person signed in, for pages that show sign-out (the auth calls themselves are not under test). */
const signedInAuth: AuthProvider = {
  login: async () => ({ success: true }),
  logout: async () => ({ success: true }),
  check: async () => ({ authenticated: true }),
  onError: async () => ({}),
}

export function renderPage(
  page: ReactElement,
  {
    path,
    at,
    resources = [],
    signedIn = false,
  }: { path: string; at: string; resources?: ResourceProps[]; signedIn?: boolean },
) {
  const supabase = createClient(API, 'fake-anon-key', {
    auth: { persistSession: false, autoRefreshToken: false, storageKey: `fake-${++clients}` },
  })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  return render(
    <SupabaseProvider client={supabase}>
      <MemoryRouter initialEntries={[at]}>
        <AntdApp>
          <Refine
            routerProvider={routerProvider}
            i18nProvider={createI18nProvider('zh-CN')}
            dataProvider={createDataProvider(supabase)}
            notificationProvider={useNotificationProvider}
            resources={resources}
            authProvider={signedIn ? signedInAuth : undefined}
            options={{ disableTelemetry: true, reactQuery: { clientConfig: queryClient } }}
          >
            <Routes>
              <Route path={path} element={page} />
            </Routes>
          </Refine>
        </AntdApp>
      </MemoryRouter>
    </SupabaseProvider>,
  )
}

/** my_tenants and my_permissions of a person in one company with the rights given. */
export function tenancy(rights: Array<[string, string]>) {
  return {
    'rpc/my_tenants': [
      {
        tenant_id: TENANT,
        name: '测试贸易有限公司',
        active: true,
        role_keys: ['owner'],
        status: 'trial',
        trial_days_left: 30,
      },
    ],
    'rpc/my_permissions': rights.map(([resource, action]) => ({ resource, action })),
  }
}
