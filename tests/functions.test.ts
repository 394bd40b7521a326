// The edge-functions runtime: real Deno processes serving functions/<name>/index.ts at /functions/v1/<name>.
// First through the gateway of the shared test stack with supabase-js, as an app calls them; then the
// runtime on its own over a temp folder holding the real functions plus the crash fixtures of
// tests/fixtures/functions (a function that throws, one that exits, one that fails to load, an echo).
import { spawn } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { FunctionsHttpError } from '@supabase/supabase-js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createFunctionsRuntime, type FunctionsRuntime } from '../stack/functions/index.ts'
import { signJwt } from '../stack/keys.ts'
import { client, signedInUser, stackInfo } from './helpers/stack.ts'

const repoRoot = resolve(import.meta.dirname, '..')
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600
// The first start of a function that imports npm: packages may download them into Deno's cache.
const coldStartTimeout = 120_000

async function httpStatus(error: unknown): Promise<{ status: number; body: unknown }> {
  expect(error).toBeInstanceOf(FunctionsHttpError)
  const response = (error as FunctionsHttpError).context as Response
  return { status: response.status, body: await response.json() }
}

describe('edge functions through the gateway', () => {
  it(
    'serves health without any JWT (verify_jwt = false)',
    async () => {
      const res = await fetch(`${stackInfo().apiUrl}/functions/v1/health`)
      expect(res.status).toBe(200)
      const body = await res.json()
      expect(body.status).toBe('ok')
      expect(Number.isNaN(Date.parse(body.time))).toBe(false)
      const { data, error } = await client().functions.invoke('health', { method: 'GET' })
      expect(error).toBeNull()
      expect(data.status).toBe('ok')
    },
    coldStartTimeout,
  )

  it('refuses whoami without a JWT, with Supabase’s 401 shape', async () => {
    const res = await fetch(`${stackInfo().apiUrl}/functions/v1/whoami`, {
      headers: { apikey: stackInfo().anonKey },
    })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ code: 401, message: 'Missing authorization header' })
  })

  it(
    'tells a signed-in user who they are: env injection and JWT pass-through',
    async () => {
      const { client: userClient, user, email } = await signedInUser('whoami')
      const { data, error } = await userClient.functions.invoke('whoami', { method: 'GET' })
      expect(error).toBeNull()
      expect(data).toEqual({ id: user.id, email, role: 'authenticated' })
    },
    coldStartTimeout,
  )

  it(
    'lets the anon key through the gate, and whoami then finds no user',
    async () => {
      const { error } = await client().functions.invoke('whoami', { method: 'GET' })
      const { status, body } = await httpStatus(error)
      expect(status).toBe(401)
      expect(body).toMatchObject({ code: 'not_a_user' })
    },
    coldStartTimeout,
  )

  it('refuses a forged JWT with 401 Invalid JWT', async () => {
    const { user } = await signedInUser('forger')
    const forged = await signJwt(
      'not-the-project-secret-but-just-as-long-as-it',
      { sub: user.id, role: 'authenticated', aud: 'authenticated', email: user.email },
      inAnHour(),
    )
    const { error } = await client().functions.invoke('whoami', {
      method: 'GET',
      headers: { Authorization: `Bearer ${forged}` },
    })
    expect(await httpStatus(error)).toEqual({ status: 401, body: { code: 401, message: 'Invalid JWT' } })
  })

  it('answers an unknown function with 404 JSON', async () => {
    const { error } = await client().functions.invoke('no-such-function')
    const { status, body } = await httpStatus(error)
    expect(status).toBe(404)
    expect(body).toMatchObject({ code: 'NOT_FOUND' })
  })
})

/** Alive and not a zombie (an orphan's zombie may wait for a PID 1 that never reaps it). */
function isAlive(pid: number): boolean {
  if (process.platform === 'linux') {
    if (!existsSync(`/proc/${pid}/stat`)) return false
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  }
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function waitFor(what: string, condition: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

describe('the functions runtime over a temp folder', () => {
  const secret = 'test-secret-that-is-at-least-32-characters-long'
  const leakName = 'TROIKA_FUNCTIONS_TEST_PARENT_ONLY'
  const env = {
    SUPABASE_URL: 'http://127.0.0.1:9',
    SUPABASE_ANON_KEY: 'anon',
    SUPABASE_SERVICE_ROLE_KEY: 'service',
    SUPABASE_DB_URL: 'postgresql://postgres@127.0.0.1:9/postgres',
  }
  const config = {
    functions: {
      health: { verify_jwt: false },
      throws: { verify_jwt: false },
      exits: { verify_jwt: false },
      broken: { verify_jwt: false },
      coldstart: { verify_jwt: false },
      disabled: { verify_jwt: false, enabled: false },
      // echo keeps the default verify_jwt = true
    },
  }
  let dir: string
  let runtime: FunctionsRuntime
  let server: Server
  let base: string
  const logs: string[] = []

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'troika-functions-'))
    cpSync(join(repoRoot, 'functions'), dir, { recursive: true })
    cpSync(join(repoRoot, 'tests', 'fixtures', 'functions'), dir, { recursive: true })
    cpSync(join(dir, 'echo'), join(dir, 'coldstart'), { recursive: true })
    cpSync(join(dir, 'echo'), join(dir, 'disabled'), { recursive: true })
    process.env[leakName] = 'must not reach a function'
    runtime = createFunctionsRuntime({
      functionsDir: dir,
      config,
      jwtSecret: secret,
      env,
      log: (l) => logs.push(l),
    })
    server = createServer((req, res) => {
      const url = req.url ?? '/'
      if (url.startsWith('/functions/v1')) runtime.handle(req, res, url.slice('/functions/v1'.length))
      else res.writeHead(404).end()
    })
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    base = `http://127.0.0.1:${(server.address() as { port: number }).port}/functions/v1`
  })

  afterAll(async () => {
    delete process.env[leakName]
    await runtime?.close()
    await new Promise((r) => server?.close(r))
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(`${base}${path}`, init)
    return { status: res.status, headers: res.headers, body: await res.json() }
  }
  const bearer = async (
    claims: Record<string, unknown> = { role: 'anon' },
    exp = inAnHour(),
    key = secret,
  ) => ({
    Authorization: `Bearer ${await signJwt(key, claims, exp)}`,
  })

  it('starts one process for concurrent cold starts of the same function', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => get('/coldstart')))
    const pids = new Set(answers.map((a) => a.body.pid))
    expect(answers.every((a) => a.status === 201)).toBe(true)
    expect(pids.size).toBe(1)
    expect(logs.filter((l) => l.startsWith('functions[coldstart] listening')).length).toBe(1)
  })

  it('answers 404 JSON for unknown, invalid, shared or disabled names', async () => {
    for (const path of ['/nope', '/', '', '/_shared', '/a.b', '/..%2Fhealth', '/disabled', '/health%00']) {
      const res = await fetch(`${base}${path}`)
      expect(res.status, path).toBe(404)
      expect(await res.json(), path).toEqual({
        code: 'NOT_FOUND',
        message: 'Requested function was not found',
      })
    }
  })

  it('checks the JWT unless verify_jwt = false', async () => {
    expect((await get('/health')).status).toBe(200)
    expect(await get('/echo')).toMatchObject({
      status: 401,
      body: { code: 401, message: 'Missing authorization header' },
    })
    const refused = [
      { Authorization: 'Bearer not.a.jwt' },
      { Authorization: 'Basic dXNlcjpwYXNz' },
      await bearer({ role: 'anon' }, inAnHour(), 'a-different-secret-of-at-least-32-characters'),
      await bearer({ role: 'authenticated' }, Math.floor(Date.now() / 1000) - 10),
    ]
    for (const headers of refused) {
      const res = await get('/echo', { headers })
      expect(res.status, headers.Authorization).toBe(401)
      expect(res.body.code).toBe(401)
    }
    expect((await get('/echo', { headers: await bearer() })).status).toBe(201)
    // CORS preflights carry no Authorization; they reach the function.
    expect((await fetch(`${base}/echo`, { method: 'OPTIONS' })).status).not.toBe(401)
  })

  it('preserves method, sub-path, query, headers and bodies both ways', async () => {
    const body = new Uint8Array(3 * 1024 * 1024).map((_, i) => (i * 7) % 251)
    let sum = 0
    for (const byte of body) sum = (sum + byte) % 65521
    const res = await get('/echo/sub/path?a=1&b=two%20words', {
      method: 'PUT',
      headers: { ...(await bearer()), 'x-troika-test': 'kept' },
      body,
    })
    expect(res.status).toBe(201)
    expect(res.headers.get('x-from-function')).toBe('yes')
    expect(res.headers.get('set-cookie')).toBe('a=1')
    expect(res.body).toMatchObject({
      method: 'PUT',
      pathname: '/echo/sub/path',
      search: '?a=1&b=two%20words',
      header: 'kept',
      bodyLength: body.length,
      bodySum: sum,
    })
  })

  it('streams a response as the function produces it', async () => {
    const started = Date.now()
    const res = await fetch(`${base}/echo?stream`, { headers: await bearer() })
    const reader = (res.body as ReadableStream<Uint8Array>).getReader()
    const first = await reader.read()
    const firstAfter = Date.now() - started
    let rest = ''
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      rest += new TextDecoder().decode(chunk.value)
    }
    expect(new TextDecoder().decode(first.value)).toBe('first;')
    expect(rest).toBe('second')
    expect(firstAfter).toBeLessThan(1200) // the function waits 1.5 s before its second chunk
  })

  it('gives a function only the Supabase variables, not the parent’s environment', async () => {
    const { body } = await get('/echo', { headers: await bearer() })
    expect(body.supabaseUrl).toBe(env.SUPABASE_URL)
    expect(body.env).toEqual(expect.arrayContaining(Object.keys(env)))
    expect(body.env).not.toContain(leakName)
  })

  it('answers 500 JSON when the handler throws, and keeps serving from the same process', async () => {
    const before = await get('/throws')
    expect(before.status).toBe(200)
    const thrown = await get('/throws?throw')
    expect(thrown.status).toBe(500)
    expect(thrown.body.code).toBe('WORKER_ERROR')
    const after = await get('/throws')
    expect(after).toMatchObject({ status: 200, body: { pid: before.body.pid } })
  })

  it('answers 500 JSON when the process exits mid-request, and restarts it on the next request', async () => {
    const first = await get('/exits')
    expect(first.status).toBe(200)
    const exited = await get('/exits?exit')
    expect(exited).toEqual({
      status: 500,
      headers: expect.anything(),
      body: { code: 'WORKER_ERROR', message: 'Function exited due to an error (please check logs)' },
    })
    const next = await get('/exits')
    expect(next.status).toBe(200)
    expect(next.body.pid).not.toBe(first.body.pid)
    expect(isAlive(first.body.pid)).toBe(false)
  })

  it('answers 503 BOOT_ERROR for a function that fails to load, each time', async () => {
    for (let i = 0; i < 2; i++) {
      expect(await get('/broken')).toMatchObject({ status: 503, body: { code: 'BOOT_ERROR' } })
    }
    expect(logs.some((l) => l.includes('the broken fixture fails at import time'))).toBe(true)
  })

  it('stops every process on close() and then refuses requests', async () => {
    const pids = [(await get('/exits')).body.pid, (await get('/throws')).body.pid]
    expect(pids.every(isAlive)).toBe(true)
    await runtime.close()
    expect(pids.some(isAlive)).toBe(false)
    expect((await get('/health')).status).toBe(503)
  })

  it(
    'leaves no Deno process behind when the Node parent is killed with SIGKILL',
    async () => {
      const script = join(dir, 'parent.mts')
      const runtimeUrl = pathToFileURL(join(repoRoot, 'stack', 'functions', 'index.ts')).href
      writeFileSync(
        script,
        `import { createServer } from 'node:http'
const { createFunctionsRuntime } = await import(${JSON.stringify(runtimeUrl)})
const runtime = createFunctionsRuntime({
  functionsDir: ${JSON.stringify(dir)}, config: ${JSON.stringify(config)}, jwtSecret: 'x', env: {}, log: () => {},
})
const server = createServer((req, res) => runtime.handle(req, res, (req.url ?? '').slice('/functions/v1'.length)))
server.listen(0, '127.0.0.1', async () => {
  const res = await fetch('http://127.0.0.1:' + server.address().port + '/functions/v1/exits')
  console.log('PID ' + (await res.json()).pid)
})
`,
      )
      const parent = spawn(process.execPath, ['--import', 'tsx', script], { cwd: repoRoot, stdio: 'pipe' })
      let output = ''
      parent.stdout.on('data', (chunk) => {
        output += chunk
      })
      parent.stderr.on('data', (chunk) => {
        output += chunk
      })
      await waitFor('the parent to report its Deno pid', () => /PID \d+/.test(output), 60_000)
      const pid = Number(/PID (\d+)/.exec(output)?.[1])
      expect(isAlive(pid)).toBe(true)
      parent.kill('SIGKILL')
      await waitFor('the orphaned Deno process to exit', () => !isAlive(pid))
    },
    coldStartTimeout,
  )
})
