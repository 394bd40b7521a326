// The single entry point, as Supabase's API gateway: /rest/v1, /auth/v1, /functions/v1, /realtime/v1,
// the `apikey` check, CORS, a body limit, JSON errors; everything else is the admin's static build.
import {
  Agent,
  createServer,
  type IncomingMessage,
  request,
  type Server,
  type ServerResponse,
} from 'node:http'
import type { Duplex } from 'node:stream'
import { serveStatic } from './static-files.ts'

export type Handler = (req: IncomingMessage, res: ServerResponse, subPath: string) => void | Promise<void>

export interface GatewayOptions {
  port: number
  host?: string
  restUrl: string
  auth: Handler
  functions: Handler
  realtimeUpgrade: (req: IncomingMessage, socket: Duplex, head: Buffer, subPath: string) => void
  adminDir: string
  publicConfig: { supabaseUrl: string; anonKey: string }
  apiKeys: string[]
  bodyLimitBytes: number
  log: (line: string) => void
}

// Auth routes the platform leaves open (links opened from e-mails carry no apikey).
const openAuthRoutes = /^\/(verify|callback|authorize)(\/|\?|$)/

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  if (res.headersSent) {
    res.destroy()
    return
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers })
  res.end(JSON.stringify(body))
}

function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin
  return {
    'access-control-allow-origin': origin ?? '*',
    ...(origin ? { 'access-control-allow-credentials': 'true', vary: 'Origin' } : {}),
    'access-control-expose-headers':
      'content-range, content-location, location, preference-applied, range-unit, x-total-count, x-supabase-api-version',
  }
}

function apiKeyOf(req: IncomingMessage): string | undefined {
  const header = req.headers.apikey
  if (typeof header === 'string' && header) return header
  const url = new URL(req.url ?? '/', 'http://gateway')
  return url.searchParams.get('apikey') ?? undefined
}

/** Kong's key-auth: a missing or unknown apikey is refused before any service sees the request. */
function checkApiKey(req: IncomingMessage, keys: string[]): { status: number; message: string } | undefined {
  const key = apiKeyOf(req)
  if (!key) return { status: 401, message: 'No API key found in request' }
  if (!keys.includes(key)) return { status: 401, message: 'Invalid API key' }
  return undefined
}

function split(url: string, prefix: string): string | undefined {
  if (url === prefix || url.startsWith(`${prefix}/`) || url.startsWith(`${prefix}?`)) {
    return url.slice(prefix.length) || '/'
  }
  return undefined
}

export function startGateway(opts: GatewayOptions): Promise<{ server: Server; close(): Promise<void> }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 512 })
  const rest = new URL(opts.restUrl)

  const proxyRest = (
    req: IncomingMessage,
    res: ServerResponse,
    subPath: string,
    cors: Record<string, string>,
  ) => {
    const headers = { ...req.headers, host: rest.host }
    // As on Supabase, the apikey stands in for a missing Authorization header.
    if (!headers.authorization) headers.authorization = `Bearer ${apiKeyOf(req)}`
    const upstream = request(
      { host: rest.hostname, port: rest.port, method: req.method, path: subPath, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...cors })
        answer.pipe(res)
      },
    )
    upstream.on('error', (error) =>
      sendJson(res, 502, { message: `REST service unavailable: ${error.message}` }, cors),
    )
    // Most API calls are GETs without a body: skip the stream plumbing for them.
    const hasBody =
      req.headers['content-length'] !== undefined || req.headers['transfer-encoding'] !== undefined
    if (hasBody) limitBody(req, res, opts.bodyLimitBytes, cors).pipe(upstream)
    else upstream.end()
  }

  const route = async (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/'
    const cors = corsHeaders(req)
    for (const [k, v] of Object.entries(cors)) res.setHeader(k, v)

    const isApi = /^\/(rest|auth|functions|realtime|graphql|storage|pg|analytics)(\/|\?|$)/.test(url)
    if (isApi && req.method === 'OPTIONS') {
      res.writeHead(204, {
        'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
        'access-control-allow-headers':
          req.headers['access-control-request-headers'] ??
          'authorization, x-client-info, apikey, content-type, prefer, range, accept-profile, content-profile',
        'access-control-max-age': '3600',
      })
      res.end()
      return
    }
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > opts.bodyLimitBytes) {
      req.resume()
      sendJson(res, 413, { message: `Request body is larger than ${opts.bodyLimitBytes} bytes` })
      return
    }

    let sub = split(url, '/rest/v1')
    if (sub !== undefined) {
      const refused = checkApiKey(req, opts.apiKeys)
      if (refused) return sendJson(res, refused.status, { message: refused.message })
      return proxyRest(req, res, sub, cors)
    }
    sub = split(url, '/auth/v1')
    if (sub !== undefined) {
      const refused = openAuthRoutes.test(sub) ? undefined : checkApiKey(req, opts.apiKeys)
      if (refused) return sendJson(res, refused.status, { message: refused.message })
      return opts.auth(req, res, sub)
    }
    // Edge functions check the JWT themselves (verify_jwt), as on Supabase: no apikey needed here.
    sub = split(url, '/functions/v1')
    if (sub !== undefined) return opts.functions(req, res, sub)
    if (isApi) return sendJson(res, 404, { message: 'no Route matched with those values' })
    if (url === '/troika-config.json')
      return sendJson(res, 200, opts.publicConfig, { 'cache-control': 'no-store' })
    if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(opts.adminDir, req, res)
    sendJson(res, 404, { message: 'no Route matched with those values' })
  }

  const server = createServer((req, res) => {
    Promise.resolve(route(req, res)).catch((error: Error) => {
      opts.log(`gateway: ${req.method} ${req.url}: ${error.stack ?? error.message}`)
      sendJson(res, 500, { message: 'Internal gateway error' })
    })
  })
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy())
    const sub = split(req.url ?? '/', '/realtime/v1')
    const refused = sub === undefined ? { status: 404, message: 'Not Found' } : checkApiKey(req, opts.apiKeys)
    if (refused || sub === undefined) {
      const body = JSON.stringify({ message: refused?.message })
      socket.end(
        `HTTP/1.1 ${refused?.status} ${refused?.status === 404 ? 'Not Found' : 'Unauthorized'}\r\n` +
          `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      )
      return
    }
    try {
      opts.realtimeUpgrade(req, socket, head, sub)
    } catch (error) {
      opts.log(`gateway: realtime upgrade failed: ${(error as Error).message}`)
      socket.destroy()
    }
  })
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n')
    else socket.destroy()
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject)
      resolve({
        server,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            server.closeAllConnections()
            agent.destroy()
          }),
      })
    })
  })
}

/** Passes the body through while counting; a body that grows past the limit is answered with 413. */
function limitBody(req: IncomingMessage, res: ServerResponse, limit: number, cors: Record<string, string>) {
  let seen = 0
  req.on('data', (chunk: Buffer) => {
    seen += chunk.length
    if (seen > limit) {
      req.unpipe()
      sendJson(res, 413, { message: `Request body is larger than ${limit} bytes` }, cors)
      req.destroy()
    }
  })
  return req
}
