// The `Database` types of the API schemas, made by @supabase/postgres-meta (the generator the Supabase
// CLI runs in Docker). `npm run db:types` writes them to supabase/types.ts from a throw-away database
// with the migrations applied; tests/types.test.ts fails when the committed file is stale.
import { execFile } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { repoRoot } from './config.ts'
import { withMigratedDatabase } from './scratch.ts'

const require = createRequire(import.meta.url)
export const typesFile = join(repoRoot, 'supabase', 'types.ts')

export function generateTypes(dbUrl: string): Promise<string> {
  const server = require.resolve('@supabase/postgres-meta/dist/server/server.js')
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [server],
      {
        maxBuffer: 64 * 1024 * 1024,
        env: {
          ...process.env,
          PG_META_DB_URL: dbUrl,
          PG_META_GENERATE_TYPES: 'typescript',
          PG_META_GENERATE_TYPES_INCLUDED_SCHEMAS: 'public',
          PG_META_GENERATE_TYPES_DETECT_ONE_TO_ONE_RELATIONSHIPS: 'true',
          PG_META_POSTGREST_VERSION: '12.0.2',
        },
      },
      (error, stdout, stderr) =>
        error ? reject(new Error(`type generation failed: ${stderr}`)) : resolve(stdout),
    )
  })
}

async function main() {
  await withMigratedDatabase(async ({ dbUrl }) => writeFile(typesFile, await generateTypes(dbUrl)))
  console.log(`wrote ${typesFile}`)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main()
