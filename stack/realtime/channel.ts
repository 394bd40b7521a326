// One joined topic on one socket: phx_join (token, postgres_changes, broadcast and presence
// config), phx_leave, access_token refresh and expiry, broadcast and presence messages. Replies and
// errors follow Supabase Realtime (`{status, response}` replies, `system` messages, phx_close).
import { randomUUID } from 'node:crypto'
import type { Catalog } from './catalog.ts'
import type { Hub, PgSubscription } from './hub.ts'
import type { BroadcastBody, BroadcastFrame, Frame, Vsn } from './protocol.ts'
import { resolveSubscriptions } from './subscriptions.ts'
import { type Claims, nowSeconds, verifyToken } from './tokens.ts'

export interface RealtimeContext {
  hub: Hub
  catalog: Catalog
  secret: Uint8Array
  log: (line: string) => void
  /** Whether the replication stream is up (for the opt-in `replication_ready` notice). */
  replicating: () => boolean
}

export interface ChannelConnection {
  readonly vsn: Vsn
  /** The socket's apikey: the token of channels that join without an access_token. */
  readonly apikey: string
  readonly channels: Map<string, Channel>
  readonly closed: boolean
  send(frame: Frame): void
  sendBroadcast(topic: string, userEvent: string, body: BroadcastBody): void
}

type Obj = Record<string, unknown>
const obj = (value: unknown): Obj =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Obj) : {}

/** Longest wait between token expiry checks (timers cannot wait until a far-future exp). */
const MAX_EXPIRY_CHECK_MS = 60 * 60 * 1000

export class Channel {
  readonly subTopic: string
  claims: Claims = { role: 'anon', exp: 0 }
  token = ''
  pgSubs: PgSubscription[] = []
  joined = false
  closed = false
  broadcastSelf = false
  broadcastAck = false
  presenceKey: string = randomUUID()
  presenceEnabled = false
  presence?: { key: string; meta: Obj }
  private expiryTimer?: NodeJS.Timeout

  constructor(
    readonly ctx: RealtimeContext,
    readonly conn: ChannelConnection,
    readonly topic: string,
    readonly joinRef: string | null,
  ) {
    this.subTopic = topic.slice('realtime:'.length)
  }

  push(event: string, payload: unknown) {
    this.conn.send({ joinRef: this.joinRef, ref: null, topic: this.topic, event, payload })
  }

  reply(ref: string | null, status: 'ok' | 'error', response: unknown = {}) {
    this.conn.send({
      joinRef: this.joinRef,
      ref,
      topic: this.topic,
      event: 'phx_reply',
      payload: { status, response },
    })
  }

  system(extension: string, status: 'ok' | 'error', message: string) {
    this.push('system', { extension, status, message, channel: this.subTopic })
  }

  /** Ends the channel from the server side: a `system` error, then phx_close (no rejoin). */
  shutdown(message: string) {
    if (this.closed) return
    this.system('system', 'error', message)
    this.push('phx_close', {})
    this.dispose()
  }

  /** Replaced by a newer join of the same topic on this socket (the client drops the stale close). */
  replaced() {
    if (this.closed) return
    this.push('phx_close', {})
    this.dispose()
  }

  dispose() {
    if (this.closed) return
    this.closed = true
    clearTimeout(this.expiryTimer)
    this.ctx.hub.remove(this)
    if (this.conn.channels.get(this.topic) === this) this.conn.channels.delete(this.topic)
  }

  /** Closes the channel when its token expires, as Supabase does. */
  watchExpiry() {
    clearTimeout(this.expiryTimer)
    const left = this.claims.exp - nowSeconds()
    if (left <= 0) {
      this.shutdown(`Token has expired ${-left} seconds ago`)
      return
    }
    this.expiryTimer = setTimeout(() => this.watchExpiry(), Math.min(left * 1000, MAX_EXPIRY_CHECK_MS))
    this.expiryTimer.unref()
  }
}

export async function join(ctx: RealtimeContext, conn: ChannelConnection, frame: Frame): Promise<void> {
  const { topic, ref } = frame
  const joinRef = frame.joinRef ?? ref
  const fail = (reason: string) =>
    conn.send({ joinRef, ref, topic, event: 'phx_reply', payload: { status: 'error', response: { reason } } })
  if (!topic.startsWith('realtime:')) return fail('unmatched topic')
  if (topic === 'realtime:') return fail('TopicNameRequired: You must provide a topic name')

  // A second join of a topic replaces the first, as Phoenix does.
  conn.channels.get(topic)?.replaced()
  const channel = new Channel(ctx, conn, topic, joinRef)
  conn.channels.set(topic, channel)
  const stillWanted = () => !channel.closed && !conn.closed && conn.channels.get(topic) === channel
  const reject = (reason: string) => {
    channel.dispose()
    fail(reason)
  }

  const payload = obj(frame.payload)
  const config = obj(payload.config)
  let token = payload.access_token ?? payload.user_token
  if (typeof token !== 'string' || token === '' || token.startsWith('sb_')) token = conn.apikey
  const checked = await verifyToken(token, ctx.secret)
  if (!stillWanted()) return
  if (!checked.ok) return reject(`${checked.code}: ${checked.message}`)
  channel.claims = checked.claims
  channel.token = checked.token

  if (config.private === true) {
    // Private channels need realtime.messages policies, which this stack does not have.
    return reject(
      `Unauthorized: You do not have permissions to read from this Channel topic: ${channel.subTopic}`,
    )
  }
  const broadcast = obj(config.broadcast)
  const presence = obj(config.presence)
  channel.broadcastSelf = broadcast.self === true
  channel.broadcastAck = broadcast.ack === true
  if (typeof presence.key === 'string' && presence.key !== '') channel.presenceKey = presence.key
  channel.presenceEnabled = presence.enabled === true

  const entries = (Array.isArray(config.postgres_changes) ? config.postgres_changes : []).filter(
    (e): e is Obj => !!e && typeof e === 'object' && !Array.isArray(e),
  )
  const wait = obj(config.postgres_changes_options).wait === true
  const { subscriptions, error } = await resolveSubscriptions(ctx.catalog, entries)
  if (!stillWanted()) return
  if (error && wait) return reject(`RealtimeDisabledForConfiguration: ${error}`)
  if (!error) channel.pgSubs = subscriptions.map((s) => ({ ...s, channel }))

  ctx.hub.add(channel)
  channel.joined = true
  channel.reply(ref, 'ok', { postgres_changes: subscriptions.map((s) => ({ ...s.params, id: s.id })) })
  if (entries.length > 0) {
    channel.system('postgres_changes', error ? 'error' : 'ok', error ?? 'Subscribed to PostgreSQL')
  }
  if (broadcast.replication_ready === true) {
    if (ctx.replicating()) channel.system('system', 'ok', 'Replication connection established')
    else return channel.shutdown('Replication connection was not established in time')
  }
  if (channel.presenceEnabled) channel.push('presence_state', ctx.hub.presenceState(topic))
  channel.watchExpiry()
}

/** An event on a topic this socket joined (or is joining). */
export function handleChannelEvent(channel: Channel, frame: Frame) {
  const { ref } = frame
  if (frame.event === 'phx_leave') {
    channel.reply(ref, 'ok')
    channel.dispose()
    return
  }
  if (!channel.joined) return
  const payload = obj(frame.payload)
  switch (frame.event) {
    case 'access_token':
      void refreshToken(channel, payload.access_token)
      return
    case 'broadcast':
      channel.ctx.hub.broadcast(channel, frame as BroadcastFrame)
      if (channel.broadcastAck) channel.reply(ref, 'ok')
      return
    case 'presence':
      presence(channel, ref, payload)
      return
    default:
      // Supabase ignores unknown client events.
      return
  }
}

async function refreshToken(channel: Channel, token: unknown) {
  if (typeof token !== 'string' || token === '' || token === channel.token || token.startsWith('sb_')) return
  const checked = await verifyToken(token, channel.ctx.secret)
  if (channel.closed) return
  if (!checked.ok) {
    channel.shutdown(checked.message)
    return
  }
  channel.claims = checked.claims
  channel.token = checked.token
  channel.watchExpiry()
}

function presence(channel: Channel, ref: string | null, payload: Obj) {
  const { hub } = channel.ctx
  if (payload.event === 'track') {
    const meta = payload.payload ?? {}
    if (typeof meta !== 'object' || Array.isArray(meta)) {
      channel.reply(ref, 'error', { reason: 'Presence track payload must be a map' })
      return
    }
    const previous = channel.presence
    const wasEnabled = channel.presenceEnabled
    channel.presenceEnabled = true
    channel.presence = { key: channel.presenceKey, meta: { ...(meta as Obj), phx_ref: randomUUID() } }
    channel.reply(ref, 'ok')
    if (!wasEnabled) channel.push('presence_state', hub.presenceState(channel.topic))
    const key = channel.presenceKey
    hub.presenceDiff(
      channel.topic,
      { [key]: { metas: [channel.presence.meta] } },
      previous ? { [previous.key]: { metas: [previous.meta] } } : {},
    )
  } else if (payload.event === 'untrack') {
    channel.reply(ref, 'ok')
    const previous = channel.presence
    if (!previous) return
    channel.presence = undefined
    hub.presenceDiff(channel.topic, {}, { [previous.key]: { metas: [previous.meta] } })
  } else {
    channel.reply(ref, 'error', { reason: 'unknown presence event' })
  }
}
