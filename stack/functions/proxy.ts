// Streams one request to a function process and its response back: method, headers (minus hop-by-hop
// ones), path and query string as received; bodies are piped both ways, never buffered.
import { type IncomingMessage, request, type ServerResponse } from 'node:http'

const hopByHop = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
])

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) {
    res.destroy()
    return
  }
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) })
  res.end(text)
}

/**
 * Resolves when the exchange is over. `onUpstreamError` answers the client when the function process
 * failed before sending a response (it died, or closed the connection).
 */
export function proxyToFunction(
  req: IncomingMessage,
  res: ServerResponse,
  port: number,
  path: string,
  onUpstreamError: (error: Error) => void | Promise<void>,
): Promise<void> {
  return new Promise((resolve) => {
    const headers: Record<string, string | string[]> = {}
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined && !hopByHop.has(name)) headers[name] = value
    }
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path, headers, agent: false })

    let finished = false
    const finish = () => {
      if (!finished) {
        finished = true
        resolve()
      }
    }

    upstream.on('response', (answer) => {
      // A function that answers CORS itself (as it must on Supabase) owns those headers: drop the
      // gateway's defaults rather than mixing the two.
      if (Object.keys(answer.headers).some((name) => name.startsWith('access-control-'))) {
        for (const name of res.getHeaderNames())
          if (name.startsWith('access-control-')) res.removeHeader(name)
      }
      for (const [name, value] of Object.entries(answer.headers)) {
        if (value !== undefined && !hopByHop.has(name)) res.setHeader(name, value)
      }
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage)
      answer.pipe(res)
      answer.on('error', () => res.destroy())
      answer.on('end', finish)
      answer.on('close', () => {
        if (!answer.complete) res.destroy()
      })
    })
    upstream.on('error', (error) => {
      if (res.headersSent) {
        res.destroy()
        finish()
        return
      }
      Promise.resolve()
        .then(() => onUpstreamError(error))
        .catch(() => res.destroy())
        .finally(finish)
    })
    // The client went away: stop the function's side too.
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy()
      finish()
    })
    req.on('error', () => upstream.destroy())
    req.pipe(upstream)
  })
}
