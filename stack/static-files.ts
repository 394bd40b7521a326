// The admin's static build, as a static host would serve it: long-lived caching for hashed assets,
// the single page for client-side routes, and gzip for text (the admin's JS is ~1.9 MB raw, ~0.6 MB
// gzipped). Compressed files are kept in memory per path and modification time.
import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize } from 'node:path'
import { promisify } from 'node:util'
import { gzip } from 'node:zlib'

const gzipAsync = promisify(gzip)

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
}
const compressible = new Set(['.html', '.js', '.css', '.json', '.svg', '.map', '.txt'])
const gzipped = new Map<string, { mtimeMs: number; body: Buffer }>()

function json(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify({ message }))
}

export async function serveStatic(dir: string, req: IncomingMessage, res: ServerResponse) {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://gateway').pathname)
  } catch {
    return json(res, 400, 'Malformed URL')
  }
  const safe = normalize(pathname).replace(/^(\.\.[/\\])+/, '')
  let file = join(dir, safe)
  let info = await stat(file).catch(() => undefined)
  if (!info?.isFile()) {
    // Client-side routes fall back to the single page; missing assets are real 404s.
    if (extname(safe)) return json(res, 404, 'Not Found')
    file = join(dir, 'index.html')
    info = await stat(file).catch(() => undefined)
    if (!info) return json(res, 404, 'The admin is not built yet: run `npm run admin:build`.')
  }
  const ext = extname(file)
  const headers: Record<string, string> = {
    'content-type': contentTypes[ext] ?? 'application/octet-stream',
    'cache-control': safe.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    vary: 'Accept-Encoding',
  }
  const acceptsGzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))
  if (acceptsGzip && compressible.has(ext)) {
    let cached = gzipped.get(file)
    if (!cached || cached.mtimeMs !== info.mtimeMs) {
      cached = { mtimeMs: info.mtimeMs, body: await gzipAsync(await readFile(file)) }
      gzipped.set(file, cached)
    }
    res.writeHead(200, {
      ...headers,
      'content-encoding': 'gzip',
      'content-length': String(cached.body.length),
    })
    res.end(req.method === 'HEAD' ? undefined : cached.body)
    return
  }
  res.writeHead(200, { ...headers, 'content-length': String(info.size) })
  if (req.method === 'HEAD') res.end()
  else createReadStream(file).pipe(res)
}
