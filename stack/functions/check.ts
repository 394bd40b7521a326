// Type-checks the edge functions with Deno's own types (tsc cannot: tsconfig.json excludes functions/):
//   npx tsx stack/functions/check.ts
// Checks every functions/<name>/index.ts, functions/_shared/**/*.ts, the runtime's Deno entry script and the
// test fixtures, against functions/deno.json (its import map and npm: pins). Exits with deno's status.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import { repoRoot } from '../config.ts'
import { denoBinary } from './deno-bin.ts'

function entries(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && /^[A-Za-z0-9_-]+$/.test(d.name))
    .map((d) => join(dir, d.name, 'index.ts'))
    .filter((file) => existsSync(file))
}

const functionsDir = join(repoRoot, 'functions')
const sharedDir = join(functionsDir, '_shared')
// Shared modules live in sub-folders too (e.g. _shared/bank/), and only Deno type-checks them.
const shared = existsSync(sharedDir)
  ? readdirSync(sharedDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => join(sharedDir, f))
  : []
const files = [
  ...entries(functionsDir),
  ...shared,
  join(repoRoot, 'stack', 'functions', 'deno-entry.ts'),
  ...entries(join(repoRoot, 'tests', 'fixtures', 'functions')),
]

// Under `npm run`, npm exports its configured registry in lower case only; deno reads the upper-case name.
const registry = process.env.NPM_CONFIG_REGISTRY ?? process.env.npm_config_registry
const env = {
  ...process.env,
  DENO_NO_UPDATE_CHECK: '1',
  ...(registry ? { NPM_CONFIG_REGISTRY: registry } : {}),
}
const result = spawnSync(
  denoBinary(),
  ['check', '--config', join(functionsDir, 'deno.json'), ...files.map((f) => relative(repoRoot, f))],
  { cwd: repoRoot, stdio: 'inherit', env },
)
if (result.error) throw result.error
if (result.status === 0) console.log(`deno check: ${files.length} files type-check`)
process.exit(result.status ?? 1)
