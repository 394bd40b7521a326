// Where the Deno binary is: npm installs it as the per-platform package @deno/<target>, an optional
// dependency of the `deno` package. Resolved through Node's resolution so hoisting does not matter.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

const targets: Record<string, string> = {
  'linux-x64': 'linux-x64-glibc',
  'linux-arm64': 'linux-arm64-glibc',
  'darwin-x64': 'darwin-x64',
  'darwin-arm64': 'darwin-arm64',
  'win32-x64': 'win32-x64',
  'win32-arm64': 'win32-arm64',
}

function isMusl(): boolean {
  if (process.platform !== 'linux') return false
  const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined
  return !report?.header?.glibcVersionRuntime
}

let cached: string | undefined

/** Absolute path of the Deno executable, or an Error that says which package to install. */
export function denoBinary(): string {
  if (cached) return cached
  const platform = `${process.platform}-${process.arch}`
  const target = targets[platform]
  if (!target || isMusl()) {
    throw new Error(
      `the edge-functions runtime needs Deno, and npm publishes no Deno build for ${platform}${isMusl() ? ' (musl)' : ''}; ` +
        `supported: ${Object.keys(targets).join(', ')} (glibc on Linux)`,
    )
  }
  const pkg = `@deno/${target}`
  let dir: string
  try {
    dir = dirname(require.resolve(`${pkg}/package.json`))
  } catch {
    throw new Error(
      `the edge-functions runtime needs the Deno binary package ${pkg}, which is not installed; ` +
        `it is an optional dependency of the "deno" package: run \`npm ci\` (without --omit=optional) ` +
        `or \`npm install --no-save ${pkg}@<the deno version in package.json>\``,
    )
  }
  const binary = join(dir, process.platform === 'win32' ? 'deno.exe' : 'deno')
  if (!existsSync(binary)) throw new Error(`${pkg} is installed but ${binary} is missing; reinstall ${pkg}`)
  cached = binary
  return binary
}
