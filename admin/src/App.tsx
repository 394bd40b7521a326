// The Refine app: providers, antd theme and locale, routes.
import { RefineThemes, useNotificationProvider } from '@refinedev/antd'
import { Refine } from '@refinedev/core'
import routerProvider, { UnsavedChangesNotifier } from '@refinedev/react-router'
import { dataProvider, liveProvider } from '@refinedev/supabase'
import type { SupabaseClient } from '@supabase/supabase-js'
import { App as AntdApp, ConfigProvider } from 'antd'
import { useMemo, useSyncExternalStore } from 'react'
import { BrowserRouter } from 'react-router'
import { DocumentTitle } from './components/DocumentTitle.tsx'
import { ANTD_LOCALES } from './i18n/antdLocale.ts'
import { createI18nProvider } from './i18n/i18nProvider.ts'
import { localeStore } from './i18n/locale.ts'
import { createAuthProvider } from './providers/authProvider.ts'
import { resources } from './resources.tsx'
import { AppRoutes } from './routes.tsx'

export function App({ supabase }: { supabase: SupabaseClient }) {
  const locale = useSyncExternalStore(localeStore.subscribe, localeStore.get)
  const i18nProvider = useMemo(() => createI18nProvider(locale), [locale])
  const providers = useMemo(
    () => ({
      data: dataProvider(supabase),
      live: liveProvider(supabase),
      auth: createAuthProvider(supabase),
    }),
    [supabase],
  )

  return (
    <BrowserRouter>
      <ConfigProvider theme={RefineThemes.Blue} locale={ANTD_LOCALES[locale]}>
        <AntdApp>
          <Refine
            dataProvider={providers.data}
            liveProvider={providers.live}
            authProvider={providers.auth}
            routerProvider={routerProvider}
            i18nProvider={i18nProvider}
            notificationProvider={useNotificationProvider}
            resources={resources}
            options={{
              syncWithLocation: true,
              warnWhenUnsavedChanges: true,
              liveMode: 'auto',
              disableTelemetry: true,
              title: { text: 'Troika' },
            }}
          >
            <AppRoutes />
            <UnsavedChangesNotifier />
            <DocumentTitle />
          </Refine>
        </AntdApp>
      </ConfigProvider>
    </BrowserRouter>
  )
}
