// The demo logins that `npm start` prints exist and sign in with the printed password.
import { describe, expect, it } from 'vitest'
import { demoPassword } from '../stack/demo.ts'
import { client } from './helpers/stack.ts'

describe('demo seed', () => {
  it.each(['boss@example.com', 'accountant@example.com', 'sales@example.com'])(
    '%s signs in',
    async (email) => {
      const c = client()
      const { data, error } = await c.auth.signInWithPassword({ email, password: demoPassword })
      expect(error).toBeNull()
      expect(data.user?.email).toBe(email)
      const profile = await c.from('profiles').select('display_name').single()
      expect(profile.data?.display_name).toMatch(/\(.+\)$/)
    },
  )
})
