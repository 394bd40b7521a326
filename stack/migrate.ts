// Migrations through the real Supabase CLI (as the non-superuser postgres role, like on Supabase),
// then the seeds of a fresh database.
import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { repoRoot } from './config.ts'
import { lineAt } from './sql-error.ts'
import { applySqlFiles } from './sql-files.ts'

const require = createRequire(import.meta.url)

export function supabaseCli(): string {
  const pkg = `@supabase/cli-${process.platform}-${process.arch}`
  try {
    return join(require.resolve(`${pkg}/package.json`).replace(/package\.json$/, ''), 'bin', 'supabase')
  } catch {
    throw new Error(`the Supabase CLI binary for this platform is missing: install ${pkg}`)
  }
}

export function runCli(args: string[], workdir = repoRoot): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(
      supabaseCli(),
      args,
      { cwd: workdir, env: { ...process.env, SUPABASE_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' } },
      (error, stdout, stderr) => {
        if (error) reject(Object.assign(error, { stdout, stderr }))
        else resolve({ stdout, stderr })
      },
    )
  })
}

/** `workdir` holds the supabase/ folder (the repository, or a test's own). */
export async function applyMigrations(dbUrl: string, workdir = repoRoot): Promise<void> {
  try {
    await runCli(['migration', 'up', '--db-url', withSslDisabled(dbUrl), '--include-all'], workdir)
  } catch (error) {
    const output = String((error as { stderr?: string }).stderr ?? error)
    throw new Error(await describeMigrationFailure(output, workdir))
  }
}

/** Names the migration file and line from the CLI's output ("Applying migration x.sql..." then the error). */
async function describeMigrationFailure(output: string, workdir: string): Promise<string> {
  const applying = [...output.matchAll(/Applying migration (\S+?\.sql)/g)].at(-1)?.[1]
  const message =
    output
      .split('\n')
      .find((l) => /^ERROR:/.test(l.trim()))
      ?.trim() ?? output.trim().split('\n').at(-1)
  if (!applying) return `migration failed: ${message}`
  const file = join('supabase', 'migrations', applying)
  const echoed = output.match(/At statement:? \d+:?\s*\n([\s\S]+?)(?:\nTry rerunning|$)/)?.[1] ?? ''
  let line = ''
  if (echoed.trim()) {
    // The CLI echoes the failing statement, with a caret line under the error position when known.
    const lines = echoed.replace(/\s+$/, '').split('\n')
    const caret = lines.findIndex((l) => /^\s*\^\s*$/.test(l))
    const statement = lines.filter((_, i) => i !== caret).join('\n')
    const firstCode = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('--'))
    const text = await readFile(join(workdir, file), 'utf8')
    const at = text.indexOf(statement)
    if (at >= 0) line = `:${lineAt(text, at) + (caret > 0 ? caret - 1 : Math.max(0, firstCode))}`
  }
  return `${file}${line}: ${message}`
}

export function withSslDisabled(url: string): string {
  const u = new URL(url)
  if (!u.searchParams.has('sslmode')) u.searchParams.set('sslmode', 'disable')
  return u.toString()
}

/** Seeds run on a fresh database only, each file in its own transaction, as role postgres. */
export function applySeeds(dbUrl: string): Promise<string[]> {
  return applySqlFiles(dbUrl, join(repoRoot, 'seeds'))
}
