// What the benchmarks that need a database start with: a fresh local stack in a scratch folder (nothing
// kept, nothing durable unless asked) and a superuser connection for generating data; and the median
// they report.
import pg from 'pg'
import { scratchDir } from '../stack/scratch.ts'
import { type StackOptions, startStack } from '../stack/stack.ts'

export async function benchStack(name: string, options: StackOptions = {}) {
  const dir = await scratchDir(`troika-bench-${name}-`)
  const stack = await startStack({
    port: 0,
    dbPort: 0,
    dataDir: `${dir.path}/db`,
    reset: true,
    durable: false,
    log: () => {},
    ...options,
  })
  const db = new pg.Client({ connectionString: stack.info.superuserDbUrl })
  await db.connect()
  return {
    info: stack.info,
    db,
    async close() {
      await db.end().catch(() => {})
      await stack.stop()
      await dir.remove()
    },
  }
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(xs: readonly number[]): number {
  const v = [...xs].sort((a, b) => a - b)
  return v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2
}
