// A fake PostgREST for component tests (msw): tables and RPCs answer with the rows a test gives, the way
// PostgREST does (an array, or one object when supabase-js asks for .single()); every request is recorded
// so a test can look at what the page sent (money as strings, one insert for all lines, …).
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'

export const API = 'http://fake-postgrest.test'
export const server = setupServer()

export type Recorded = { method: string; path: string; search: URLSearchParams; body: unknown }
export const requests: Recorded[] = []

type Answer = unknown[] | Record<string, unknown> | ((req: Recorded) => unknown)
type Reply = { status?: number; body: unknown }

/** Serves tables (GET and writes) and RPCs from a map: 'sales_orders' → rows, 'rpc/boss_dashboard' → body. */
export function fakePostgrest(routes: Record<string, Answer | ((req: Recorded) => Reply)>) {
  requests.length = 0
  server.use(
    http.all(`${API}/rest/v1/*`, async ({ request }) => {
      const url = new URL(request.url)
      const path = url.pathname.replace('/rest/v1/', '')
      const text = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text()
      const rec: Recorded = {
        method: request.method,
        path,
        search: url.searchParams,
        body: text ? JSON.parse(text) : undefined,
      }
      requests.push(rec)
      const route = routes[`${request.method} ${path}`] ?? routes[path]
      if (route === undefined)
        return HttpResponse.json(
          { code: 'PGRST', message: `no fake for ${request.method} ${path}` },
          { status: 404 },
        )
      let answer: unknown = typeof route === 'function' ? route(rec) : route
      let status = 200
      if (answer && typeof answer === 'object' && 'body' in answer && 'status' in answer) {
        status = (answer as Reply).status ?? 200
        answer = (answer as Reply).body
      }
      const single = (request.headers.get('accept') ?? '').includes('vnd.pgrst.object')
      if (single && Array.isArray(answer)) answer = answer[0] ?? null
      return HttpResponse.json(answer as never, { status })
    }),
  )
}
