// Reads supabase/config.toml, the same file the Supabase CLI reads, so local and hosted settings agree.
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse } from 'smol-toml'

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')

// biome-ignore lint/suspicious/noExplicitAny: TOML is untyped; each module validates its own section.
export type SupabaseConfig = Record<string, any>

export async function readSupabaseConfig(root = repoRoot): Promise<SupabaseConfig> {
  const file = join(root, 'supabase', 'config.toml')
  try {
    return parse(await readFile(file, 'utf8')) as SupabaseConfig
  } catch (error) {
    throw new Error(`cannot read ${file}: ${(error as Error).message}`)
  }
}
