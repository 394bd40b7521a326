// `npm start` killed outright (SIGKILL: no handler runs) leaves no Postgres or PostgREST behind.
import { execFileSync, spawn } from 'node:child_process'
import { chmod, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../stack/config.ts'

function descendants(pid: number): number[] {
  const table = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number))
  const out: number[] = []
  const walk = (p: number) => {
    for (const [child, parent] of table) {
      if (parent === p) {
        out.push(child)
        walk(child)
      }
    }
  }
  walk(pid)
  return out
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('no orphan processes', () => {
  it('a SIGKILLed stack takes its servers with it', { timeout: 120_000 }, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'troika-orphans-'))
    await chmod(dir, 0o755)
    const cli = spawn(
      process.execPath,
      ['--import', 'tsx', 'stack/cli.ts', '--port', '0', '--db-port', '0', '--data-dir', join(dir, 'db')],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    try {
      let output = ''
      await new Promise<void>((resolve, reject) => {
        cli.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString()
          if (output.includes('Press Ctrl-C to stop.')) resolve()
        })
        cli.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString()
        })
        cli.once('exit', (code) => reject(new Error(`the stack exited (${code}): ${output}`)))
      })
      const servers = descendants(cli.pid ?? 0)
      expect(servers.length).toBeGreaterThanOrEqual(4) // watchdogs, postgres (and its workers), postgrest
      cli.kill('SIGKILL')
      const deadline = Date.now() + 20_000
      while (servers.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
      expect(servers.filter(alive)).toEqual([])
    } finally {
      if (cli.exitCode === null) cli.kill('SIGKILL')
      await rm(dir, { recursive: true, force: true })
    }
  })
})
