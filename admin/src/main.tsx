// Entry: resolve the Supabase config first, then mount the Refine app (or a plain error page).
import '@refinedev/antd/dist/reset.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App.tsx'
import { BootError } from './components/BootError.tsx'
import { createSupabase, loadConfig } from './config.ts'

// A page opened directly at a generated screen (a bookmark, a reload) fetches that screen's code while
// the app signs in and reads the company, instead of after the layout has rendered.
if (window.location.pathname.startsWith('/data/')) void import('./generated/GeneratedScreen.tsx')

async function boot(): Promise<void> {
  const el = document.getElementById('root')
  if (!el) throw new Error('#root missing from index.html')
  const root = createRoot(el)
  try {
    const config = await loadConfig()
    const supabase = createSupabase(config)
    root.render(
      <StrictMode>
        <App supabase={supabase} config={config} />
      </StrictMode>,
    )
  } catch (error) {
    root.render(<BootError error={error} />)
  }
}

void boot()
