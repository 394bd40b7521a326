// Build of the admin SPA: `npx vite build --config admin/vite.config.ts` -> admin/dist (served by the gateway).
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type UserConfig } from 'vite'

const root = fileURLToPath(new URL('.', import.meta.url))

// Libraries change less often than the app: separate chunks keep them cached across app releases.
const vendorGroups = [
  { name: 'react', priority: 40, test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
  { name: 'supabase', priority: 30, test: /node_modules[\\/]@supabase[\\/]/ },
  { name: 'antd', priority: 20, test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+)[\\/]/ },
  { name: 'refine', priority: 10, test: /node_modules[\\/](@refinedev|@tanstack)[\\/]/ },
]

// Vite takes "production" from NODE_ENV, which a host process may have set already (vitest sets
// NODE_ENV=test and would get React's development build). A production-mode build is pinned here instead.
const productionBuild: UserConfig = {
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  oxc: { jsx: { development: false } },
  resolve: { conditions: ['module', 'browser', 'production'] },
}

export default defineConfig(({ command, mode }) => ({
  root,
  base: '/',
  envDir: root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: { output: { codeSplitting: { groups: vendorGroups } } },
  },
  ...(command === 'build' && mode === 'production' ? productionBuild : {}),
}))
