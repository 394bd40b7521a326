// Gateway overhead: the same PostgREST request through the gateway and directly, 100 concurrent
// connections, same run. Goal: p50 overhead ≤ 10 %, zero errors. The load comes from autocannon in a
// child process so that it does not share the gateway's event loop; direct and gateway rounds
// alternate so that drift on a shared machine hits both alike.
// Run on demand: `npm run bench:gateway` (BENCH_SECONDS per round, default 8; BENCH_ROUNDS, default 3).
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { scratchDir } from '../stack/scratch.ts'
import { startStack } from '../stack/stack.ts'
import { median } from './setup.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 8)
const rounds = Number(process.env.BENCH_ROUNDS ?? 3)
const cli = createRequire(import.meta.url).resolve('autocannon/autocannon.js')

interface Result {
  latency: { p50: number; p99: number }
  requests: { average: number }
  errors: number
  non2xx: number
}

function load(url: string, headers: Record<string, string>, duration: number): Promise<Result> {
  const args = [cli, '--json', '-c', '100', '-d', String(duration)]
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`)
  args.push(url)
  return new Promise((resolve, reject) =>
    execFile(process.execPath, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout) =>
      error ? reject(error) : resolve(JSON.parse(stdout) as Result),
    ),
  )
}

const scratch = await scratchDir('troika-bench-')
const root = scratch.path
const stack = await startStack({ port: 0, dbPort: 0, dataDir: join(root, 'db'), reset: true, log: () => {} })
try {
  const { anonKey, apiUrl, restUrl } = stack.info
  const headers = { apikey: anonKey, authorization: `Bearer ${anonKey}` }
  const direct = `${restUrl}/rpc/whoami`
  const viaGateway = `${apiUrl}/rest/v1/rpc/whoami`
  await load(direct, headers, 2)
  await load(viaGateway, headers, 2)
  const runs: { direct: Result[]; gateway: Result[] } = { direct: [], gateway: [] }
  for (let i = 0; i < rounds; i++) {
    runs.direct.push(await load(direct, headers, seconds))
    runs.gateway.push(await load(viaGateway, headers, seconds))
  }
  const summary = (name: string, rs: Result[]) => {
    const p50 = median(rs.map((r) => r.latency.p50))
    const p99 = median(rs.map((r) => r.latency.p99))
    const rps = median(rs.map((r) => r.requests.average))
    const errors = rs.reduce((n, r) => n + r.errors + r.non2xx, 0)
    console.log(
      `  ${name.padEnd(8)} p50 ${p50} ms  p99 ${p99} ms  ${Math.round(rps)} req/s  errors+non-2xx ${errors}  (p50 per round: ${rs.map((r) => r.latency.p50).join(', ')})`,
    )
    return { p50, rps }
  }
  console.log(
    `GET /rest/v1/rpc/whoami, 100 connections, ${rounds} alternating rounds of ${seconds} s (medians)`,
  )
  const d = summary('direct', runs.direct)
  const g = summary('gateway', runs.gateway)
  console.log(`  p50 overhead: ${(((g.p50 - d.p50) / d.p50) * 100).toFixed(1)} % (goal ≤ 10 %)`)
  console.log(`  throughput ratio gateway/direct: ${(g.rps / d.rps).toFixed(2)}`)
} finally {
  await stack.stop()
  await scratch.remove()
}
