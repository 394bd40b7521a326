// Local stand-in for the scheduled job a hosted project runs with pg_cron: folds posted voucher lines
// from app_private.gl_pending into app_private.gl_balances every few seconds (see the ledger_gl
// migration). Reports are exact without it; folding only keeps them fast as history grows.
import pg from 'pg'

export interface LedgerFolderOptions {
  superuserDbUrl: string
  log: (line: string) => void
  intervalMs?: number
}

export function startLedgerFolder(opts: LedgerFolderOptions): {
  close(): Promise<void>
  foldNow(): Promise<number>
} {
  const pool = new pg.Pool({
    connectionString: opts.superuserDbUrl,
    max: 1,
    application_name: 'troika ledger folder',
  })
  // A failed fold (database restarting, …) is logged once and tried again on the next tick.
  pool.on('error', () => {})
  let lastError = ''
  let running: Promise<number> | undefined
  const foldNow = async (): Promise<number> => {
    if (running) return running
    running = (async () => {
      let total = 0
      for (;;) {
        const r = await pool.query<{ n: number }>('select app_private.fold_gl(50000) as n')
        total += r.rows[0].n
        if (r.rows[0].n < 50000) return total
      }
    })().finally(() => {
      running = undefined
    })
    return running
  }
  const timer = setInterval(() => {
    foldNow().then(
      () => {
        lastError = ''
      },
      (e: Error) => {
        if (e.message !== lastError) opts.log(`ledger folder: ${e.message}`)
        lastError = e.message
      },
    )
  }, opts.intervalMs ?? 3000)
  timer.unref()
  return {
    foldNow,
    async close() {
      clearInterval(timer)
      await running?.catch(() => 0)
      await pool.end()
    },
  }
}
