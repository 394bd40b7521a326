// Vite plugin: antd's styles as a static CSS file instead of being generated in the browser.
// antd 5 writes each component's CSS in JavaScript on first render (CSS-in-JS); on a cold page load that
// was ~110 ms of scripting plus the style recalculations of ~100 injected <style> elements before a list
// could ask for its rows. The file is rendered at build time from antd itself (so it always matches the
// installed version) and carries antd's own "cache path" map, with which the runtime skips every style
// the file holds; anything not in it (a component the extractor does not render, a nested theme) is
// still generated as before.
// `import 'virtual:antd-styles.css'` gives the file in a build and nothing under the dev server, where
// antd names its styles differently and generates them anyway.
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Plugin } from 'vite'

const ID = 'virtual:antd-styles.css'
const RESOLVED = `\0${ID}`
const extractor = fileURLToPath(new URL('./extract-antd-styles.ts', import.meta.url))

async function extract(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', extractor], {
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 64 * 1024 * 1024,
  })
  if (!stdout.includes('data-ant-cssinjs-cache-path')) throw new Error('antd style extraction: no cache map')
  return stdout
}

export function antdStaticStyles(): Plugin {
  let build = false
  return {
    name: 'troika-antd-static-styles',
    configResolved(config) {
      build = config.command === 'build'
    },
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load: async (id) => (id === RESOLVED ? (build ? await extract() : '') : undefined),
  }
}
