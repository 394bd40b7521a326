// Request parsing and response writing for the auth routes.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { AuthError, apiVersionHeader, badRequest, errorBody, type OAuthError } from './errors.ts'

/** Bodies are small JSON documents; the gateway enforces its own, larger limit too. */
const maxBodyBytes = 1024 * 1024

export type Json = Record<string, unknown>

export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

export const json = (body: unknown, status = 200, headers?: Record<string, string>): Reply => ({
  status,
  body,
  headers,
})
export const redirect = (location: string): Reply => ({ status: 303, headers: { location } })

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    if (req.destroyed || req.readableEnded) {
      reject(new AuthError(400, 'bad_json', 'Could not read the request body'))
      return
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBodyBytes) {
        reject(new AuthError(413, 'request_too_large', 'Request body is too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    let ended = false
    req.on('end', () => {
      ended = true
      resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
    // A client that goes away mid-body must not leave the request (and shutdown) waiting forever.
    req.on('close', () => {
      if (!ended) reject(new AuthError(400, 'bad_json', 'Could not read the request body'))
    })
  })
}

/** Parses a JSON object body as GoTrue does: anything else is a 400 bad_json. */
export function parseJsonObject(text: string): Json {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (error) {
    throw badRequest('bad_json', `Could not parse request body as JSON: ${(error as Error).message}`)
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('bad_json', 'Could not parse request body as JSON: expected a JSON object')
  }
  return value as Json
}

const typeError = (field: string, want: string, got: unknown) =>
  badRequest(
    'bad_json',
    `Could not parse request body as JSON: json: cannot unmarshal ${got === null ? 'null' : Array.isArray(got) ? 'array' : typeof got} into field ${field} of type ${want}`,
  )

/** A string field; absent or null reads as ''. */
export function str(body: Json, field: string): string {
  const value = body[field]
  if (value === undefined || value === null) return ''
  if (typeof value !== 'string') throw typeError(field, 'string', value)
  return value
}

export function bool(body: Json, field: string): boolean {
  const value = body[field]
  if (value === undefined || value === null) return false
  if (typeof value !== 'boolean') throw typeError(field, 'bool', value)
  return value
}

/** An object field (metadata); absent or null reads as undefined. */
export function obj(body: Json, field: string): Json | undefined {
  const value = body[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'object' || Array.isArray(value))
    throw typeError(field, 'map[string]interface {}', value)
  return value as Json
}

export function clientIp(req: IncomingMessage): string {
  const address = req.socket.remoteAddress ?? ''
  return address.startsWith('::ffff:') ? address.slice(7) : address
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization
  const match = typeof header === 'string' ? /^\s*bearer\s+(\S+)\s*$/i.exec(header) : null
  return match?.[1]
}

const exposed = ['x-total-count', 'link', apiVersionHeader]

export function send(res: ServerResponse, reply: Reply, apiVersion: string | undefined) {
  if (res.headersSent || res.destroyed) return
  const headers: Record<string, string> = { ...reply.headers }
  if (apiVersion) headers[apiVersionHeader] = apiVersion
  // The gateway sets CORS headers; make sure the ones auth-js reads are readable from a browser.
  const current = String(res.getHeader('access-control-expose-headers') ?? '')
  const missing = exposed.filter(
    (h) =>
      !current
        .toLowerCase()
        .split(/\s*,\s*/)
        .includes(h),
  )
  if (missing.length)
    headers['access-control-expose-headers'] = [current, ...missing].filter(Boolean).join(', ')
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers)
    res.end()
    return
  }
  const text = JSON.stringify(reply.body)
  res.writeHead(reply.status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
    ...headers,
  })
  res.end(text)
}

export function sendError(
  res: ServerResponse,
  error: AuthError | OAuthError,
  apiVersion: string | undefined,
) {
  const { status, body } = errorBody(error, apiVersion)
  send(res, { status, body }, apiVersion)
}
