// Gateway overhead: the same PostgREST request through the gateway and directly, 100 concurrent
// connections (autocannon), in the same run. Goal: p50 overhead ≤ 10 %, zero errors.
// Run on demand: `npm run bench:gateway` (BENCH_SECONDS=n per measurement, default 10).
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { startStack } from '../stack/stack.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const root = await mkdtemp(join(tmpdir(), 'troika-bench-'))
await chmod(root, 0o755)
const stack = await startStack({ port: 0, dbPort: 0, dataDir: join(root, 'db'), reset: true, log: () => {} })

function run(url: string, headers: Record<string, string>) {
  return autocannon({ url, connections: 100, duration: seconds, headers })
}

try {
  const { anonKey } = stack.info
  const headers = { apikey: anonKey, authorization: `Bearer ${anonKey}` }
  const path = '/rest/v1/rpc/whoami'
  const direct = stack.info.restUrl
  // Warm both paths first so that connection set-up is not measured.
  await autocannon({ url: `${direct}${path.replace('/rest/v1', '')}`, connections: 10, duration: 2, headers })
  await autocannon({ url: `${stack.info.apiUrl}${path}`, connections: 10, duration: 2, headers })
  const viaDirect = await run(`${direct}${path.replace('/rest/v1', '')}`, headers)
  const viaGateway = await run(`${stack.info.apiUrl}${path}`, headers)
  const row = (name: string, r: autocannon.Result) =>
    `  ${name.padEnd(8)} p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms  ${Math.round(r.requests.average)} req/s  errors ${r.errors}  non-2xx ${r.non2xx}`
  console.log(`GET ${path}, 100 connections, ${seconds} s each`)
  console.log(row('direct', viaDirect))
  console.log(row('gateway', viaGateway))
  const overhead = (viaGateway.latency.p50 - viaDirect.latency.p50) / viaDirect.latency.p50
  console.log(`  p50 overhead: ${(overhead * 100).toFixed(1)} % (goal ≤ 10 %)`)
  console.log(
    `  throughput ratio gateway/direct: ${(viaGateway.requests.average / viaDirect.requests.average).toFixed(2)}`,
  )
} finally {
  await stack.stop()
  await rm(root, { recursive: true, force: true })
}
