// supabase/types.ts must be what the migrations produce (`npm run db:types` regenerates it).
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { generateTypes, typesFile } from '../stack/db-types.ts'
import { stackInfo } from './helpers/stack.ts'

describe('generated Database types', () => {
  it('match the migrations', async () => {
    const committed = await readFile(typesFile, 'utf8')
    const fresh = await generateTypes(stackInfo().dbUrl)
    expect(committed === fresh, 'supabase/types.ts is stale: run `npm run db:types`').toBe(true)
  })
})
