// The local edge-functions runtime: serves functions/<name>/index.ts at /functions/v1/<name>[/…] as
// Supabase's edge runtime does, each function in its own real Deno process (see pool.ts, deno-entry.ts).
// The gateway has already checked the apikey and handles CORS; this module checks the JWT (unless
// `[functions.<name>] verify_jwt = false`), starts or reuses the function's process and streams the
// exchange. Error answers follow Supabase's shapes:
//   404 { code: 'NOT_FOUND', message }            unknown function
//   401 { code: 401, message: 'Invalid JWT' }     (or 'Missing authorization header')
//   503 { code: 'BOOT_ERROR', message }           the process could not start
//   500 { code: 'WORKER_ERROR', message }         the handler threw, or the process died mid-request
import { stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { join, resolve } from 'node:path'
import { checkAuthorization, verifiesJwt } from './jwt.ts'
import { FunctionPool, type FunctionProcess } from './pool.ts'
import { proxyToFunction, sendJson } from './proxy.ts'

export interface FunctionsRuntimeOptions {
  /** Absolute path of the folder that holds <name>/index.ts. */
  functionsDir: string
  /** The whole parsed supabase/config.toml; reads `[functions.<name>] verify_jwt` and `enabled`. */
  // biome-ignore lint/suspicious/noExplicitAny: TOML is untyped; only the functions table is read.
  config: Record<string, any>
  jwtSecret: string
  /** SUPABASE_URL, SUPABASE_ANON_KEY, SUPABASE_SERVICE_ROLE_KEY, SUPABASE_DB_URL: the functions' env. */
  env: Record<string, string>
  log: (line: string) => void
  /** Longest cold start accepted; the first one may download npm packages. Default 60 s. */
  bootTimeoutMs?: number
}

export interface FunctionsRuntime {
  /** `subPath` is what follows /functions/v1, query string included, e.g. `/whoami/sub?x=1`. */
  handle(req: IncomingMessage, res: ServerResponse, subPath: string): void
  close(): Promise<void>
}

const namePattern = /^[A-Za-z0-9_-]+$/

export function createFunctionsRuntime(opts: FunctionsRuntimeOptions): FunctionsRuntime {
  const functionsDir = resolve(opts.functionsDir)
  const pool = new FunctionPool({
    functionsDir,
    env: opts.env,
    log: opts.log,
    bootTimeoutMs: opts.bootTimeoutMs ?? 60_000,
  })
  let closed = false

  async function exists(name: string): Promise<boolean> {
    // Folders starting with `_` (like _shared) hold code for functions, never a function.
    if (!namePattern.test(name) || name.startsWith('_')) return false
    if (opts.config?.functions?.[name]?.enabled === false) return false
    try {
      return (await stat(join(functionsDir, name, 'index.ts'))).isFile()
    } catch {
      return false
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse, subPath: string): Promise<void> {
    let gone = false
    res.once('close', () => {
      gone = true
    })
    const path = subPath.startsWith('/') ? subPath : `/${subPath}`
    const name = path.split('?')[0].split('/')[1] ?? ''
    if (closed) {
      sendJson(res, 503, { code: 'SERVICE_UNAVAILABLE', message: 'The functions runtime is shutting down' })
      return
    }
    if (!(await exists(name))) {
      sendJson(res, 404, { code: 'NOT_FOUND', message: 'Requested function was not found' })
      return
    }
    // Preflights pass unauthenticated, as on Supabase: browsers send no Authorization with them.
    if (req.method !== 'OPTIONS' && verifiesJwt(opts.config, name)) {
      const check = await checkAuthorization(req.headers, opts.jwtSecret)
      if (!check.ok) {
        sendJson(res, 401, { code: 401, message: check.message })
        return
      }
    }
    let worker: FunctionProcess
    let port: number
    try {
      worker = pool.get(name)
      port = await worker.ensure()
    } catch (error) {
      opts.log(`functions[${name}] failed to boot: ${(error as Error).message}`)
      sendJson(res, 503, { code: 'BOOT_ERROR', message: 'Worker failed to boot (please check logs)' })
      return
    }
    if (gone) return
    await proxyToFunction(req, res, port, path, async (error) => {
      opts.log(`functions[${name}] request failed: ${error.message}`)
      await worker.settle()
      sendJson(res, 500, {
        code: 'WORKER_ERROR',
        message: 'Function exited due to an error (please check logs)',
      })
    })
  }

  return {
    handle(req, res, subPath) {
      route(req, res, subPath).catch((error) => {
        opts.log(`functions: ${(error as Error).stack ?? error}`)
        sendJson(res, 500, {
          code: 'INTERNAL_ERROR',
          message: 'Request failed due to an internal server error',
        })
      })
    },
    async close() {
      closed = true
      await pool.close()
    },
  }
}
