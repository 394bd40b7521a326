// The `Database` types of the API schemas, made by @supabase/postgres-meta (the generator the Supabase
// CLI runs in Docker). `npm run db:types` writes them to supabase/types.ts from a throw-away database
// with the migrations applied; tests/types.test.ts fails when the committed file is stale.
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { applyBootstrap } from './bootstrap.ts'
import { repoRoot } from './config.ts'
import { applyMigrations } from './migrate.ts'
import { localPassword, startPostgres, superuser } from './postgres.ts'
import { freePort } from './process.ts'

const require = createRequire(import.meta.url)
export const typesFile = join(repoRoot, 'supabase', 'types.ts')

export function generateTypes(dbUrl: string): Promise<string> {
  const server = require.resolve('@supabase/postgres-meta/dist/server/server.js')
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [server],
      {
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          PG_META_DB_URL: dbUrl,
          PG_META_GENERATE_TYPES: 'typescript',
          PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
          PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
          PG_META_POSTGREST_VERSION: '12.0.2',
        },
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`type generation failed: ${stderr}`)) : resolve(stdout),
    )
  })
}

async function main() {
  const root = await mkdtemp(join(tmpdir(), 'troika-types-'))
  await chmod(root, 0o755)
  const port = await freePort()
  const db = await startPostgres({
    dataDir: join(root, 'db'),
    port,
    reset: true,
    durable: false,
    log: () => {},
  })
  try {
    const superuserUrl = `postgres://${superuser}:${localPassword}@127.0.0.1:${port}/postgres`
    await applyBootstrap(superuserUrl)
    const dbUrl = superuserUrl.replace(`${superuser}:`, 'postgres:')
    await applyMigrations(dbUrl)
    await writeFile(typesFile, await generateTypes(dbUrl))
    console.log(`wrote ${typesFile}`)
  } finally {
    await db.stop()
    await rm(root, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
