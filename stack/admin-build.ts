// Builds the admin (Vite) when admin/dist is missing or older than its sources, so that
// `npm start` and the browser tests always serve the current admin.
import { existsSync } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { repoRoot } from './config.ts'

const adminRoot = join(repoRoot, 'admin')
export const adminDist = join(adminRoot, 'dist')

async function newestMtime(dir: string): Promise<number> {
  let newest = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, await newestMtime(path))
    else newest = Math.max(newest, (await stat(path)).mtimeMs)
  }
  return newest
}

export async function adminBuildIsStale(): Promise<boolean> {
  const index = join(adminDist, 'index.html')
  if (!existsSync(index)) return true
  const sources = [
    join(adminRoot, 'src'),
    join(adminRoot, 'build'),
    join(adminRoot, 'index.html'),
    join(adminRoot, 'vite.config.ts'),
  ]
  let newest = 0
  for (const s of sources.filter((p) => existsSync(p))) {
    newest = Math.max(newest, (await stat(s)).isDirectory() ? await newestMtime(s) : (await stat(s)).mtimeMs)
  }
  return newest > (await stat(index)).mtimeMs
}

export async function buildAdmin(): Promise<void> {
  const { build } = await import('vite')
  await build({ configFile: join(adminRoot, 'vite.config.ts'), logLevel: 'warn' })
}

export async function buildAdminIfStale(): Promise<boolean> {
  if (!existsSync(join(adminRoot, 'vite.config.ts')) || !(await adminBuildIsStale())) return false
  await buildAdmin()
  return true
}
