// The local stack's auth server: a GoTrue-compatible API (what @supabase/supabase-js' auth client calls)
// served in-process behind the gateway's /auth/v1 prefix, storing everything in GoTrue's auth.* tables.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type pg from 'pg'
import { readAuthConfig } from './config.ts'
import { type AuthDeps, makeContext } from './context.ts'
import { AuthError, apiVersionHeader, internalError, OAuthError, requestedApiVersion } from './errors.ts'
import { clientIp, send, sendError } from './http.ts'
import { secretKey } from './jwt.ts'
import { createRateLimiter } from './rate-limit.ts'
import { route } from './router.ts'

export interface AuthHandlerOptions {
  /** Connected as supabase_auth_admin. */
  pool: pg.Pool
  jwtSecret: string
  /** The [auth] table of supabase/config.toml (keys may be missing: the CLI's defaults apply). */
  // biome-ignore lint/suspicious/noExplicitAny: TOML is untyped; config.ts checks every value.
  config: Record<string, any> | undefined
  /** Public base URL, e.g. http://127.0.0.1:54321 (links and the `iss` claim). */
  apiUrl: string
  log: (line: string) => void
}

export interface AuthHandler {
  handle(req: IncomingMessage, res: ServerResponse, subPath: string): void
  close(): Promise<void>
}

const fiveMinutes = 5 * 60 * 1000

export function createAuthHandler(opts: AuthHandlerOptions): AuthHandler {
  const config = readAuthConfig(opts.config)
  const apiUrl = opts.apiUrl.replace(/\/+$/, '')
  const deps: AuthDeps = {
    pool: opts.pool,
    config,
    key: secretKey(opts.jwtSecret),
    apiUrl,
    issuer: config.jwtIssuer || `${apiUrl}/auth/v1`,
    log: opts.log,
    limiters: {
      signIn: createRateLimiter(config.rateLimit.signInSignUps, fiveMinutes),
      refresh: createRateLimiter(config.rateLimit.tokenRefresh, fiveMinutes),
      verify: createRateLimiter(config.rateLimit.tokenVerifications, fiveMinutes),
      anonymous: createRateLimiter(config.rateLimit.anonymousUsers, 12 * fiveMinutes),
    },
  }
  const inflight = new Set<Promise<void>>()
  let closed = false
  // An idle pooled connection that dies (Postgres restarting) must not take the process down.
  const onPoolError = (error: Error) => opts.log(`auth: database connection error: ${error.message}`)
  opts.pool.on('error', onPoolError)

  async function serve(req: IncomingMessage, res: ServerResponse, subPath: string) {
    const apiVersion = requestedApiVersion(req.headers[apiVersionHeader])
    try {
      if (closed) throw new AuthError(503, 'unexpected_failure', 'The auth server is shutting down')
      const reply = await route(makeContext(deps, req, subPath, clientIp(req)))
      send(res, reply, apiVersion)
    } catch (error) {
      if (error instanceof AuthError || error instanceof OAuthError) {
        if (error instanceof AuthError && error.status >= 500)
          opts.log(`auth: ${req.method} ${subPath}: ${error.message}`)
        sendError(res, error, apiVersion)
        return
      }
      opts.log(`auth: ${req.method} ${subPath}: ${(error as Error)?.stack ?? String(error)}`)
      sendError(
        res,
        internalError('Unexpected failure, please check server logs for more information'),
        apiVersion,
      )
    }
  }

  return {
    handle(req, res, subPath) {
      const work = serve(req, res, subPath).catch((error: Error) => {
        opts.log(`auth: could not answer ${req.method} ${subPath}: ${error.message}`)
        if (!res.headersSent) res.destroy()
      })
      inflight.add(work)
      void work.finally(() => inflight.delete(work))
    },
    async close() {
      closed = true
      const drained = Promise.allSettled([...inflight])
      await Promise.race([drained, new Promise((resolve) => setTimeout(resolve, 5000).unref())])
      opts.pool.off('error', onPoolError)
      for (const limiter of Object.values(deps.limiters)) limiter.clear()
    },
  }
}
