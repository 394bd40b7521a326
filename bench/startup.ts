// Start-up time of the stack: a first run (initdb, bootstrap, migrations, seeds) and a warm restart
// on the same data. Run on demand: `npm run bench:startup` (default 3 rounds; BENCH_ROUNDS=n).
import { join } from 'node:path'
import { scratchDir } from '../stack/scratch.ts'
import { startStack } from '../stack/stack.ts'
import { median } from './setup.ts'

const rounds = Number(process.env.BENCH_ROUNDS ?? 3)

async function timeStart(dataDir: string, reset: boolean): Promise<number> {
  const started = performance.now()
  const stack = await startStack({ port: 0, dbPort: 0, dataDir, reset, durable: true, log: () => {} })
  const ms = performance.now() - started
  await stack.stop()
  return ms
}

const scratch = await scratchDir('troika-bench-')
const root = scratch.path
const first: number[] = []
const warm: number[] = []
try {
  for (let i = 0; i < rounds; i++) {
    const dataDir = join(root, `db-${i}`)
    first.push(await timeStart(dataDir, true))
    warm.push(await timeStart(dataDir, false))
  }
} finally {
  await scratch.remove()
}
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`
console.log(`start-up to ready, ${rounds} rounds (median; all runs)`)
console.log(
  `  first run (initdb + migrations + seeds): ${fmt(median(first))}  [${first.map(fmt).join(', ')}]`,
)
console.log(`  warm restart (existing data):            ${fmt(median(warm))}  [${warm.map(fmt).join(', ')}]`)
console.log(`  ratio warm / first: ${(median(warm) / median(first)).toFixed(2)}`)
