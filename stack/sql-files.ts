// Runs every .sql file of a folder in name order, each in its own transaction; an error names the
// file and line and leaves that file's changes out.
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import pg from 'pg'
import { repoRoot } from './config.ts'
import { sqlErrorMessage } from './sql-error.ts'

export async function applySqlFiles(connectionString: string, dir: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.sql')).sort()
  const db = new pg.Client({ connectionString })
  await db.connect()
  try {
    for (const file of files) {
      const sql = await readFile(join(dir, file), 'utf8')
      try {
        await db.query('begin')
        await db.query(sql)
        await db.query('commit')
      } catch (error) {
        await db.query('rollback')
        throw new Error(sqlErrorMessage(relative(repoRoot, join(dir, file)), sql, error))
      }
    }
  } finally {
    await db.end()
  }
  return files
}
