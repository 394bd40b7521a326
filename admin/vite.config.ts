// Build of the admin SPA: `npx vite build --config admin/vite.config.ts` -> admin/dist (served by the gateway).
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig, type UserConfig } from 'vite'
import { antdStaticStyles } from './build/antd-styles.ts'

const root = fileURLToPath(new URL('.', import.meta.url))

// Libraries change less often than the app: separate chunks keep them cached across app releases.
const vendorGroups = [
  { name: 'react', priority: 40, test: /node_modules[\\/](react|react-dom|react-router|scheduler)[\\/]/ },
  { name: 'supabase', priority: 30, test: /node_modules[\\/]@supabase[\\/]/ },
]

// The markdown stack (refine's MarkdownField) does not declare itself free of side effects, so the
// bundler would keep all of it in the first download although only lazily loaded screens could use it.
const sideEffectFree =
  /node_modules[\\/](react-markdown|remark-[^\\/]+|micromark[^\\/]*|mdast-[^\\/]+|hast-[^\\/]+|unified|unist-[^\\/]+|vfile[^\\/]*|property-information|space-separated-tokens|comma-separated-tokens|decode-named-character-reference|character-entities[^\\/]*|ccount|trough|bail|is-plain-obj|zwitch|longest-streak|markdown-table|style-to-object|inline-style-parser|html-url-attributes|devlop|trim-lines|estree-util-is-identifier-name)[\\/]/

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
  plugins: [react(), antdStaticStyles()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: { codeSplitting: { groups: vendorGroups } },
      treeshake: { moduleSideEffects: (id: string) => !sideEffectFree.test(id) },
    },
  },
  ...(command === 'build' && mode === 'production' ? productionBuild : {}),
}))
