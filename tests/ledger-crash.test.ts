// Crash: clients post documents while the database is SIGKILLed (the postmaster and every backend, as
// a power cut would leave it, but with durable settings); it is restarted on the same data, and every
// request that got no answer is retried with the same idempotency key. Afterwards nothing is half-posted
// or posted twice, every answer a client got is still what the database holds, and all invariants hold.
//
// Clients speak SQL the way PostgREST does (role authenticated, request.jwt.claims and headers set per
// transaction), because the HTTP stack would only add a proxy between the client and the kill.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { applyBootstrap } from '../stack/bootstrap.ts'
import { applyMigrations } from '../stack/migrate.ts'
import { localPassword, type RunningPostgres, startPostgres, superuser } from '../stack/postgres.ts'
import { freePort } from '../stack/process.ts'
import { scratchDir } from '../stack/scratch.ts'
import { newCreditCode } from './helpers/credit-code.ts'
import { ledgerViolations, shanghaiToday } from './helpers/ledger.ts'

let dir: Awaited<ReturnType<typeof scratchDir>>
let port: number
let server: RunningPostgres | undefined
const url = () => `postgres://${superuser}:${localPassword}@127.0.0.1:${port}/postgres`
const dataDir = () => join(dir.path, 'db')

beforeAll(async () => {
  dir = await scratchDir('troika-crash-')
  port = await freePort()
  server = await startPostgres({ dataDir: dataDir(), port, reset: true, durable: true, log: () => {} })
  await applyBootstrap(url())
  await applyMigrations(`postgres://postgres:${localPassword}@127.0.0.1:${port}/postgres`)
}, 120_000)
afterAll(async () => {
  await server?.stop()
  await dir?.remove()
})

/** Runs one request as a signed-in person in a company, as PostgREST would. */
async function asPerson<T>(
  c: pg.Client,
  user: string,
  tenant: string | null,
  sql: string,
  params: unknown[],
) {
  await c.query('begin')
  try {
    await c.query(
      `select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true),
              set_config('request.headers', $2, true)`,
      [
        JSON.stringify({ sub: user, role: 'authenticated' }),
        JSON.stringify(tenant ? { 'x-tenant-id': tenant } : {}),
      ],
    )
    const r = await c.query(sql, params)
    await c.query('commit')
    return r.rows[0] as T
  } catch (e) {
    await c.query('rollback').catch(() => {})
    throw e
  }
}

/** SIGKILL for the postmaster and all its children. */
function killDatabase() {
  const pid = Number(readFileSync(join(dataDir(), 'postmaster.pid'), 'utf8').split('\n')[0])
  const children = readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return Number(readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1].split(' ')[1]) === pid
      } catch {
        return false
      }
    })
  for (const p of [pid, ...children.map(Number)]) {
    try {
      process.kill(p, 'SIGKILL')
    } catch {}
  }
}

it('a SIGKILL in the middle of postings loses nothing committed and posts nothing twice', async () => {
  const admin = new pg.Client({ connectionString: url() })
  await admin.connect()
  const user = (
    await admin.query(
      `insert into auth.users (id, aud, role, email, encrypted_password, email_confirmed_at, created_at, updated_at)
       values (gen_random_uuid(), 'authenticated', 'authenticated', 'crash@example.test', '', now(), now(), now()) returning id`,
    )
  ).rows[0].id as string
  await admin.query(`insert into public.profiles (id) values ($1) on conflict do nothing`, [user])
  const tenant = (
    await asPerson<{ id: string }>(
      admin,
      user,
      null,
      `select public.create_company('崩溃测试公司', $1, 'general') as id`,
      [newCreditCode()],
    )
  ).id
  const customer = (
    await admin.query(
      `insert into public.parties (tenant_id, code, name) values ($1, 'C1', '客户') returning id`,
      [tenant],
    )
  ).rows[0].id
  const supplier = (
    await admin.query(
      `insert into public.parties (tenant_id, code, name, is_customer, is_supplier) values ($1, 'S1', '供应商', false, true) returning id`,
      [tenant],
    )
  ).rows[0].id
  const item = (
    await admin.query(
      `insert into public.items (tenant_id, sku, name) values ($1, 'HOT', '热门商品') returning id`,
      [tenant],
    )
  ).rows[0].id
  await admin.end()

  const today = shanghaiToday()
  const requests = Array.from({ length: 240 }, (_, i) => {
    const key = `crash-request-${i}`
    if (i % 3 === 0)
      return {
        key,
        type: 'purchase_receipt',
        doc: {
          date: today,
          supplier_id: supplier,
          lines: [{ item_id: item, quantity: '5', unit_cost: `${10 + (i % 7)}.25` }],
        },
      }
    if (i % 3 === 1)
      return {
        key,
        type: 'delivery',
        doc: { date: today, customer_id: customer, lines: [{ item_id: item, quantity: '1' }] },
      }
    return {
      key,
      type: 'sales_invoice',
      doc: {
        date: today,
        customer_id: customer,
        lines: [{ quantity: '2', unit_price: '56.50', tax_code: 'VAT13' }],
      },
    }
  })
  const answers = new Map<string, unknown>()
  const refused = new Map<string, string>()
  const unanswered = new Set<string>()

  const send = async (c: pg.Client, r: (typeof requests)[number]) => {
    try {
      const row = await asPerson<{ result: unknown }>(
        c,
        user,
        tenant,
        'select public.post_document($1, $2, $3) as result',
        [r.type, r.key, r.doc],
      )
      answers.set(r.key, row.result)
      unanswered.delete(r.key)
    } catch (e) {
      const code = (e as { code?: string }).code
      if (code?.startsWith('TR')) {
        refused.set(r.key, `${code} ${(e as Error).message}`)
        unanswered.delete(r.key)
      } else {
        unanswered.add(r.key)
        throw e
      }
    }
  }

  // six clients, each taking every sixth request; the kill comes while they are busy
  let next = 0
  let killed = false
  const client = async () => {
    const c = new pg.Client({ connectionString: url() })
    c.on('error', () => {})
    await c.connect()
    try {
      for (;;) {
        const r = requests[next++]
        if (!r) return
        if (next === 90 && !killed) {
          killed = true
          killDatabase()
        }
        await send(c, r)
      }
    } catch {
      // the connection died with the database: everything not yet sent is unanswered too
      for (const r of requests.slice(next)) unanswered.add(r.key)
      next = requests.length
    } finally {
      await c.end().catch(() => {})
    }
  }
  await Promise.all(Array.from({ length: 6 }, client))
  expect(killed).toBe(true)
  expect(unanswered.size).toBeGreaterThan(0)

  server = await startPostgres({ dataDir: dataDir(), port, reset: false, durable: true, log: () => {} })
  const c = new pg.Client({ connectionString: url() })
  await c.connect()
  try {
    // retry what got no answer, with the same keys and payloads, in the original order
    for (const r of requests.filter((x) => unanswered.has(x.key))) await send(c, r)
    expect(unanswered.size).toBe(0)
    // every answer a client got is still the database's answer (retrying returns it again)
    for (const r of requests.filter((x) => answers.has(x.key)).slice(0, 60)) {
      const again = await asPerson<{ result: unknown }>(
        c,
        user,
        tenant,
        'select public.post_document($1, $2, $3) as result',
        [r.type, r.key, r.doc],
      )
      expect(again.result).toEqual(answers.get(r.key))
    }
    expect([...refused.values()].filter((why) => !why.startsWith('TR730'))).toEqual([])
    const docs = await c.query(`select count(*)::int n from public.ledger_documents where tenant_id = $1`, [
      tenant,
    ])
    expect(docs.rows[0].n).toBe(answers.size)
    expect(await ledgerViolations(c, tenant)).toEqual([])
  } finally {
    await c.end()
  }
}, 240_000)
