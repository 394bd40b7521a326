// Where sign-in and sign-up send a visitor back to (?to=, e.g. an invitation link): a path of this site
// only — never another origin, which would make the sign-in page an open redirect.
import { describe, expect, test } from 'vitest'
import { returnPath } from '../../admin/src/providers/authProvider.ts'

describe('returnPath', () => {
  test('keeps a path of this site with its query', () => {
    expect(returnPath('?to=%2Faccept-invite%3Ftoken%3Dabc-1')).toBe('/accept-invite?token=abc-1')
  })

  test('refuses other origins and nothing given', () => {
    expect(returnPath('?to=https%3A%2F%2Fevil.test%2F')).toBeNull()
    expect(returnPath('?to=%2F%2Fevil.test%2Fx')).toBeNull()
    expect(returnPath('?to=%2F%5Cevil.test%2Fx')).toBeNull()
    expect(returnPath('?to=javascript%3Aalert(1)')).toBeNull()
    expect(returnPath('')).toBeNull()
  })
})
