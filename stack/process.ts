// Ports and child processes: every child is tracked so that no process outlives the stack.
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

/** A free loopback port chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

/** Fails with a one-line cause when something already listens on the port. */
export function assertPortFree(port: number, what: string, hint: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', (error: NodeJS.ErrnoException) => {
      const cause = error.code === 'EADDRINUSE' ? 'is already in use' : `cannot be opened (${error.code})`
      reject(new Error(`port ${port} for ${what} ${cause}; ${hint}`))
    })
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()))
  })
}

const children = new Set<ChildProcess>()

/** Spawns a child in its own process group, remembered so that exit handlers can stop it. */
export function spawnChild(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options })
  children.add(child)
  child.once('exit', () => children.delete(child))
  return child
}

const watchdog = fileURLToPath(new URL('./watchdog.cjs', import.meta.url))

/**
 * Spawns a long-running server under stack/watchdog.cjs, which stops it when our end of its stdin
 * closes — also when this process is killed outright — so that no server outlives the stack.
 */
export function spawnServer(command: string, args: string[], options: SpawnOptions = {}): ChildProcess {
  return spawnChild(process.execPath, [watchdog, command, ...args], {
    ...options,
    stdio: ['pipe', 'pipe', 'pipe'],
  })
}

/** Stops a child (and its process group) gracefully, then forcefully after a grace period. */
export async function stopChild(child: ChildProcess, graceMs = 3000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  signalGroup(child, 'SIGTERM')
  const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs)
  await exited
  clearTimeout(timer)
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid) return
  try {
    process.kill(-child.pid, signal)
  } catch {
    child.kill(signal)
  }
}

// Last resort when the parent exits without stopping its children (a crash, process.exit).
process.once('exit', () => {
  for (const child of children) signalGroup(child, 'SIGKILL')
})
