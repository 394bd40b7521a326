// The Refine app: providers (data, live, auth, access control over the permission matrix), antd theme
// and locale, routes; the hand-made resources plus one generated resource per business table.
import { useNotificationProvider } from '@refinedev/antd'
import { Refine } from '@refinedev/core'
import { UnsavedChangesNotifier } from '@refinedev/react-router'
import type { SupabaseClient } from '@supabase/supabase-js'
import type { QueryClient } from '@tanstack/react-query'
import { App as AntdApp, ConfigProvider } from 'antd'
import { useMemo, useSyncExternalStore } from 'react'
import { BrowserRouter } from 'react-router'
import { DocumentTitle } from './components/DocumentTitle.tsx'
import { ForgetPreviousUser } from './components/ForgetPreviousUser.tsx'
import type { AdminConfig } from './config.ts'
import { generatedResources } from './generated/resources.tsx'
import { SchemaProvider, useSchemaOf } from './generated/SchemaContext.tsx'
import { createSchemaStore } from './generated/schemaStore.ts'
import { ANTD_LOCALES } from './i18n/antdLocale.ts'
import { createI18nProvider } from './i18n/i18nProvider.ts'
import { localeStore } from './i18n/locale.ts'
import { createAccessControlProvider } from './providers/accessControlProvider.ts'
import { createAuthProvider } from './providers/authProvider.ts'
import { createDataProvider } from './providers/dataProvider.ts'
import { createLiveProvider } from './providers/liveProvider.ts'
import { cachedRouterProvider } from './providers/routerProvider.ts'
import { SupabaseProvider } from './providers/supabaseContext.tsx'
import { permissionOf, resources } from './resources.tsx'
import { AppRoutes } from './routes.tsx'
import { THEME } from './theme.ts'

export function App({
  supabase,
  config,
  queryClient,
}: {
  supabase: SupabaseClient
  config: AdminConfig
  queryClient: QueryClient
}) {
  const locale = useSyncExternalStore(localeStore.subscribe, localeStore.get)
  const schemaStore = useMemo(() => createSchemaStore(supabase, config), [supabase, config])
  const { schema } = useSchemaOf(schemaStore)
  const allResources = useMemo(() => [...resources, ...generatedResources(schema, locale)], [schema, locale])
  const i18nProvider = useMemo(() => createI18nProvider(locale), [locale])
  const providers = useMemo(
    () => ({
      data: createDataProvider(supabase),
      live: createLiveProvider(supabase),
      auth: createAuthProvider(supabase),
      access: createAccessControlProvider(supabase, queryClient, permissionOf),
    }),
    [supabase, queryClient],
  )

  return (
    <SupabaseProvider client={supabase}>
      <SchemaProvider store={schemaStore}>
        <BrowserRouter>
          <ConfigProvider theme={THEME} locale={ANTD_LOCALES[locale]}>
            {/* Toasts bottom right: top right they cover the pages' own buttons (新建, 保存) for seconds. */}
            <AntdApp notification={{ placement: 'bottomRight' }}>
              <Refine
                dataProvider={providers.data}
                liveProvider={providers.live}
                authProvider={providers.auth}
                accessControlProvider={providers.access}
                routerProvider={cachedRouterProvider}
                i18nProvider={i18nProvider}
                notificationProvider={useNotificationProvider}
                resources={allResources}
                options={{
                  syncWithLocation: true,
                  warnWhenUnsavedChanges: true,
                  liveMode: 'auto',
                  disableTelemetry: true,
                  title: { text: 'Troika' },
                  reactQuery: { clientConfig: queryClient },
                }}
              >
                <AppRoutes />
                <UnsavedChangesNotifier />
                <DocumentTitle />
                <ForgetPreviousUser queryClient={queryClient} />
              </Refine>
            </AntdApp>
          </ConfigProvider>
        </BrowserRouter>
      </SchemaProvider>
    </SupabaseProvider>
  )
}
