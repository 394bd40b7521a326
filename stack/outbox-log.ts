// Local mode has no mail server: messages the database would send (invitation links, …) arrive on the
// `troika_outbox` notification channel at commit, and this prints them on the stack's log (and, if
// asked, appends them as JSON lines to a file so they can be found again).
import { appendFile } from 'node:fs/promises'
import pg from 'pg'

export const outboxChannel = 'troika_outbox'

export interface OutboxLogOptions {
  /** A superuser URL (LISTEN needs no privilege, but the stack's own connections use this one). */
  superuserDbUrl: string
  log: (line: string) => void
  /** Optional file that keeps every message, one JSON object per line. */
  file?: string
}

/** One line for a person reading the console. Unknown kinds are printed as they came. */
export function describeOutboxMessage(payload: string): string {
  let message: Record<string, unknown>
  try {
    message = JSON.parse(payload)
  } catch {
    return `outbox: ${payload}`
  }
  if (message.kind === 'invitation') {
    return `invitation for ${message.email} to ${message.company}: ${message.link}`
  }
  return `outbox ${String(message.kind ?? 'message')}: ${payload}`
}

export async function startOutboxLog(opts: OutboxLogOptions): Promise<{ close(): Promise<void> }> {
  let closed = false
  let current: pg.Client | undefined
  let retry: NodeJS.Timeout | undefined

  const onNotification = (n: pg.Notification) => {
    if (n.channel !== outboxChannel || n.payload === undefined) return
    opts.log(describeOutboxMessage(n.payload))
    if (opts.file) {
      appendFile(opts.file, `${n.payload}\n`).catch((e: Error) => opts.log(`outbox log: ${e.message}`))
    }
  }

  // A lost connection (database restart) is re-opened every second until it works again; messages
  // sent meanwhile are lost, which is acceptable for a development log.
  const reconnectLater = () => {
    if (closed || retry) return
    retry = setTimeout(() => {
      retry = undefined
      open().catch((e: Error) => {
        opts.log(`outbox log: ${e.message}; retrying`)
        reconnectLater()
      })
    }, 1000)
  }

  const open = async (): Promise<void> => {
    const db = new pg.Client({ connectionString: opts.superuserDbUrl, application_name: 'troika outbox log' })
    const lost = (why: string) => {
      if (current !== db) return
      current = undefined
      opts.log(`outbox log: connection lost (${why}); reconnecting`)
      db.end().catch(() => {})
      reconnectLater()
    }
    db.on('notification', onNotification)
    db.on('error', (e) => lost(e.message))
    db.on('end', () => lost('closed'))
    try {
      await db.connect()
      await db.query(`listen ${outboxChannel}`)
    } catch (error) {
      await db.end().catch(() => {})
      throw error
    }
    if (closed) {
      await db.end()
      return
    }
    current = db
  }

  await open()
  return {
    async close() {
      closed = true
      if (retry) clearTimeout(retry)
      const db = current
      current = undefined
      await db?.end()
    },
  }
}
