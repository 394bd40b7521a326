// Changes of the published tables, streamed by logical replication (pgoutput, protocol 1) from a
// TEMPORARY replication slot created on the replication connection itself: Postgres drops it when
// that connection ends, even if this process dies, so no slot is ever left behind holding WAL.
// Each start uses a fresh slot name. If the stream breaks, it is restarted with a new slot.
import { LogicalReplicationService, type Pgoutput, PgoutputPlugin } from 'pg-logical-replication'
import { PUBLICATION } from './catalog.ts'

/** A row as the stream gives it: text values, null, or undefined for an unchanged TOASTed value. */
export type Tuple = Record<string, string | null | undefined>

export interface Change {
  type: 'INSERT' | 'UPDATE' | 'DELETE'
  relationOid: number
  schema: string
  table: string
  /** New row (INSERT, UPDATE). */
  record?: Tuple
  /** Old row: the whole row under REPLICA IDENTITY FULL, else only the replica identity columns. */
  old?: Tuple
  commitTime: Date
}

export interface ReplicationEvents {
  change(change: Change): void
  /** Table metadata was (re)announced: cached knowledge of it is stale. */
  relation(oid: number): void
}

/** pgoutput with text values kept as text (the library would otherwise apply node-pg's parsers). */
class TextPgoutputPlugin extends PgoutputPlugin {
  override parse(buffer: Buffer): Pgoutput.Message {
    const message = super.parse(buffer)
    if (message.tag === 'relation') {
      for (const column of message.columns) column.parser = (raw: unknown) => raw
    }
    return message
  }

  override async start(client: Parameters<PgoutputPlugin['start']>[0], slot: string, lsn: string) {
    await client.query(`CREATE_REPLICATION_SLOT "${slot}" TEMPORARY LOGICAL pgoutput NOEXPORT_SNAPSHOT`)
    return super.start(client, slot, lsn)
  }
}

export interface Replication {
  /** The temporary slot currently streaming, if any. */
  slotName(): string | undefined
  stop(): Promise<void>
}

let slotCounter = 0
const freshSlotName = () =>
  `troika_realtime_${process.pid}_${Date.now().toString(36)}_${(slotCounter++).toString(36)}`

/** Starts streaming; resolves once the first slot streams (rejects if that first start fails). */
export function startReplication(
  dbUrl: string,
  events: ReplicationEvents,
  log: (line: string) => void,
): Promise<Replication> {
  let stopped = false
  let service: LogicalReplicationService | undefined
  let slot: string | undefined
  let retryTimer: NodeJS.Timeout | undefined
  let failures = 0
  let commitTime = new Date()

  const onMessage = (message: Pgoutput.Message) => {
    switch (message.tag) {
      case 'begin':
        commitTime = new Date(Number(message.commitTime) / 1000)
        return
      case 'relation':
        events.relation(message.relationOid)
        return
      case 'insert':
      case 'update':
      case 'delete': {
        const { relation } = message
        const change: Change = {
          type: message.tag === 'insert' ? 'INSERT' : message.tag === 'update' ? 'UPDATE' : 'DELETE',
          relationOid: relation.relationOid,
          schema: relation.schema,
          table: relation.name,
          commitTime,
        }
        if (message.tag !== 'delete') change.record = message.new as Tuple
        if (message.tag !== 'insert') {
          const old = (message.old ?? message.key) as Tuple | null
          if (old) change.old = old
        }
        events.change(change)
        return
      }
    }
  }

  const connect = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const name = freshSlotName()
      const current = new LogicalReplicationService(
        {
          connectionString: dbUrl,
          application_name: 'troika_realtime',
          // Values are rendered by the walsender: make timestamps come out in UTC, ISO style.
          options: '-c TimeZone=UTC -c DateStyle=ISO',
        },
        { acknowledge: { auto: true, timeoutSeconds: 10 } },
      )
      service = current
      let started = false
      let broken = false
      const fail = (error: Error) => {
        if (broken) return
        broken = true
        if (!started) {
          current.destroy().catch(() => {})
          reject(error)
          return
        }
        if (stopped || service !== current) return
        slot = undefined
        log(`realtime: replication stream broke (${error.message}); restarting with a new slot`)
        scheduleRestart()
      }
      current.on('data', (_lsn: string, message: Pgoutput.Message) => {
        try {
          onMessage(message)
        } catch (error) {
          log(`realtime: bad replication message: ${(error as Error).message}`)
        }
      })
      current.on('heartbeat', (lsn: string, _time: number, shouldRespond: boolean) => {
        if (shouldRespond) current.acknowledge(lsn).catch(() => {})
      })
      current.on('error', (error: Error) => fail(error))
      current.on('start', () => {
        started = true
        failures = 0
        slot = name
        resolve()
      })
      current
        .subscribe(new TextPgoutputPlugin({ protoVersion: 1, publicationNames: [PUBLICATION] }), name)
        .then(() => fail(new Error('the stream ended')))
        .catch((error: Error) => fail(error))
    })

  const scheduleRestart = () => {
    if (stopped) return
    const delay = Math.min(10_000, 500 * 2 ** failures++)
    retryTimer = setTimeout(() => {
      const old = service
      old?.destroy().catch(() => {})
      connect().catch((error: Error) => {
        log(`realtime: replication restart failed: ${error.message}`)
        scheduleRestart()
      })
    }, delay)
    retryTimer.unref()
  }

  return connect().then(() => ({
    slotName: () => slot,
    stop: async () => {
      stopped = true
      clearTimeout(retryTimer)
      slot = undefined
      await service?.destroy().catch(() => {})
    },
  }))
}
