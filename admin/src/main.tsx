// Entry: resolve the Supabase config first, then mount the Refine app (or a plain error page).
import '@refinedev/antd/dist/reset.css'
import 'virtual:antd-styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { BootError } from './components/BootError.tsx'
import { createSupabase, loadConfig } from './config.ts'
import { loadMessages } from './i18n/catalog.ts'
import { localeStore } from './i18n/locale.ts'
import { preloadLinksOnHover, preloadPageOf } from './pages.ts'
import { createQueryClient } from './providers/queryClient.ts'
import { prefetchTenancy } from './tenancy/queries.ts'

// A page opened directly (a bookmark, a reload) fetches its code while the app signs in and reads the
// company, instead of after the layout has rendered.
preloadPageOf(window.location.pathname)
preloadLinksOnHover()

async function boot(): Promise<void> {
  const el = document.getElementById('root')
  if (!el) throw new Error('#root missing from index.html')
  const root = createRoot(el)
  try {
    const [config] = await Promise.all([loadConfig(), loadMessages(localeStore.get())])
    const supabase = createSupabase(config)
    const queryClient = createQueryClient()
    void prefetchTenancy(supabase, queryClient)
    root.render(
      <StrictMode>
        <App supabase={supabase} config={config} queryClient={queryClient} />
      </StrictMode>,
    )
  } catch (error) {
    root.render(<BootError error={error} />)
  }
}

void boot()
