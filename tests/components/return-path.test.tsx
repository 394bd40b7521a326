// Where sign-in and sign-up send a visitor back to (?to=, e.g. an invitation link): a path of this site
// only — never another origin, which would make the sign-in page an open redirect.
import { render, screen } from '@testing-library/react'
import { MemoryRouter, Route, Routes, useLocation } from 'react-router'
import { describe, expect, test } from 'vitest'
import { SignedInRedirect } from '../../admin/src/components/SignedInRedirect.tsx'
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

function Where() {
  const { pathname, search } = useLocation()
  return <output>{pathname + search}</output>
}

/** A signed-in visitor on the sign-in page at `at`: where SignedInRedirect sends them. */
function redirectFrom(at: string) {
  const { unmount } = render(
    <MemoryRouter initialEntries={[at]}>
      <Routes>
        <Route path="/login" element={<SignedInRedirect />} />
        <Route path="*" element={<Where />} />
      </Routes>
    </MemoryRouter>,
  )
  const where = screen.getByRole('status').textContent
  unmount()
  return where
}

describe('a signed-in visitor of the sign-in page', () => {
  test('goes on to the page they came for', () => {
    expect(redirectFrom('/login?to=%2Faccept-invite%3Ftoken%3Dabc-1')).toBe('/accept-invite?token=abc-1')
  })

  test('goes home when there is none, or it is another origin', () => {
    expect(redirectFrom('/login')).toBe('/')
    expect(redirectFrom('/login?to=%2F%2Fevil.test%2Fx')).toBe('/')
  })
})
