// Starts ONE real stack for the whole test run: fresh database in a temp folder, free ports.
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildAdminIfStale } from '../stack/admin-build.ts'
import { scratchDir } from '../stack/scratch.ts'
import { type RunningStack, startStack } from '../stack/stack.ts'

let stack: RunningStack | undefined
let scratch: Awaited<ReturnType<typeof scratchDir>> | undefined

export async function setup(project: TestProject) {
  scratch = await scratchDir('troika-test-')
  const lines: string[] = []
  try {
    const admin = buildAdminIfStale()
    stack = await startStack({
      port: 0,
      dbPort: 0,
      dataDir: join(scratch.path, 'db'),
      reset: true,
      durable: false,
      // Every test signs up from 127.0.0.1; the limiter itself is tested in auth.test.ts.
      authRateLimits: { sign_in_sign_ups: 10_000, token_refresh: 10_000, token_verifications: 10_000 },
      log: (line) => lines.push(line),
    })
    await admin
  } catch (error) {
    console.error(lines.join('\n'))
    throw error
  }
  project.provide('stack', stack.info)
}

export async function teardown() {
  await stack?.stop()
  await scratch?.remove()
}
