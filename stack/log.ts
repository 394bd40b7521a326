// Start-up progress and child-process output, one prefixed line at a time.
export type Log = (line: string) => void

export function makeLog(quiet = false): Log {
  return (line) => {
    if (!quiet) process.stdout.write(`${line}\n`)
  }
}

export async function step<T>(log: Log, title: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now()
  log(`• ${title}…`)
  const result = await work()
  log(`  ✓ ${title} (${Math.round(performance.now() - started)} ms)`)
  return result
}
