// Runs INSIDE Deno, not Node: the main module of every edge-function process.
//   deno run … stack/functions/deno-entry.ts <file URL of functions/<name>/index.ts> <ready marker>
// A Supabase function calls `Deno.serve(handler)` with no port. Before importing the function this script
// wraps Deno.serve so that the server binds a kernel-chosen loopback port, then prints `<marker> <port>`
// on stdout so that the Node runtime knows where to send requests. It also:
// - answers an uncaught handler error with a JSON 500 (unless the function passed its own onError);
// - provides `EdgeRuntime.waitUntil`, which Supabase's edge runtime offers to functions;
// - exits when stdin reaches EOF, i.e. when the Node parent is gone, even if it was killed with SIGKILL.
// Type-checked by tsc (with the minimal Deno shape below) and by `deno check` (stack/functions/check.ts).

type Handler = (request: Request, info: unknown) => Response | Promise<Response>
interface ServeOptions {
  handler?: Handler
  port?: number
  hostname?: string
  onListen?: (address: { hostname: string; port: number }) => void
  onError?: (error: unknown) => Response | Promise<Response>
  [key: string]: unknown
}
interface DenoShape {
  args: string[]
  serve: (...args: unknown[]) => unknown
  stdin: { read(buffer: Uint8Array): Promise<number | null> }
  exit(code?: number): never
}

const deno = (globalThis as unknown as { Deno: DenoShape }).Deno
const [entryUrl, marker] = deno.args
if (!entryUrl || !marker) {
  console.error('usage: deno-entry.ts <function entry file URL> <ready marker>')
  deno.exit(2)
}

function uncaughtError(error: unknown): Response {
  console.error('uncaught error in the function handler:', error)
  return Response.json(
    { code: 'WORKER_ERROR', message: 'Function failed due to an uncaught error (please check logs)' },
    { status: 500 },
  )
}

const realServe = deno.serve.bind(deno)
let reported = false
deno.serve = (first: unknown, second?: unknown) => {
  let options: ServeOptions
  let handler: Handler | undefined
  if (typeof first === 'function') {
    options = {}
    handler = first as Handler
  } else {
    options = { ...(first as ServeOptions) }
    handler = typeof second === 'function' ? (second as Handler) : options.handler
    delete options.handler
  }
  const userOnListen = options.onListen
  return realServe(
    {
      ...options,
      port: 0,
      hostname: '127.0.0.1',
      onError: options.onError ?? uncaughtError,
      onListen: (address: { hostname: string; port: number }) => {
        if (!reported) {
          reported = true
          console.log(`${marker} ${address.port}`)
        }
        userOnListen?.(address)
      },
    },
    handler,
  )
}

const edgeRuntime = {
  waitUntil(promise: Promise<unknown>) {
    Promise.resolve(promise).catch((error) => console.error('EdgeRuntime.waitUntil promise rejected:', error))
  },
}
;(globalThis as { EdgeRuntime?: unknown }).EdgeRuntime ??= edgeRuntime

async function exitWhenParentGoes() {
  const buffer = new Uint8Array(256)
  try {
    while ((await deno.stdin.read(buffer)) !== null) {
      // the parent never writes; any bytes are ignored
    }
  } catch {
    // stdin closed or unreadable: same as EOF
  }
  deno.exit(0)
}
exitWhenParentGoes()

try {
  await import(entryUrl)
} catch (error) {
  console.error('the function failed to load:', error)
  deno.exit(1)
}

export {}
