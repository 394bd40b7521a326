// The bootstrap reproduces what Supabase's image provides: roles, schemas, auth helpers, publication.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { superuserDb } from './helpers/stack.ts'

let db: pg.Client
beforeAll(async () => {
  db = await superuserDb()
})
afterAll(async () => {
  await db.end()
})

async function role(name: string) {
  const { rows } = await db.query('select * from pg_roles where rolname = $1', [name])
  expect(rows, `role ${name} exists`).toHaveLength(1)
  return rows[0]
}

describe('roles have the attributes Supabase gives them', () => {
  it('postgres is not a superuser but can create roles and databases and bypasses RLS', async () => {
    const r = await role('postgres')
    expect(r).toMatchObject({
      rolsuper: false,
      rolcreaterole: true,
      rolcreatedb: true,
      rolbypassrls: true,
      rolcanlogin: true,
    })
  })
  it('the API roles cannot log in; only service_role bypasses RLS', async () => {
    expect(await role('anon')).toMatchObject({ rolcanlogin: false, rolinherit: false, rolbypassrls: false })
    expect(await role('authenticated')).toMatchObject({
      rolcanlogin: false,
      rolinherit: false,
      rolbypassrls: false,
    })
    expect(await role('service_role')).toMatchObject({
      rolcanlogin: false,
      rolinherit: false,
      rolbypassrls: true,
    })
  })
  it('authenticator logs in without inheriting and can switch to each API role', async () => {
    expect(await role('authenticator')).toMatchObject({
      rolcanlogin: true,
      rolinherit: false,
      rolsuper: false,
    })
    const { rows } = await db.query(
      `select r.rolname from pg_auth_members m join pg_roles r on r.oid = m.roleid
       join pg_roles u on u.oid = m.member where u.rolname = 'authenticator' order by 1`,
    )
    expect(rows.map((x) => x.rolname)).toEqual(['anon', 'authenticated', 'service_role'])
  })
  it('statement timeouts are set per API role', async () => {
    const { rows } = await db.query(
      `select r.rolname, s.setconfig from pg_db_role_setting s join pg_roles r on r.oid = s.setrole
       where r.rolname in ('anon', 'authenticated')`,
    )
    const settings = Object.fromEntries(rows.map((x) => [x.rolname, x.setconfig]))
    expect(settings.anon).toContain('statement_timeout=3s')
    expect(settings.authenticated).toContain('statement_timeout=8s')
  })
})

describe('schemas and functions', () => {
  it('extensions live in the extensions schema', async () => {
    const { rows } = await db.query(
      "select e.extname, n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace where extname = 'pgcrypto'",
    )
    expect(rows).toEqual([{ extname: 'pgcrypto', nspname: 'extensions' }])
  })
  it('auth.uid(), auth.role(), auth.email() and auth.jwt() read the request claims', async () => {
    await db.query('begin')
    try {
      const claims = {
        sub: '7b0c5a8e-35a4-4bc1-8a11-0d2c7c6f7a01',
        role: 'authenticated',
        email: 'a@example.com',
      }
      await db.query("select set_config('request.jwt.claims', $1, true)", [JSON.stringify(claims)])
      const { rows } = await db.query(
        'select auth.uid() as uid, auth.role() as role, auth.email() as email, auth.jwt() as jwt',
      )
      expect(rows[0]).toEqual({ uid: claims.sub, role: claims.role, email: claims.email, jwt: claims })
    } finally {
      await db.query('rollback')
    }
  })
  it('anon and authenticated cannot read auth.users', async () => {
    for (const r of ['anon', 'authenticated']) {
      await db.query('begin')
      try {
        await db.query(`set local role ${r}`)
        await expect(db.query('select * from auth.users limit 1')).rejects.toThrow(/permission denied/)
      } finally {
        await db.query('rollback')
      }
    }
  })
  it('the supabase_realtime publication exists and publishes profiles', async () => {
    const { rows } = await db.query(
      "select schemaname, tablename from pg_publication_tables where pubname = 'supabase_realtime'",
    )
    expect(rows).toContainEqual({ schemaname: 'public', tablename: 'profiles' })
  })
  it('migrations were applied by the Supabase CLI and recorded', async () => {
    const { rows } = await db.query(
      'select version from supabase_migrations.schema_migrations order by version',
    )
    expect(rows.length).toBeGreaterThan(0)
    expect(rows[0].version).toBe('20261128000001')
  })
})
