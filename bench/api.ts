// What the benchmarks do through the API before they measure: sign a person up and call an RPC as them
// (plain fetch, as the measured requests are plain fetch too).
import type { StackInfo } from '../stack/stack.ts'

export const BENCH_PASSWORD = 'bench-password-2026'

export async function signUp(info: StackInfo, email: string): Promise<{ id: string; token: string }> {
  const res = await fetch(`${info.apiUrl}/auth/v1/signup`, {
    method: 'POST',
    headers: { apikey: info.anonKey, 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: BENCH_PASSWORD }),
  })
  const body = (await res.json()) as { access_token?: string; user?: { id: string } }
  if (!res.ok || !body.access_token || !body.user)
    throw new Error(`sign-up ${email}: ${JSON.stringify(body)}`)
  return { id: body.user.id, token: body.access_token }
}

export async function rpc(info: StackInfo, token: string, fn: string, args: object): Promise<unknown> {
  const res = await fetch(`${info.restUrl}/rpc/${fn}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(args),
  })
  const body = await res.json()
  if (!res.ok) throw new Error(`${fn}: ${JSON.stringify(body)}`)
  return body
}
