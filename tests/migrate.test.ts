// A failing migration is reported with its file, line and Postgres message, and changes nothing.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { applyMigrations } from '../stack/migrate.ts'
import { stackInfo, superuserDb } from './helpers/stack.ts'

const dbName = `migrate_check_${process.pid}`
let workdir: string

beforeAll(async () => {
  const su = await superuserDb()
  await su.query(`create database ${dbName} owner postgres`)
  await su.end()
  workdir = await mkdtemp(join(tmpdir(), 'troika-migrate-'))
  await mkdir(join(workdir, 'supabase', 'migrations'), { recursive: true })
  await writeFile(join(workdir, 'supabase', 'config.toml'), 'project_id = "migrate-check"\n')
  await writeFile(
    join(workdir, 'supabase', 'migrations', '20260101000000_broken.sql'),
    '-- a broken migration\ncreate table good (id int);\n\ncreate view bad as\n  select missing_column from good;\n',
  )
})

afterAll(async () => {
  const su = await superuserDb()
  await su.query(`drop database if exists ${dbName} with (force)`)
  await su.end()
  await rm(workdir, { recursive: true, force: true })
})

describe('migration failures', () => {
  it('name the file, the line of the failing statement and the Postgres message', async () => {
    const url = new URL(stackInfo().dbUrl)
    url.pathname = `/${dbName}`
    const failure = applyMigrations(url.toString(), workdir)
    await expect(failure).rejects.toThrow(
      'supabase/migrations/20260101000000_broken.sql:5: ERROR: column "missing_column" does not exist',
    )
    // The CLI runs a migration in one transaction: the good statement before it is gone too.
    const check = new URL(stackInfo().superuserDbUrl)
    check.pathname = `/${dbName}`
    const db = new pg.Client({ connectionString: check.toString() })
    await db.connect()
    const { rows } = await db.query("select to_regclass('public.good') as t")
    await db.end()
    expect(rows[0].t).toBeNull()
  })
})
