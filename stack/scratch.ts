// Throw-away folders and databases for tests, benchmarks and type generation.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { applyBootstrap } from './bootstrap.ts'
import { applyMigrations } from './migrate.ts'
import { localPassword, startPostgres, superuser } from './postgres.ts'
import { freePort } from './process.ts'

/**
 * A temporary folder for a data directory. mkdtemp makes it 0700; when we are root, Postgres runs as
 * the OS user postgres, which must be able to reach the data directory inside it.
 */
export async function scratchDir(prefix: string): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), prefix))
  await chmod(path, 0o755)
  return { path, remove: () => rm(path, { recursive: true, force: true }) }
}

/**
 * Runs `work` against a fresh embedded Postgres with the platform bootstrap and every migration
 * applied, then throws it all away. `binariesPackage` picks another Postgres build (e.g. major 15).
 */
export async function withMigratedDatabase<T>(
  work: (urls: { superuserDbUrl: string; dbUrl: string }) => Promise<T>,
  options: { binariesPackage?: string } = {},
): Promise<T> {
  const dir = await scratchDir('troika-scratch-db-')
  const port = await freePort()
  const server = await startPostgres({
    dataDir: join(dir.path, 'db'),
    port,
    reset: true,
    durable: false,
    log: () => {},
    binariesPackage: options.binariesPackage,
  })
  try {
    const superuserDbUrl = `postgres://${superuser}:${localPassword}@127.0.0.1:${port}/postgres`
    const dbUrl = `postgres://postgres:${localPassword}@127.0.0.1:${port}/postgres`
    await applyBootstrap(superuserDbUrl)
    await applyMigrations(dbUrl)
    return await work({ superuserDbUrl, dbUrl })
  } finally {
    await server.stop()
    await dir.remove()
  }
}
