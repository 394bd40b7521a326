// JSON responses with CORS headers, and the error shape every Troika function uses: { code, message }.
import { corsHeaders } from './cors.ts'

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json', ...headers },
  })
}

export function jsonError(status: number, code: string, message: string): Response {
  return json({ code, message }, status)
}

/** Runs a handler and turns an escaped exception into a JSON 500 instead of a bare crash page. */
export function withErrors(handler: (req: Request) => Response | Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      return await handler(req)
    } catch (error) {
      console.error(error)
      return jsonError(500, 'internal_error', error instanceof Error ? error.message : String(error))
    }
  }
}
