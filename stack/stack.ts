// Starts the whole local Supabase-compatible stack in order and stops it in reverse order.
import { mkdir } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import pg from 'pg'
import { createAuthHandler } from './auth/index.ts'
import { applyBootstrap } from './bootstrap.ts'
import { readSupabaseConfig, repoRoot } from './config.ts'
import { createFunctionsRuntime } from './functions/index.ts'
import { startGateway } from './gateway.ts'
import { apiKeys, jwtSecret as configuredJwtSecret } from './keys.ts'
import { startLedgerFolder } from './ledger-folder.ts'
import { type Log, makeLog, step } from './log.ts'
import { applyMigrations, applySeeds } from './migrate.ts'
import { startOutboxLog } from './outbox-log.ts'
import { localPassword, startPostgres, superuser } from './postgres.ts'
import { startPostgrest } from './postgrest.ts'
import { assertPortFree, freePort } from './process.ts'
import { startRealtime } from './realtime/index.ts'
import { startWebhookWorker } from './webhook-worker.ts'

export interface StackOptions {
  /** Gateway port; 0 picks a free one. Default: [api] port of config.toml (54321). */
  port?: number
  /** Embedded Postgres port; 0 picks a free one. Default: [db] port of config.toml. */
  dbPort?: number
  dataDir?: string
  reset?: boolean
  /** A superuser URL of an external Postgres to use instead of the embedded one. */
  databaseUrl?: string
  /** fsync and friends stay on unless a throw-away test database asks otherwise. */
  durable?: boolean
  functionsDir?: string
  adminDir?: string
  bodyLimitBytes?: number
  /** Merged over [auth.rate_limit]: a test run signs up more people from 127.0.0.1 than a person would. */
  authRateLimits?: Record<string, number>
  log?: Log
}

export interface StackInfo {
  apiUrl: string
  adminUrl: string
  /** PostgREST itself, behind the gateway (benchmarks compare the two). */
  restUrl: string
  anonKey: string
  serviceRoleKey: string
  jwtSecret: string
  /** As the postgres role (not a superuser, like on Supabase). */
  dbUrl: string
  /** As supabase_admin, for the platform's own work and for tests that look behind RLS. */
  superuserDbUrl: string
}

export interface RunningStack {
  info: StackInfo
  /** Resolves with a one-line cause if a part of the stack dies while running. */
  died: Promise<string>
  stop(): Promise<void>
}

function roleUrl(base: string, role: string): string {
  const url = new URL(base)
  url.username = role
  url.password = localPassword
  return url.toString()
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  const log = options.log ?? makeLog()
  const config = await readSupabaseConfig()
  const stops: Array<() => Promise<void>> = []
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch((e: Error) => log(`stop: ${e.message}`))
  }
  try {
    const secret = configuredJwtSecret()
    const keys = await apiKeys(secret)
    const gatewayPort = options.port === 0 ? await freePort() : (options.port ?? config.api?.port ?? 54321)
    await assertPortFree(gatewayPort, 'the API gateway', 'stop what uses it or pass --port <n>')

    const dataDir = resolve(options.dataDir ?? join(repoRoot, '.troika', 'db'))
    await mkdir(dirname(dataDir), { recursive: true })
    let superuserDbUrl: string
    const deaths: Promise<string>[] = []
    if (options.databaseUrl) {
      superuserDbUrl = options.databaseUrl
      log(`• using the external Postgres at ${new URL(superuserDbUrl).host}`)
    } else {
      const dbPort = options.dbPort === 0 ? await freePort() : (options.dbPort ?? config.db?.port ?? 54329)
      await assertPortFree(dbPort, 'Postgres', 'stop what uses it or pass --db-port <n>')
      const db = await step(log, `Postgres on port ${dbPort} (${dataDir})`, () =>
        startPostgres({
          dataDir,
          port: dbPort,
          reset: options.reset ?? false,
          durable: options.durable ?? true,
          log,
        }),
      )
      stops.push(db.stop)
      deaths.push(db.died)
      superuserDbUrl = `postgres://${superuser}:${localPassword}@127.0.0.1:${dbPort}/postgres`
    }
    const dbUrl = roleUrl(superuserDbUrl, 'postgres')

    await step(log, 'Supabase platform bootstrap', () => applyBootstrap(superuserDbUrl))
    const fresh = await isFresh(dbUrl)
    await step(log, 'migrations (supabase migration up)', () => applyMigrations(dbUrl))
    if (fresh) await step(log, 'seeds', () => applySeeds(dbUrl))

    await pointLinksAt(superuserDbUrl, apiUrlFor(gatewayPort))

    // No mail server locally: invitation links and other outgoing messages are printed (and kept).
    const outbox = await startOutboxLog({
      superuserDbUrl,
      log,
      file: join(dirname(dataDir), 'outbox.jsonl'),
    })
    stops.push(() => outbox.close())
    // What pg_cron does on a hosted project: fold posted lines into the balances reports read.
    const folder = startLedgerFolder({ superuserDbUrl, log })
    stops.push(() => folder.close())

    const rest = await step(log, 'PostgREST', () =>
      startPostgrest({
        authenticatorDbUrl: roleUrl(superuserDbUrl, 'authenticator'),
        jwtSecret: secret,
        config,
        log,
      }),
    )
    stops.push(rest.stop)
    deaths.push(rest.died)

    const apiUrl = apiUrlFor(gatewayPort)
    const authPool = new pg.Pool({
      connectionString: roleUrl(superuserDbUrl, 'supabase_auth_admin'),
      max: 10,
    })
    stops.push(() => authPool.end())
    const authConfig = {
      ...config.auth,
      rate_limit: { ...config.auth?.rate_limit, ...options.authRateLimits },
    }
    const auth = createAuthHandler({
      pool: authPool,
      jwtSecret: secret,
      config: authConfig,
      apiUrl,
      log,
    })
    stops.push(() => auth.close())

    const functions = createFunctionsRuntime({
      functionsDir: options.functionsDir ?? join(repoRoot, 'functions'),
      config,
      jwtSecret: secret,
      env: {
        SUPABASE_URL: apiUrl,
        SUPABASE_ANON_KEY: keys.anonKey,
        SUPABASE_SERVICE_ROLE_KEY: keys.serviceRoleKey,
        SUPABASE_DB_URL: dbUrl,
        // api-token signs service-account tokens with it (hosted: `supabase secrets set TROIKA_JWT_SECRET=…`).
        TROIKA_JWT_SECRET: secret,
        // webhook-dispatch may deliver to receivers on this machine (hosted it refuses private addresses).
        TROIKA_WEBHOOKS_ALLOW_PRIVATE: '1',
      },
      log,
    })
    stops.push(() => functions.close())

    const realtime = await step(log, 'Realtime (logical replication)', () =>
      startRealtime({ superuserDbUrl, jwtSecret: secret, log }),
    )
    stops.push(() => realtime.close())

    const gateway = await step(log, `API gateway on ${apiUrl}`, () =>
      startGateway({
        port: gatewayPort,
        restUrl: rest.url,
        auth: (req, res, sub) => auth.handle(req, res, sub),
        functions: (req, res, sub) => functions.handle(req, res, sub),
        realtimeUpgrade: (req, socket, head, sub) => realtime.handleUpgrade(req, socket, head, sub),
        adminDir: options.adminDir ?? join(repoRoot, 'admin', 'dist'),
        publicConfig: { supabaseUrl: apiUrl, anonKey: keys.anonKey },
        apiKeys: [keys.anonKey, keys.serviceRoleKey],
        bodyLimitBytes: options.bodyLimitBytes ?? 10 * 1024 * 1024,
        log,
      }),
    )
    stops.push(gateway.close)

    // Webhook deliveries: the worker the edge function webhook-dispatch runs hosted, here in-process.
    const webhooks = await startWebhookWorker({
      superuserDbUrl,
      apiUrl,
      serviceRoleKey: keys.serviceRoleKey,
      log,
    })
    stops.push(() => webhooks.close())

    return {
      info: {
        apiUrl,
        adminUrl: `${apiUrl}/`,
        restUrl: rest.url,
        anonKey: keys.anonKey,
        serviceRoleKey: keys.serviceRoleKey,
        jwtSecret: secret,
        dbUrl,
        superuserDbUrl,
      },
      died: Promise.race(deaths),
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}

const apiUrlFor = (port: number) => `http://127.0.0.1:${port}`

/** Links the database writes (invitations) point at this local gateway, which serves the admin. */
async function pointLinksAt(superuserDbUrl: string, siteUrl: string) {
  const db = new pg.Client({ connectionString: superuserDbUrl })
  await db.connect()
  try {
    await db.query(
      `do $$ begin
         if to_regclass('app_private.site_settings') is not null then
           update app_private.site_settings set value = ${pg.escapeLiteral(siteUrl)} where key = 'site_url';
         end if;
       end $$`,
    )
  } finally {
    await db.end()
  }
}

/** A database is fresh (and gets the seeds) when no migration was ever recorded in it. */
async function isFresh(dbUrl: string): Promise<boolean> {
  const db = new pg.Client({ connectionString: dbUrl })
  await db.connect()
  try {
    const { rows } = await db.query(
      "select to_regclass('supabase_migrations.schema_migrations') is null as fresh",
    )
    return rows[0].fresh
  } finally {
    await db.end()
  }
}
