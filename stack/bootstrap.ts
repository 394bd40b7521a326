// Applies stack/bootstrap/*.sql (what Supabase's image provides) as the superuser, in name order.
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import pg from 'pg'
import { repoRoot } from './config.ts'
import { sqlErrorMessage } from './sql-error.ts'

export const bootstrapDir = join(repoRoot, 'stack', 'bootstrap')

export async function applyBootstrap(superuserDbUrl: string): Promise<void> {
  const files = (await readdir(bootstrapDir)).filter((f) => f.endsWith('.sql')).sort()
  const db = new pg.Client({ connectionString: superuserDbUrl })
  await db.connect()
  try {
    for (const file of files) {
      const sql = await readFile(join(bootstrapDir, file), 'utf8')
      try {
        await db.query('begin')
        await db.query(sql)
        await db.query('commit')
      } catch (error) {
        await db.query('rollback')
        throw new Error(sqlErrorMessage(`stack/bootstrap/${file}`, sql, error))
      }
    }
  } finally {
    await db.end()
  }
}
