// Supabase Realtime for the local stack: the Phoenix WebSocket protocol realtime-js 2.x speaks
// (/realtime/v1/websocket), postgres_changes streamed from logical replication and filtered by RLS,
// broadcast and presence between the clients of a topic.
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import pg from 'pg'
import { WebSocketServer } from 'ws'
import { Catalog } from './catalog.ts'
import type { RealtimeContext } from './channel.ts'
import { Connection } from './connection.ts'
import { dispatchChange } from './dispatch.ts'
import { Hub } from './hub.ts'
import type { Vsn } from './protocol.ts'
import { type Change, startReplication } from './replication.ts'
import { verifyToken } from './tokens.ts'

export interface RealtimeOptions {
  /** supabase_admin: replication, catalog reads and RLS checks (as each subscriber). */
  superuserDbUrl: string
  jwtSecret: string
  log: (line: string) => void
}

export interface RunningRealtime {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, subPath: string): void
  close(): Promise<void>
}

/** Phoenix drops sockets that stay silent this long; realtime-js sends a heartbeat every 25 s. */
const IDLE_TIMEOUT_MS = 60_000
const MAX_FRAME_BYTES = 3 * 1024 * 1024

export async function startRealtime(opts: RealtimeOptions): Promise<RunningRealtime> {
  const { log } = opts
  const secret = new TextEncoder().encode(opts.jwtSecret)
  const pool = new pg.Pool({
    connectionString: opts.superuserDbUrl,
    max: 4,
    application_name: 'troika_realtime',
    // A runaway RLS policy must not stall the change stream for everyone.
    options: '-c statement_timeout=15000',
  })
  pool.on('error', (e) => log(`realtime: database connection error: ${e.message}`))

  const hub = new Hub()
  const catalog = new Catalog(pool)
  let tail: Promise<void> = Promise.resolve()
  // Changes are handled one at a time, in commit order.
  const enqueue = (change: Change) => {
    tail = tail
      .then(() => dispatchChange({ hub, catalog, pool, log }, change))
      .catch((e: Error) =>
        log(`realtime: dropping a change of ${change.schema}.${change.table}: ${e.message}`),
      )
  }

  let replication: Awaited<ReturnType<typeof startReplication>>
  try {
    replication = await startReplication(
      opts.superuserDbUrl,
      { change: enqueue, relation: (oid) => catalog.forget(oid) },
      log,
    )
  } catch (error) {
    await pool.end().catch(() => {})
    throw new Error(`realtime: cannot start logical replication: ${(error as Error).message}`)
  }

  const ctx: RealtimeContext = { hub, catalog, secret, log, replicating: () => !!replication.slotName() }
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES })
  const connections = new Set<Connection>()
  let closing = false

  const idle = setInterval(() => {
    const limit = Date.now() - IDLE_TIMEOUT_MS
    for (const conn of connections) if (conn.lastSeen < limit) conn.terminate()
  }, 15_000)
  idle.unref()

  const refuse = (socket: Duplex, status: number, message: string) => {
    const body = JSON.stringify({ message })
    const reason = status === 404 ? 'Not Found' : status === 403 ? 'Forbidden' : 'Bad Request'
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\ncontent-type: application/json\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
    )
  }

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer, subPath: string) => {
    const url = new URL(subPath || '/', 'http://realtime.local')
    if (!/^\/websocket\/?$/.test(url.pathname)) return refuse(socket, 404, 'Not Found')
    const vsnParam = url.searchParams.get('vsn') ?? '1.0.0'
    const vsn: Vsn | undefined = vsnParam.startsWith('2.')
      ? '2.0.0'
      : vsnParam.startsWith('1.')
        ? '1.0.0'
        : undefined
    if (!vsn) return refuse(socket, 400, `unsupported serializer version ${vsnParam}`)
    const header = req.headers.apikey
    const apikey = url.searchParams.get('apikey') ?? (typeof header === 'string' ? header : '')
    const checked = await verifyToken(apikey, secret)
    if (!checked.ok) return refuse(socket, 403, `${checked.code}: ${checked.message}`)
    if (closing) return socket.destroy()
    wss.handleUpgrade(req, socket, head, (ws) => {
      if (closing) return ws.terminate()
      const conn = new Connection(ctx, ws, vsn, checked.token)
      connections.add(conn)
      ws.on('close', () => connections.delete(conn))
    })
  }

  return {
    handleUpgrade(req, socket, head, subPath) {
      if (closing) {
        socket.destroy()
        return
      }
      upgrade(req, socket, head, subPath).catch((e: Error) => {
        log(`realtime: upgrade failed: ${e.message}`)
        socket.destroy()
      })
    },

    async close() {
      if (closing) return
      closing = true
      clearInterval(idle)
      for (const conn of connections) conn.close()
      const slot = replication.slotName()
      await replication.stop()
      await tail
      await dropSlot(pool, slot).catch((e: Error) => log(`realtime: ${e.message}`))
      // Sockets that did not finish the closing handshake are cut.
      for (const conn of connections) conn.terminate()
      connections.clear()
      wss.close()
      await pool.end().catch(() => {})
    },
  }
}

/** The temporary slot goes away with its connection; make sure it did (and drop it if not). */
async function dropSlot(pool: pg.Pool, slot: string | undefined) {
  if (!slot) return
  for (let attempt = 0; attempt < 40; attempt++) {
    const { rows } = await pool.query('select active from pg_replication_slots where slot_name = $1', [slot])
    if (rows.length === 0) return
    if (!rows[0].active) {
      await pool.query('select pg_drop_replication_slot($1)', [slot]).catch(() => {})
      return
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`replication slot ${slot} is still in use after close`)
}
