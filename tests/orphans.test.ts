// `npm start` killed outright (SIGKILL: no handler runs) leaves no Postgres or PostgREST behind, and a
// server that dies under a running stack stops it with a one-line cause and a non-zero exit.
import { execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../stack/config.ts'
import { scratchDir } from '../stack/scratch.ts'

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

/** The program a process runs; '' for one that has exited since it was listed (a short-lived worker). */
const commandOf = (pid: number) => {
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' })
      .trim()
      .split(' ')[0]
  } catch {
    return ''
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Starts `npm start`'s CLI on free ports and a temp data dir; resolves once it is ready. */
async function startCli() {
  const scratch = await scratchDir('troika-orphans-')
  const dir = scratch.path
  const cli = spawn(
    process.execPath,
    ['--import', 'tsx', 'stack/cli.ts', '--port', '0', '--db-port', '0', '--data-dir', join(dir, 'db')],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  const state = { output: '' }
  cli.stdout.on('data', (chunk: Buffer) => {
    state.output += chunk.toString()
  })
  cli.stderr.on('data', (chunk: Buffer) => {
    state.output += chunk.toString()
  })
  await new Promise<void>((resolve, reject) => {
    const check = () => state.output.includes('Press Ctrl-C to stop.') && resolve()
    cli.stdout.on('data', check)
    cli.once('exit', (code) => reject(new Error(`the stack exited (${code}): ${state.output}`)))
  })
  const cleanup = async () => {
    if (cli.exitCode === null && cli.signalCode === null) cli.kill('SIGKILL')
    await scratch.remove()
  }
  return { cli, state, cleanup }
}

describe('the stack and its servers', () => {
  it('a server that dies stops the stack with a one-line cause and exit code 1', {
    timeout: 120_000,
  }, async () => {
    const { cli, state, cleanup } = await startCli()
    try {
      // The PostgREST binary itself, not the watchdog that runs it.
      const postgrest = descendants(cli.pid ?? 0).find((pid) => /\/postgrest$/.test(commandOf(pid)))
      expect(postgrest).toBeDefined()
      process.kill(postgrest ?? 0, 'SIGKILL')
      const code = await new Promise<number | null>((resolve) => cli.once('exit', resolve))
      expect(code).toBe(1)
      expect(state.output).toMatch(/✗ PostgREST exited \(SIGKILL\)/)
    } finally {
      await cleanup()
    }
  })

  it('a SIGKILLed stack takes its servers with it', { timeout: 120_000 }, async () => {
    const { cli, cleanup } = await startCli()
    try {
      const servers = descendants(cli.pid ?? 0)
      expect(servers.length).toBeGreaterThanOrEqual(4) // watchdogs, postgres (and its workers), postgrest
      cli.kill('SIGKILL')
      const deadline = Date.now() + 20_000
      while (servers.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200))
      expect(servers.filter(alive)).toEqual([])
    } finally {
      await cleanup()
    }
  })
})
