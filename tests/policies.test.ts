// policies/ is delivered by migrations: the newest generated policies migration must match it.
import { describe, expect, it } from 'vitest'
import { newestPoliciesMigration, policiesSql } from '../stack/policies.ts'

describe('policies/', () => {
  it('matches the newest policies migration', async () => {
    const newest = await newestPoliciesMigration()
    expect(newest, 'no policies migration: run `npm run policies:migration`').toBeDefined()
    expect(
      newest?.sql === (await policiesSql()),
      `${newest?.file} is stale: run \`npm run policies:migration\``,
    ).toBe(true)
  })
})
