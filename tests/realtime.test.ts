// Realtime as supabase-js uses it: postgres_changes reach only the subscribers whom RLS lets see the
// row, filters narrow them, bad tokens are refused; broadcast and presence work between clients.
import type { RealtimeChannel, SupabaseClient } from '@supabase/supabase-js'
import { SignJWT } from 'jose'
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { client, serviceClient, signedInUser, stackInfo, superuserDb } from './helpers/stack.ts'

type Change = {
  eventType: string
  schema: string
  table: string
  commit_timestamp: string
  new: Record<string, unknown>
  old: Record<string, unknown>
  errors: unknown
}

const WAIT_MS = 10_000
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
let counter = 0
const topic = (name: string) => `rt-${name}-${process.pid}-${Date.now()}-${counter++}`

async function waitUntil(condition: () => boolean, what: string, ms = WAIT_MS) {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`)
    await sleep(25)
  }
}

/** Subscribes and resolves with the first status the server leads to (SUBSCRIBED, CHANNEL_ERROR…). */
function subscribe(channel: RealtimeChannel): Promise<{ status: string; error?: Error }> {
  return new Promise((resolve) => {
    channel.subscribe((status, error) => resolve({ status, error }))
  })
}

async function subscribed(channel: RealtimeChannel) {
  const { status, error } = await subscribe(channel)
  if (status !== 'SUBSCRIBED') throw new Error(`channel ${channel.topic}: ${status} ${error?.message ?? ''}`)
}

const clients: SupabaseClient[] = []
const track = <T extends SupabaseClient>(c: T) => {
  clients.push(c)
  return c
}

let db: pg.Client
let alice: Awaited<ReturnType<typeof signedInUser>>
let bob: Awaited<ReturnType<typeof signedInUser>>

const rename = (id: string, name: string) =>
  db.query('update public.profiles set display_name = $2 where id = $1', [id, name])

beforeAll(async () => {
  db = await superuserDb()
  alice = await signedInUser('rt-alice')
  bob = await signedInUser('rt-bob')
  track(alice.client)
  track(bob.client)
})

afterAll(async () => {
  for (const c of clients) await c.removeAllChannels()
  await db?.end()
})

describe('realtime postgres_changes', () => {
  it('sends a user the updates of their own profile, not of anyone else', async () => {
    const events: Change[] = []
    const channel = alice.client
      .channel(topic('own'))
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'profiles' }, (p) =>
        events.push(p as unknown as Change),
      )
    await subscribed(channel)

    // Changes are delivered in commit order: Bob's row first, so if it leaked it would arrive first.
    await rename(bob.user.id, 'Bob (hidden from Alice)')
    await rename(alice.user.id, 'Alice renamed')
    await waitUntil(() => events.length > 0, "Alice's update")
    await sleep(300)

    expect(events).toHaveLength(1)
    const [event] = events
    expect(event.eventType).toBe('UPDATE')
    expect(event.schema).toBe('public')
    expect(event.table).toBe('profiles')
    expect(event.errors).toBeNull()
    expect(Number.isNaN(Date.parse(event.commit_timestamp))).toBe(false)
    expect(event.new).toMatchObject({
      id: alice.user.id,
      display_name: 'Alice renamed',
      locale: expect.any(String),
    })
    // Without REPLICA IDENTITY FULL the old record carries the primary key only, as on Supabase.
    expect(event.old).toEqual({ id: alice.user.id })
  })

  it('narrows events with eq and in filters', async () => {
    const eq: Change[] = []
    const within: Change[] = []
    const service = track(serviceClient())
    const channel = service
      .channel(topic('filters'))
      .on(
        'postgres_changes',
        { event: 'UPDATE', schema: 'public', table: 'profiles', filter: `id=eq.${alice.user.id}` },
        (p) => eq.push(p as unknown as Change),
      )
      .on(
        'postgres_changes',
        {
          event: 'UPDATE',
          schema: 'public',
          table: 'profiles',
          filter: `id=in.(${alice.user.id},${bob.user.id})`,
        },
        (p) => within.push(p as unknown as Change),
      )
    await subscribed(channel)

    await rename(bob.user.id, 'Bob filtered')
    await rename(alice.user.id, 'Alice filtered')
    await waitUntil(() => eq.length > 0 && within.length > 1, 'the filtered updates')
    await sleep(300)

    expect(eq.map((e) => e.new.id)).toEqual([alice.user.id])
    expect(within.map((e) => e.new.id)).toEqual([bob.user.id, alice.user.id])
  })

  it('sends nothing to an anonymous subscriber of a table it cannot read', async () => {
    const anonEvents: Change[] = []
    const seen: Change[] = []
    const anon = track(client())
    await subscribed(
      anon
        .channel(topic('anon'))
        .on('postgres_changes', { event: '*', schema: 'public', table: 'profiles' }, (p) =>
          anonEvents.push(p as unknown as Change),
        ),
    )
    const service = track(serviceClient())
    await subscribed(
      service
        .channel(topic('sentinel'))
        .on(
          'postgres_changes',
          { event: 'UPDATE', schema: 'public', table: 'profiles', filter: `id=eq.${alice.user.id}` },
          (p) => seen.push(p as unknown as Change),
        ),
    )

    await rename(alice.user.id, 'Alice seen by the service role only')
    await waitUntil(() => seen.length > 0, 'the service-role copy of the update')
    await sleep(300)
    expect(anonEvents).toEqual([])
  })

  it('refuses a token with a bad signature or past its expiry', async () => {
    const exp = Math.floor(Date.now() / 1000)
    const sign = (secret: string, expiresAt: number) =>
      new SignJWT({ sub: alice.user.id, role: 'authenticated', aud: 'authenticated' })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setExpirationTime(expiresAt)
        .sign(new TextEncoder().encode(secret))

    const forged = track(client())
    await forged.realtime.setAuth(await sign('not-the-secret-not-the-secret-not-the-secret', exp + 3600))
    const bad = await subscribe(
      forged
        .channel(topic('forged'))
        .on('postgres_changes', { event: '*', schema: 'public', table: 'profiles' }, () => {}),
    )
    expect(bad.status).toBe('CHANNEL_ERROR')
    expect(bad.error?.message).toMatch(/JwtSignatureError/)

    const stale = track(client())
    await stale.realtime.setAuth(await sign(stackInfo().jwtSecret, exp - 60))
    const expired = await subscribe(
      stale
        .channel(topic('expired'))
        .on('postgres_changes', { event: '*', schema: 'public', table: 'profiles' }, () => {}),
    )
    expect(expired.status).toBe('CHANNEL_ERROR')
    expect(expired.error?.message).toMatch(/InvalidJWTToken: Token has expired/)
  })

  it('closes a joined channel whose token is replaced by an invalid one', async () => {
    const user = await signedInUser('rt-refresh')
    track(user.client)
    const statuses: string[] = []
    const system: Array<{ status: string; message: string }> = []
    const channel = user.client
      .channel(topic('refresh'))
      .on('postgres_changes', { event: '*', schema: 'public', table: 'profiles' }, () => {})
      .on('system', {}, (p) => system.push(p))
    await new Promise<void>((resolve) =>
      channel.subscribe((status) => {
        statuses.push(status)
        if (status === 'SUBSCRIBED') resolve()
      }),
    )
    await user.client.realtime.setAuth('not.a.jwt')
    await waitUntil(() => statuses.includes('CLOSED'), 'the channel to close')
    expect(system).toContainEqual(
      expect.objectContaining({ status: 'error', message: expect.stringMatching(/JWT/) }),
    )
  })
})

describe('realtime broadcast and presence', () => {
  it('delivers a broadcast to the other clients of the topic', async () => {
    const name = topic('room')
    const received: unknown[] = []
    const sender = track(client())
    const receiver = track(client())
    const out = sender.channel(name, { config: { broadcast: { ack: true } } })
    const inbox = receiver.channel(name).on('broadcast', { event: 'hello' }, (p) => received.push(p))
    await subscribed(out)
    await subscribed(inbox)
    expect(await out.send({ type: 'broadcast', event: 'hello', payload: { n: 1 } })).toBe('ok')
    await waitUntil(() => received.length > 0, 'the broadcast')
    expect(received).toEqual([{ type: 'broadcast', event: 'hello', payload: { n: 1 } }])
  })

  it('shares presence between the clients of a topic', async () => {
    const name = topic('presence')
    const watcher = track(client()).channel(name, { config: { presence: { key: 'watcher' } } })
    let synced = 0
    watcher.on('presence', { event: 'sync' }, () => synced++)
    const visitor = track(client()).channel(name, { config: { presence: { key: 'visitor' } } })
    await subscribed(watcher)
    await subscribed(visitor)
    expect(await visitor.track({ status: 'online' })).toBe('ok')
    await waitUntil(() => 'visitor' in watcher.presenceState(), 'the visitor to appear')
    expect(watcher.presenceState().visitor).toEqual([expect.objectContaining({ status: 'online' })])
    expect(await visitor.untrack()).toBe('ok')
    await waitUntil(() => !('visitor' in watcher.presenceState()), 'the visitor to leave')
    expect(synced).toBeGreaterThan(0)
  })
})

describe('realtime socket', () => {
  it('survives malformed frames and unknown topics, and answers heartbeats', async () => {
    const url = new URL('/realtime/v1/websocket', stackInfo().apiUrl.replace(/^http/, 'ws'))
    url.searchParams.set('apikey', stackInfo().anonKey)
    url.searchParams.set('vsn', '2.0.0')
    const ws = new WebSocket(url)
    const messages: unknown[] = []
    ws.on('message', (data) => messages.push(JSON.parse(String(data))))
    await new Promise((resolve, reject) => {
      ws.once('open', resolve)
      ws.once('error', reject)
    })
    ws.send('not json at all')
    ws.send('[1, 2]')
    ws.send(Buffer.from([3, 250, 0, 1]))
    ws.send(JSON.stringify([null, '1', 'realtime:never-joined', 'broadcast', { event: 'x', payload: {} }]))
    ws.send(
      JSON.stringify([
        '2',
        '2',
        'realtime:bad-filter',
        'phx_join',
        {
          config: {
            postgres_changes: [{ event: '*', schema: 'public', table: 'profiles', filter: 'id=nope.1' }],
          },
        },
      ]),
    )
    ws.send(JSON.stringify([null, '3', 'phoenix', 'heartbeat', {}]))
    const has = (ref: string | null, event: string) =>
      messages.some((m) => (m as unknown[])[1] === ref && (m as unknown[])[3] === event)
    await waitUntil(
      () => has('3', 'phx_reply') && has(null, 'system'),
      'the heartbeat reply and the join outcome',
    )
    expect(messages).toContainEqual([
      null,
      '1',
      'realtime:never-joined',
      'phx_reply',
      { status: 'error', response: { reason: 'unmatched topic' } },
    ])
    expect(messages).toContainEqual([
      '2',
      null,
      'realtime:bad-filter',
      'system',
      expect.objectContaining({ extension: 'postgres_changes', status: 'error' }),
    ])
    expect(messages).toContainEqual([null, '3', 'phoenix', 'phx_reply', { status: 'ok', response: {} }])
    ws.close()
  })

  it('refuses a socket whose apikey is not a valid token', async () => {
    const url = new URL('/realtime/v1/websocket', stackInfo().apiUrl.replace(/^http/, 'ws'))
    url.searchParams.set('apikey', 'not-a-key')
    url.searchParams.set('vsn', '2.0.0')
    const status = await new Promise<number>((resolve) => {
      const ws = new WebSocket(url)
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))
      ws.on('open', () => resolve(101))
      ws.on('error', () => {})
    })
    expect(status).toBeGreaterThanOrEqual(400)
  })
})
