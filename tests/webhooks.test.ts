// Webhooks end to end (supabase/migrations/*_extensions.sql, functions/webhook-dispatch, the stack's
// worker): events written in the transaction of their change (a rollback sends nothing), signed
// deliveries to a receiver on 127.0.0.1, retries with back-off, the delivery log, endpoints turned
// off after repeated failures, replays, and the DingTalk/WeCom robot formats. The receiver checks
// signatures with node:crypto, independently of the worker's own module.
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { SupabaseClient } from '@supabase/supabase-js'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyTroikaWebhook } from '../docs/examples/troika-integration.ts'
import { colleague, newCompany } from './helpers/company.ts'
import { stackInfo, superuserDb } from './helpers/stack.ts'

type Company = Awaited<ReturnType<typeof newCompany>>
type Failure = { code: string; message: string; hint: string | null } | null
type Untyped = { rpc(fn: string, args?: object): PromiseLike<{ data: unknown; error: Failure }> }

interface Received {
  path: string
  query: URLSearchParams
  headers: IncomingMessage['headers']
  body: string
}

let db: pg.Client
let server: Server
let base: string
let a: Company
let b: Company
const received: Received[] = []
/** Answers per path, used in order; the last one repeats. Default 200. */
const answers = new Map<string, Array<{ status: number; body?: string }>>()

function answerFor(path: string) {
  const list = answers.get(path)
  if (!list?.length) return { status: 200, body: 'ok' }
  return list.length > 1 ? (list.shift() as { status: number; body?: string }) : list[0]
}

async function rpc<T = unknown>(c: SupabaseClient, fn: string, args: object = {}) {
  const { data, error } = await (c as unknown as Untyped).rpc(fn, args)
  return { data: data as T, error }
}

function endpoints(c: SupabaseClient) {
  return c.from('webhook_endpoints' as never)
}

async function addEndpoint(c: Company, path: string, events: string[], extra: Record<string, unknown> = {}) {
  const { data, error } = await endpoints(c.ownerClient)
    .insert({
      tenant_id: c.tenantId,
      name: `hook ${path}`,
      url: `${base}${path}`,
      event_types: events,
      ...extra,
    } as never)
    .select('id, secret')
    .single()
  if (error) throw new Error(`endpoint: ${error.code} ${error.message}`)
  return data as { id: string; secret: string }
}

let partyCounter = 0
async function addParty(c: Company, name: string) {
  const code = `W${process.pid % 1000}${Date.now() % 100000}${partyCounter++}`
  const { data, error } = await c.ownerClient
    .from('parties')
    .insert({ tenant_id: c.tenantId, code, name } as never)
    .select('id')
    .single()
  if (error) throw new Error(`party: ${error.message}`)
  return (data as { id: string }).id
}

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 15_000) {
  const until = Date.now() + ms
  for (;;) {
    const value = await probe()
    if (value !== undefined && value !== false) return value as T
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

const at = (path: string) => received.filter((r) => r.path === path)

/** The receiver's check, written here with node:crypto (the worker signs with Web Crypto). */
function signatureValid(secret: string, r: Received, toleranceSeconds = 300): boolean {
  const header = String(r.headers['troika-signature'] ?? '')
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1]
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1]
  if (!t || !v1) return false
  if (Math.abs(Date.now() / 1000 - Number(t)) > toleranceSeconds) return false
  const expected = createHmac('sha256', secret).update(`${t}.${r.body}`).digest()
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'))
}

/** Runs a worker pass now, through the edge function, as a schedule would hosted. */
async function dispatchNow(token = stackInfo().serviceRoleKey) {
  const res = await fetch(`${stackInfo().apiUrl}/functions/v1/webhook-dispatch`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, apikey: stackInfo().anonKey },
  })
  return { status: res.status, body: await res.json() }
}

async function deliveriesOf(endpointId: string) {
  const { rows } = await db.query(
    'select * from public.webhook_deliveries where endpoint_id = $1 order by id',
    [endpointId],
  )
  return rows
}

beforeAll(async () => {
  db = await superuserDb()
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1')
      received.push({
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      })
      const answer = answerFor(url.pathname)
      res.writeHead(answer.status, { 'content-type': 'application/json' })
      res.end(answer.body ?? '')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
  a = await newCompany('hooks-a')
  b = await newCompany('hooks-b')
}, 60_000)
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await db?.end()
})

describe('webhooks: subscribing', () => {
  it('only known events, http(s) URLs, by those with webhooks rights, invisible to other companies', async () => {
    const unknown = await endpoints(a.ownerClient).insert({
      tenant_id: a.tenantId,
      name: 'x',
      url: `${base}/x`,
      event_types: ['party.deleted_forever'],
    } as never)
    expect(unknown.error).toMatchObject({ code: 'TR811', hint: 'event_types' })
    const badUrl = await endpoints(a.ownerClient).insert({
      tenant_id: a.tenantId,
      name: 'x',
      url: 'ftp://example.com/x',
      event_types: ['party.created'],
    } as never)
    expect(badUrl.error).toMatchObject({ code: 'TR810', hint: 'url' })
    const sales = await colleague(db, a.tenantId, 'sales', 'hooks-sales')
    const bySales = await endpoints(sales.db as unknown as SupabaseClient).insert({
      tenant_id: a.tenantId,
      name: 'x',
      url: `${base}/x`,
      event_types: ['party.created'],
    } as never)
    expect(bySales.error?.code).toBe('42501')

    // A role that may manage webhooks but not read customers cannot have customers sent out.
    await db.query(
      `with r as (insert into public.roles (tenant_id, key, name) values ($1, 'hooks_only', 'Hooks only') returning id)
       insert into public.role_permissions (tenant_id, role_id, resource, action)
       select $1, r.id, x.resource, x.action from r,
         (values ('webhooks', 'read'), ('webhooks', 'create'), ('members', 'read')) as x(resource, action)`,
      [a.tenantId],
    )
    const hooksOnly = (await colleague(db, a.tenantId, 'hooks_only', 'hooks-only'))
      .db as unknown as SupabaseClient
    const leak = await endpoints(hooksOnly).insert({
      tenant_id: a.tenantId,
      name: 'leak',
      url: `${base}/leak`,
      event_types: ['member.joined', 'party.created'],
    } as never)
    expect(leak.error).toMatchObject({ code: 'TR812', hint: 'event_types' })
    const fine = await endpoints(hooksOnly).insert({
      tenant_id: a.tenantId,
      name: 'members only',
      url: `${base}/members`,
      event_types: ['member.joined'],
    } as never)
    expect(fine.error).toBeNull()

    const mine = await addEndpoint(a, '/visible', ['item.created'])
    expect(mine.secret).toMatch(/^[0-9a-f]{48}$/)
    const fromB = await endpoints(b.ownerClient).select('id').eq('id', mine.id)
    expect(fromB.data).toEqual([])
    const hijack = await endpoints(b.ownerClient)
      .update({ url: 'http://127.0.0.1:1/evil' } as never)
      .eq('id', mine.id)
      .select('id')
    expect(hijack.data ?? []).toEqual([])
    // The audit trail records endpoints without their secrets (accountants read the audit log).
    const newSecret = 'rotated-secret-0123456789'
    const rotated = await endpoints(a.ownerClient)
      .update({ secret: newSecret } as never)
      .eq('id', mine.id)
    expect(rotated.error).toBeNull()
    const trail = await db.query(
      `select action, new_values from public.audit_log where table_name = 'webhook_endpoints' and row_id = $1 order by id`,
      [mine.id],
    )
    expect(trail.rows.map((r) => r.action)).toEqual(['insert', 'update'])
    expect(trail.rows[1].new_values.secret).toBe('(changed)')
    expect(JSON.stringify(trail.rows)).not.toContain(mine.secret)
    expect(JSON.stringify(trail.rows)).not.toContain(newSecret)
    // The delivery state is the worker's: not writable through the API.
    const cheat = await endpoints(a.ownerClient)
      .update({ consecutive_failures: 0 } as never)
      .eq('id', mine.id)
    expect(cheat.error?.code).toBe('42501')
  })
})

describe('webhooks: the outbox', () => {
  it('a committed change is delivered, signed, with its event id', async () => {
    const hook = await addEndpoint(a, '/signed', ['party.created', 'member.joined'])
    const partyId = await addParty(a, 'Signed Trading Co')
    const r = await waitFor('the delivery', () => at('/signed').find((x) => x.body.includes(partyId)))
    const event = JSON.parse(r.body)
    expect(event).toMatchObject({
      type: 'party.created',
      tenant_id: a.tenantId,
      data: { id: partyId, name: 'Signed Trading Co' },
    })
    expect(event.data.tenant_id).toBeUndefined()
    expect(r.headers['troika-event-id']).toBe(event.id)
    expect(r.headers['troika-event-type']).toBe('party.created')
    expect(r.headers['content-type']).toBe('application/json')
    expect(signatureValid(hook.secret, r)).toBe(true)
    expect(verifyTroikaWebhook(hook.secret, String(r.headers['troika-signature']), r.body)).toBe(true)
    expect(verifyTroikaWebhook(hook.secret, String(r.headers['troika-signature']), `${r.body} `)).toBe(false)
    expect(signatureValid('not-the-secret', r)).toBe(false)
    expect(signatureValid(hook.secret, { ...r, body: r.body.replace('Signed', 'Forged') })).toBe(false)

    const log = await waitFor('delivered state', async () => {
      const [d] = await deliveriesOf(hook.id)
      return d?.status === 'delivered' ? d : undefined
    })
    expect(log).toMatchObject({ attempts: 1, last_status_code: 200 })
    // The tenant sees its log through the API.
    const attempts = await a.ownerClient
      .from('webhook_delivery_attempts' as never)
      .select('attempt, ok, status_code')
      .eq('delivery_id', log.id)
    expect(attempts.data).toEqual([{ attempt: 1, ok: true, status_code: 200 }])
    const fromB = await b.ownerClient
      .from('webhook_events' as never)
      .select('id')
      .eq('id', event.id)
    expect(fromB.data).toEqual([])

    // Members joining are events too (people, not the service accounts of API keys).
    const person = await colleague(db, a.tenantId, 'employee', 'hooks-joiner')
    await waitFor('member.joined', () => at('/signed').find((x) => x.body.includes(person.user.id)))
    const key = await rpc<Array<{ api_key_id: string }>>(a.ownerClient, 'create_api_key', {
      p_name: 'no event',
      p_role_key: 'employee',
    })
    expect(key.error).toBeNull()
    const { rows } = await db.query(
      `select count(*)::int as n from public.webhook_events e join public.api_keys k on e.payload ->> 'user_id' = k.service_user_id::text
       where k.id = $1`,
      [key.data[0].api_key_id],
    )
    expect(rows[0].n).toBe(0)
  })

  it('a rolled-back change records and sends nothing', async () => {
    await addEndpoint(a, '/rollback', ['party.created'])
    const marker = `Rolled back ${Date.now()}`
    // One request, two rows, the second invalid: the statement fails as a whole.
    const code = `RB${Date.now() % 100000}`
    const failed = await a.ownerClient.from('parties').insert([
      { tenant_id: a.tenantId, code, name: marker },
      { tenant_id: a.tenantId, code, name: `${marker} twin` },
    ] as never)
    expect(failed.error).not.toBeNull()
    // And a transaction that emitted explicitly, then rolled back.
    await db.query('begin')
    const emitted = await db.query('select app_private.emit_event($1, $2, $3) as id', [
      a.tenantId,
      'party.created',
      { name: marker },
    ])
    expect(emitted.rows[0].id).toMatch(/^[0-9a-f-]{36}$/)
    await db.query('rollback')
    // A committed one after them, to know the worker had its chance.
    const later = await addParty(a, `${marker} committed`)
    await waitFor('the committed event', () => at('/rollback').find((x) => x.body.includes(later)))
    expect(at('/rollback').filter((x) => x.body.includes(marker) && !x.body.includes('committed'))).toEqual(
      [],
    )
    const { rows } = await db.query(
      `select count(*)::int as n from public.webhook_events where payload ->> 'name' in ($1, $2)`,
      [marker, `${marker} twin`],
    )
    expect(rows[0].n).toBe(0)
  })

  it('events are recorded only for companies with a subscriber', async () => {
    const before = await db.query(
      'select count(*)::int as n from public.webhook_events where tenant_id = $1',
      [b.tenantId],
    )
    await addParty(b, 'Nobody listens')
    const after = await db.query(
      'select count(*)::int as n from public.webhook_events where tenant_id = $1',
      [b.tenantId],
    )
    expect(after.rows[0].n).toBe(before.rows[0].n)
  })
})

describe('webhooks: retries, the log, turning off, replay', () => {
  it('retries a failed delivery after the back-off, with the same event id', async () => {
    answers.set('/flaky', [
      { status: 500, body: 'down' },
      { status: 200, body: 'ok' },
    ])
    const hook = await addEndpoint(a, '/flaky', ['party.created'])
    const partyId = await addParty(a, 'Flaky Co')
    await waitFor('the first attempt', () => at('/flaky').find((x) => x.body.includes(partyId)))
    const pending = await waitFor('the retry to be scheduled', async () => {
      const [d] = await deliveriesOf(hook.id)
      return d?.last_status_code === 500 ? d : undefined
    })
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, last_error: 'HTTP 500' })
    const delay = (new Date(pending.next_attempt_at).getTime() - Date.now()) / 1000
    expect(delay).toBeGreaterThan(3)
    expect(delay).toBeLessThanOrEqual(10.5)
    const endpointState = await db.query(
      'select consecutive_failures from public.webhook_endpoints where id = $1',
      [hook.id],
    )
    expect(endpointState.rows[0].consecutive_failures).toBe(1)

    // Not before it is due: a pass now sends nothing to it.
    await dispatchNow()
    expect(at('/flaky')).toHaveLength(1)
    await db.query('update public.webhook_deliveries set next_attempt_at = now() where id = $1', [pending.id])
    const pass = await dispatchNow()
    expect(pass.status).toBe(200)
    await waitFor('the second attempt', () => at('/flaky').length === 2)
    const [first, second] = at('/flaky')
    expect(second.headers['troika-event-id']).toBe(first.headers['troika-event-id'])
    expect([first.headers['troika-delivery-attempt'], second.headers['troika-delivery-attempt']]).toEqual([
      '1',
      '2',
    ])
    expect(signatureValid(hook.secret, second)).toBe(true)
    const done = await waitFor('delivered', async () => {
      const [d] = await deliveriesOf(hook.id)
      return d?.status === 'delivered' ? d : undefined
    })
    expect(done.attempts).toBe(2)
    const log = await db.query(
      'select attempt, ok, status_code, response from public.webhook_delivery_attempts where delivery_id = $1 order by attempt',
      [done.id],
    )
    expect(log.rows).toEqual([
      { attempt: 1, ok: false, status_code: 500, response: 'down' },
      { attempt: 2, ok: true, status_code: 200, response: 'ok' },
    ])
    const reset = await db.query('select consecutive_failures from public.webhook_endpoints where id = $1', [
      hook.id,
    ])
    expect(reset.rows[0].consecutive_failures).toBe(0)
  })

  it('only the service_role runs the worker function', async () => {
    const refused = await dispatchNow(a.owner.session.access_token)
    expect(refused.status).toBe(403)
  })

  it('turns an endpoint off after failure_limit consecutive failures, visibly to the company', async () => {
    answers.set('/dead', [{ status: 503, body: 'no' }])
    const hook = await addEndpoint(a, '/dead', ['party.created'], { failure_limit: 2 })
    await addParty(a, 'Dead letter Co')
    await waitFor('attempt 1', () => at('/dead').length === 1)
    const [d] = await waitFor('failure 1', async () => {
      const rows = await deliveriesOf(hook.id)
      return rows[0]?.attempts === 1 && rows[0].locked_until === null ? rows : undefined
    })
    await db.query('update public.webhook_deliveries set next_attempt_at = now() where id = $1', [d.id])
    await dispatchNow()
    await waitFor('attempt 2', () => at('/dead').length === 2)
    const seen = await waitFor('the endpoint turned off', async () => {
      const { data } = await endpoints(a.ownerClient)
        .select('active, disabled_at, disabled_reason, consecutive_failures')
        .eq('id', hook.id)
        .single()
      const row = data as unknown as { active: boolean; disabled_reason: string } | null
      return row?.active === false ? row : undefined
    })
    expect(seen).toMatchObject({ active: false, consecutive_failures: 2 })
    expect(seen.disabled_reason).toContain('503')
    // Nothing more is sent to it while off, even when due.
    await db.query('update public.webhook_deliveries set next_attempt_at = now() where endpoint_id = $1', [
      hook.id,
    ])
    await dispatchNow()
    expect(at('/dead')).toHaveLength(2)
    // Turning it on again clears the count and resumes the pending delivery.
    answers.set('/dead', [{ status: 200, body: 'back' }])
    const on = await endpoints(a.ownerClient)
      .update({ active: true } as never)
      .eq('id', hook.id)
      .select('consecutive_failures, disabled_at')
      .single()
    expect(on.data).toEqual({ consecutive_failures: 0, disabled_at: null })
    await dispatchNow()
    await waitFor('attempt 3', () => at('/dead').length === 3)
  })

  it('replays an event on request, with the same event id', async () => {
    const hook = await addEndpoint(a, '/replay', ['party.created'])
    const partyId = await addParty(a, 'Replay Co')
    const first = await waitFor('the delivery', () => at('/replay').find((x) => x.body.includes(partyId)))
    const eventId = String(first.headers['troika-event-id'])
    await waitFor('delivered', async () => (await deliveriesOf(hook.id))[0]?.status === 'delivered')

    const sales = await colleague(db, a.tenantId, 'sales', 'hooks-replayer')
    const refused = await rpc(sales.db as unknown as SupabaseClient, 'replay_webhook_event', {
      p_event_id: eventId,
    })
    expect(refused.error?.code).toBe('TR104')
    const other = await rpc(b.ownerClient, 'replay_webhook_event', { p_event_id: eventId })
    expect(other.error).toMatchObject({ code: 'TR814', hint: 'event_id' })

    const { data, error } = await rpc<number>(a.ownerClient, 'replay_webhook_event', {
      p_event_id: eventId,
      p_endpoint_id: hook.id,
    })
    expect(error).toBeNull()
    expect(data).toBe(1)
    await waitFor(
      'the replay',
      () => at('/replay').filter((x) => x.headers['troika-event-id'] === eventId).length === 2,
    )
    const rows = await deliveriesOf(hook.id)
    expect(rows.map((r) => r.replay)).toEqual([false, true])
  })
})

describe('webhooks: chat robots', () => {
  it('DingTalk gets its markdown message and a signed URL; errcode 0 counts as delivered', async () => {
    answers.set('/ding', [{ status: 200, body: '{"errcode":0,"errmsg":"ok"}' }])
    const hook = await addEndpoint(a, '/ding', ['party.created'], {
      kind: 'dingtalk',
      url: `${base}/ding?access_token=robot-token`,
      secret: 'SEC-ding-secret',
    })
    await addParty(a, '钉钉客户有限公司')
    const r = await waitFor('the robot message', () => at('/ding')[0])
    expect(JSON.parse(r.body)).toEqual({
      msgtype: 'markdown',
      markdown: {
        title: '新增往来单位：钉钉客户有限公司',
        text: expect.stringContaining('### 新增往来单位：钉钉客户有限公司'),
      },
    })
    expect(r.query.get('access_token')).toBe('robot-token')
    const ts = r.query.get('timestamp') as string
    expect(r.query.get('sign')).toBe(
      createHmac('sha256', 'SEC-ding-secret').update(`${ts}\nSEC-ding-secret`).digest('base64'),
    )
    await waitFor('delivered', async () => (await deliveriesOf(hook.id))[0]?.status === 'delivered')
  })

  it('WeCom gets its markdown message; a non-zero errcode is a failure', async () => {
    answers.set('/wecom', [{ status: 200, body: '{"errcode":93000,"errmsg":"invalid webhook url"}' }])
    const hook = await addEndpoint(a, '/wecom', ['party.created'], {
      kind: 'wecom',
      url: `${base}/wecom?key=k1`,
    })
    await addParty(a, '企业微信客户')
    const r = await waitFor('the robot message', () => at('/wecom')[0])
    const message = JSON.parse(r.body)
    expect(message.msgtype).toBe('markdown')
    expect(message.markdown.content).toMatch(/^\*\*新增往来单位：企业微信客户\*\*\n> 编码：/)
    const d = await waitFor('the failure', async () => {
      const [row] = await deliveriesOf(hook.id)
      return row?.last_error ? row : undefined
    })
    expect(d).toMatchObject({ status: 'pending', last_error: 'errcode 93000: invalid webhook url' })
  })
})
