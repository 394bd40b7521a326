// `npm start`: runs the whole local stack until Ctrl-C, like `supabase start` without Docker.
//   --reset          recreate the local database (data under .troika/ is otherwise kept)
//   --port <n>       API gateway port (default 54321, or TROIKA_PORT)
//   --db-port <n>    embedded Postgres port (default 54329, or TROIKA_DB_PORT)
//   --data-dir <d>   where the embedded Postgres keeps its data (default .troika/db, or TROIKA_DATA_DIR)
//   DATABASE_URL     use this external Postgres (a superuser URL) instead of the embedded one
import { parseArgs } from 'node:util'
import pg from 'pg'
import { buildAdminIfStale } from './admin-build.ts'
import { demoPassword } from './demo.ts'
import { makeLog, step } from './log.ts'
import { type RunningStack, type StackInfo, startStack } from './stack.ts'

async function main() {
  const { values } = parseArgs({
    options: {
      reset: { type: 'boolean', default: false },
      port: { type: 'string' },
      'db-port': { type: 'string' },
      'data-dir': { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(
      'usage: npm start -- [--reset] [--port <n>] [--db-port <n>] [--data-dir <dir>]' +
        '   (env: DATABASE_URL, TROIKA_PORT, TROIKA_DB_PORT, TROIKA_DATA_DIR)',
    )
    return
  }
  const port = toPort(values.port ?? process.env.TROIKA_PORT, '--port')
  const dbPort = toPort(values['db-port'] ?? process.env.TROIKA_DB_PORT, '--db-port')
  const started = performance.now()
  const log = makeLog()
  let stack: RunningStack | undefined
  let stopping = false
  const shutdown = async (code: number) => {
    if (stopping) return
    stopping = true
    log('stopping…')
    await stack?.stop()
    process.exit(code)
  }
  process.on('SIGINT', () => void shutdown(0))
  process.on('SIGTERM', () => void shutdown(0))
  process.on('SIGHUP', () => void shutdown(0))

  try {
    // The admin build (only when its sources changed) overlaps with the stack's start-up.
    const admin = step(log, 'admin build, if its sources changed', buildAdminIfStale)
    stack = await startStack({
      port,
      dbPort,
      dataDir: values['data-dir'] ?? process.env.TROIKA_DATA_DIR,
      reset: values.reset,
      databaseUrl: process.env.DATABASE_URL,
      log,
    })
    await admin
  } catch (error) {
    console.error(`✗ ${(error as Error).message}`)
    process.exit(1)
  }
  await printBanner(stack.info, Math.round(performance.now() - started))
  stack.died.then((cause) => {
    console.error(`✗ ${cause}`)
    void shutdown(1)
  })
}

function toPort(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`✗ ${flag} must be a port number, got "${value}"`)
    process.exit(2)
  }
  return n
}

async function printBanner(info: StackInfo, ms: number) {
  const db = new pg.Client({ connectionString: info.superuserDbUrl })
  await db.connect()
  // Each demo login with its roles in the demo company, so a newcomer knows whom to sign in as.
  const { rows } = await db
    .query<{ email: string; roles: string | null; companies: string | null }>(
      `select u.email, string_agg(distinct r.key, ', ') as roles, string_agg(distinct t.name, ', ') as companies
       from auth.users u
       left join public.membership_roles mr on mr.user_id = u.id
       left join public.roles r on r.id = mr.role_id
       left join public.tenants t on t.id = mr.tenant_id
       where u.raw_app_meta_data ->> 'demo' = 'true'
       group by u.id, u.email, u.created_at
       order by u.created_at, u.email`,
    )
    .finally(() => db.end())
  const width = Math.max(0, ...rows.map((r) => r.email.length))
  const lines = [
    '',
    `Troika is ready in ${(ms / 1000).toFixed(1)} s.`,
    '',
    `         API URL: ${info.apiUrl}`,
    `        REST URL: ${info.apiUrl}/rest/v1`,
    `       Admin URL: ${info.adminUrl}`,
    `          DB URL: ${info.dbUrl}`,
    `      JWT secret: ${info.jwtSecret}`,
    `        anon key: ${info.anonKey}`,
    `service_role key: ${info.serviceRoleKey}`,
    '',
    rows.length ? `Demo logins (password ${demoPassword}):` : 'No demo logins (the database was not seeded).',
    ...rows.map((r) => `  ${r.email.padEnd(width)}  ${r.roles ? `${r.roles} @ ${r.companies}` : ''}`),
    '',
    'Press Ctrl-C to stop.',
  ]
  console.log(lines.join('\n'))
}

await main()
