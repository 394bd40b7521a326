// Who listens to what: joined channels by topic (broadcast, presence) and postgres_changes
// subscriptions by table. Also the fan-out of broadcasts and presence diffs between channels.
import type { Channel } from './channel.ts'
import type { Filter } from './filters.ts'
import type { BroadcastFrame } from './protocol.ts'

export type Action = '*' | 'INSERT' | 'UPDATE' | 'DELETE'

export interface PgSubscription {
  /** The id realtime-js matches change events with (payload.ids). */
  id: number
  /** What the client asked for, echoed in the join reply. */
  params: Record<string, unknown>
  action: Action
  /** Table OIDs this subscription covers. */
  relations: Set<number>
  filters: Filter[]
  /** Column subset the client asked for (`select`), if any. */
  select?: Set<string>
  channel: Channel
}

export interface PresenceMeta {
  key: string
  meta: Record<string, unknown>
}

type PresenceState = Record<string, { metas: Record<string, unknown>[] }>

export class Hub {
  private topics = new Map<string, Set<Channel>>()
  private byRelation = new Map<number, Set<PgSubscription>>()

  add(channel: Channel) {
    const set = this.topics.get(channel.topic) ?? new Set<Channel>()
    this.topics.set(channel.topic, set)
    set.add(channel)
    for (const sub of channel.pgSubs) {
      for (const oid of sub.relations) {
        const subs = this.byRelation.get(oid) ?? new Set<PgSubscription>()
        this.byRelation.set(oid, subs)
        subs.add(sub)
      }
    }
  }

  remove(channel: Channel) {
    const set = this.topics.get(channel.topic)
    if (set?.delete(channel) && set.size === 0) this.topics.delete(channel.topic)
    for (const sub of channel.pgSubs) {
      for (const oid of sub.relations) {
        const subs = this.byRelation.get(oid)
        if (subs?.delete(sub) && subs.size === 0) this.byRelation.delete(oid)
      }
    }
    if (channel.presence) {
      const left = channel.presence
      channel.presence = undefined
      this.presenceDiff(channel.topic, {}, { [left.key]: { metas: [left.meta] } })
    }
  }

  subscriptionsFor(relationOid: number): PgSubscription[] {
    return [...(this.byRelation.get(relationOid) ?? [])]
  }

  /** Number of joined channels, for logs and tests. */
  size(): number {
    let n = 0
    for (const set of this.topics.values()) n += set.size
    return n
  }

  broadcast(from: Channel, frame: BroadcastFrame) {
    for (const channel of this.topics.get(from.topic) ?? []) {
      if (channel.closed || (channel === from && !from.broadcastSelf)) continue
      channel.conn.sendBroadcast(from.topic, frame.userEvent, frame.body)
    }
  }

  presenceState(topic: string): PresenceState {
    const state: PresenceState = {}
    for (const channel of this.topics.get(topic) ?? []) {
      const p = channel.presence
      if (!p) continue
      if (!state[p.key]) state[p.key] = { metas: [] }
      state[p.key].metas.push(p.meta)
    }
    return state
  }

  presenceDiff(topic: string, joins: PresenceState, leaves: PresenceState) {
    for (const channel of this.topics.get(topic) ?? []) {
      if (channel.closed || !channel.presenceEnabled) continue
      channel.conn.send({
        joinRef: null,
        ref: null,
        topic,
        event: 'presence_diff',
        payload: { joins, leaves },
      })
    }
  }
}
