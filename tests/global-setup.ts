// Starts ONE real stack for the whole test run: fresh database in a temp folder, free ports.
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import { buildAdminIfStale } from '../stack/admin-build.ts'
import { type RunningStack, startStack } from '../stack/stack.ts'

let stack: RunningStack | undefined
let dataRoot: string | undefined

export async function setup(project: TestProject) {
  dataRoot = await mkdtemp(join(tmpdir(), 'troika-test-'))
  // mkdtemp makes it 0700; as root, Postgres runs as the OS user postgres, which must reach it.
  await chmod(dataRoot, 0o755)
  const lines: string[] = []
  try {
    const admin = buildAdminIfStale()
    stack = await startStack({
      port: 0,
      dbPort: 0,
      dataDir: join(dataRoot, 'db'),
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
  if (dataRoot) await rm(dataRoot, { recursive: true, force: true })
}
