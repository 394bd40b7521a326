// Applies stack/bootstrap/*.sql (what Supabase's image provides) as the superuser, in name order.
import { join } from 'node:path'
import { repoRoot } from './config.ts'
import { applySqlFiles } from './sql-files.ts'

export const bootstrapDir = join(repoRoot, 'stack', 'bootstrap')

export async function applyBootstrap(superuserDbUrl: string): Promise<void> {
  await applySqlFiles(superuserDbUrl, bootstrapDir)
}
