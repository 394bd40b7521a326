// The gateway answers bad input with JSON errors and keeps serving.
import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { stackInfo } from './helpers/stack.ts'

const url = (path: string) => `${stackInfo().apiUrl}${path}`
const withKey = () => ({ apikey: stackInfo().anonKey })

/** Sends bytes as they are (clients normalise paths and upgrades away) and returns the whole answer. */
function rawHttp(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let answer = ''
    const socket = connect(Number(new URL(stackInfo().apiUrl).port), '127.0.0.1', () => socket.write(request))
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString()
    })
    socket.on('end', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('gateway', () => {
  it('refuses REST and auth calls without a known apikey, as Supabase does', async () => {
    const none = await fetch(url('/rest/v1/profiles'))
    expect(none.status).toBe(401)
    expect(await none.json()).toEqual({ message: 'No API key found in request' })
    const wrong = await fetch(url('/auth/v1/settings'), { headers: { apikey: 'nope' } })
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toEqual({ message: 'Invalid API key' })
  })

  it('answers unknown routes with 404 JSON', async () => {
    for (const path of ['/rest/v2/profiles', '/graphql/v1', '/storage/v1/object']) {
      const res = await fetch(url(path), { headers: withKey() })
      expect(res.status, path).toBe(404)
      expect(res.headers.get('content-type'), path).toMatch(/application\/json/)
    }
  })

  it('answers CORS preflights for the API', async () => {
    const res = await fetch(url('/rest/v1/profiles'), {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, apikey, content-type',
      },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(res.headers.get('access-control-allow-headers')).toContain('apikey')
    const get = await fetch(url('/rest/v1/profiles'), { headers: { ...withKey(), origin: 'http://x.test' } })
    expect(get.headers.get('access-control-allow-origin')).toBe('http://x.test')
    expect(get.headers.get('access-control-expose-headers')).toContain('content-range')
  })

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const big = 'x'.repeat(11 * 1024 * 1024)
    const declared = await fetch(url('/rest/v1/profiles'), {
      method: 'POST',
      headers: { ...withKey(), 'content-type': 'application/json' },
      body: big,
    })
    expect(declared.status).toBe(413)
    const chunks = new ReadableStream({
      start(controller) {
        for (let i = 0; i < 11; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(1024 * 1024)))
        controller.close()
      },
    })
    const streamed = await fetch(url('/rest/v1/profiles'), {
      method: 'POST',
      headers: { ...withKey(), 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    } as RequestInit).catch((error: Error) => error)
    // The gateway answers 413 as soon as the limit is crossed; the client may see the reset instead.
    if (streamed instanceof Response) expect(streamed.status).toBe(413)
    else expect(streamed).toBeInstanceOf(Error)
  })

  it('survives garbage on the wire and keeps serving', async () => {
    await new Promise<void>((resolve) => {
      const socket = connect(Number(new URL(stackInfo().apiUrl).port), '127.0.0.1', () => {
        socket.write('\x00\x01\x02 NOT HTTP AT ALL\r\n\r\n')
      })
      socket.on('data', () => socket.destroy())
      socket.on('close', () => resolve())
      socket.on('error', () => resolve())
    })
    const res = await fetch(url('/rest/v1/'), { headers: withKey() })
    expect(res.status).toBe(200)
  })

  it('serves the admin: gzip for text, the page for client routes, 404 for missing assets, no escape', async () => {
    const { request } = await import('node:http')
    const get = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; headers: Record<string, unknown>; length: number }>((resolve, reject) => {
        const req = request(url(path), { headers }, (res) => {
          let length = 0
          res.on('data', (c: Buffer) => {
            length += c.length
          })
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, length }))
        })
        req.on('error', reject)
        req.end()
      })
    const page = await get('/departments/123', { 'accept-encoding': 'gzip' })
    expect(page.status).toBe(200)
    expect(page.headers['content-type']).toMatch(/text\/html/)
    expect(page.headers['content-encoding']).toBe('gzip')
    const plain = await get('/departments/123')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.length).toBeGreaterThan(page.length)
    expect((await get('/assets/nope.js')).status).toBe(404)
    expect((await get('/%E0%A4%A')).status).toBe(400)
    // A raw request, since clients normalise dot segments away: admin/dist/../../package.json exists.
    const raw = await rawHttp('GET /../../package.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(raw).toMatch(/^HTTP\/1\.1 404/)
    expect(raw).not.toContain('"name": "troika"')
  })

  it('serves the admin configuration and refuses realtime without apikey', async () => {
    const res = await fetch(url('/troika-config.json'))
    expect(await res.json()).toEqual({ supabaseUrl: stackInfo().apiUrl, anonKey: stackInfo().anonKey })
    const upgrade = (path: string) =>
      rawHttp(
        `GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
      )
    expect(await upgrade('/realtime/v1/websocket?vsn=2.0.0')).toMatch(/^HTTP\/1\.1 401/)
    expect(await upgrade('/realtime/v1/websocket?vsn=2.0.0&apikey=wrong')).toMatch(/^HTTP\/1\.1 401/)
    expect(await upgrade('/nowhere')).toMatch(/^HTTP\/1\.1 404/)
  })
})
