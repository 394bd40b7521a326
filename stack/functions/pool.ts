// One Deno process per function: started by the first request (cold start), kept warm, started again by
// the next request after it died, stopped by close(). Concurrent cold starts share one start.
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { spawnChild, stopChild } from '../process.ts'
import { denoBinary } from './deno-bin.ts'

const entryScript = fileURLToPath(new URL('./deno-entry.ts', import.meta.url))

/** Variables a Deno process needs besides the function's own: cache location, registry, proxies, TLS. */
const passThroughEnv = [
  'HOME',
  'DENO_DIR',
  'XDG_CACHE_HOME',
  'NPM_CONFIG_REGISTRY',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'NO_PROXY',
  'http_proxy',
  'https_proxy',
  'no_proxy',
  'DENO_CERT',
  'DENO_TLS_CA_STORE',
  'NODE_EXTRA_CA_CERTS', // Deno honours it too: extra CAs that npm (Node) trusts for the registry
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'TMPDIR',
  'SYSTEMROOT', // Windows
  'LOCALAPPDATA', // Windows: Deno's default cache lives there
]

export interface PoolOptions {
  functionsDir: string
  env: Record<string, string>
  log: (line: string) => void
  /** How long a cold start may take (the first start may download npm packages). */
  bootTimeoutMs: number
}

export class BootError extends Error {}

export class FunctionProcess {
  private child: ChildProcess | undefined
  private port: number | undefined
  private starting: Promise<number> | undefined
  private closed = false

  constructor(
    readonly name: string,
    private readonly options: PoolOptions,
  ) {}

  /** The loopback port of a running process, starting one if needed. */
  ensure(): Promise<number> {
    if (this.closed) return Promise.reject(new BootError('the functions runtime is closed'))
    const child = this.child
    if (child && child.exitCode === null && child.signalCode === null && this.port !== undefined) {
      return Promise.resolve(this.port)
    }
    this.starting ??= this.start().finally(() => {
      this.starting = undefined
    })
    return this.starting
  }

  /**
   * After a request lost its connection: waits (briefly) for the process to be seen exiting if it is
   * dying, so that the caller's next request starts a fresh one instead of hitting the dead port.
   */
  async settle(timeoutMs = 500): Promise<void> {
    const child = this.child
    if (!child || child.exitCode !== null || child.signalCode !== null) return
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      child.once('exit', () => {
        clearTimeout(timer)
        resolve()
      })
    })
  }

  async stop(): Promise<void> {
    this.closed = true
    const child = this.child
    if (child) await stopChild(child, 2000)
  }

  private async start(): Promise<number> {
    const { functionsDir, log } = this.options
    const functionDir = join(functionsDir, this.name)
    const entry = pathToFileURL(join(functionDir, 'index.ts')).href
    const marker = `troika-function-ready-${randomBytes(8).toString('hex')}`
    const started = performance.now()
    const child = spawnChild(
      denoBinary(),
      [
        'run',
        '--no-prompt',
        ...configArgs(functionsDir, functionDir),
        ...permissions(functionsDir),
        entryScript,
        entry,
        marker,
      ],
      { cwd: functionDir, env: childEnv(this.options.env), stdio: ['pipe', 'pipe', 'pipe'] },
    )
    this.child = child
    const prefix = `functions[${this.name}]`

    return await new Promise<number>((resolve, reject) => {
      let ready = false
      const fail = (message: string) => {
        if (ready) return
        ready = true
        clearTimeout(timer)
        reject(new BootError(message))
      }
      const timer = setTimeout(() => {
        fail(`did not start listening within ${this.options.bootTimeoutMs} ms`)
        void stopChild(child, 500)
      }, this.options.bootTimeoutMs)

      createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (line) => {
        if (!ready && line.startsWith(`${marker} `)) {
          ready = true
          clearTimeout(timer)
          this.port = Number(line.slice(marker.length + 1))
          log(
            `${prefix} listening on 127.0.0.1:${this.port} (pid ${child.pid}, cold start ${Math.round(performance.now() - started)} ms)`,
          )
          resolve(this.port)
          return
        }
        log(`${prefix} ${line}`)
      })
      createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) =>
        log(`${prefix} ${line}`),
      )
      child.stdin?.on('error', () => {}) // EPIPE when the child is already gone
      child.once('error', (error) => fail(`could not run deno: ${error.message}`))
      child.once('exit', (code, signal) => {
        if (this.child === child) {
          this.child = undefined
          this.port = undefined
        }
        if (!this.closed) log(`${prefix} exited (${signal ?? `code ${code}`})`)
        fail(`exited during start (${signal ?? `code ${code}`})`)
      })
    })
  }
}

/** A function's own deno.json wins over the shared functions/deno.json, as with Supabase's CLI. */
function configArgs(functionsDir: string, functionDir: string): string[] {
  for (const dir of [functionDir, functionsDir]) {
    for (const file of ['deno.json', 'deno.jsonc']) {
      if (existsSync(join(dir, file))) return ['--config', join(dir, file)]
    }
  }
  return ['--no-config']
}

function permissions(functionsDir: string): string[] {
  return ['--allow-net', '--allow-env', `--allow-read=${functionsDir}`]
}

function childEnv(functionEnv: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const name of passThroughEnv) {
    const value = process.env[name]
    if (value !== undefined) env[name] = value
  }
  // Under `npm run`, npm exports its configured registry in lower case only.
  const registry = process.env.NPM_CONFIG_REGISTRY ?? process.env.npm_config_registry
  if (registry) env.NPM_CONFIG_REGISTRY = registry
  return { ...env, NO_COLOR: '1', DENO_NO_UPDATE_CHECK: '1', DENO_NO_PROMPT: '1', ...functionEnv }
}

export class FunctionPool {
  private readonly processes = new Map<string, FunctionProcess>()
  private closed = false

  constructor(private readonly options: PoolOptions) {}

  get(name: string): FunctionProcess {
    if (this.closed) throw new BootError('the functions runtime is closed')
    let process = this.processes.get(name)
    if (!process) {
      process = new FunctionProcess(name, this.options)
      this.processes.set(name, process)
    }
    return process
  }

  async close(): Promise<void> {
    this.closed = true
    await Promise.all([...this.processes.values()].map((p) => p.stop()))
    this.processes.clear()
  }
}
