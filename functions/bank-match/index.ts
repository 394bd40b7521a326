// Suggestions for the open lines of a bank statement: GET or POST /functions/v1/bank-match?statement_id=<uuid>
// (without statement_id: every open line of the company). Reads public.bank_match_input as the caller
// (RLS applies: what they cannot see is not suggested), scores in pure TypeScript
// (functions/_shared/bank/match.ts) and answers {lines: [{line_id, suggestions: [{kind, score, reasons,
// open_item_id?, party_id?, account_id?, other_line_id?, …}]}]}. Confirming one is the RPC confirm_bank_line.
import { z } from 'zod'
import { type MatchInput, suggest } from '../_shared/bank/match.ts'
import { preflight } from '../_shared/cors.ts'
import { json, jsonError, withErrors } from '../_shared/json.ts'
import { bearerToken, clientForRequest } from '../_shared/supabase.ts'

const params = z.object({ statement_id: z.uuid({ message: 'statement_id must be a uuid' }).optional() })

Deno.serve(
  withErrors(async (req) => {
    const early = preflight(req)
    if (early) return early
    if (req.method !== 'GET' && req.method !== 'POST')
      return jsonError(405, 'method_not_allowed', 'GET or POST')
    if (!bearerToken(req))
      return jsonError(401, 'no_authorization', 'Authorization: Bearer <jwt> is required')
    const fields: Record<string, unknown> = Object.fromEntries(new URL(req.url).searchParams)
    if (req.method === 'POST' && (req.headers.get('content-type') ?? '').includes('json')) {
      try {
        Object.assign(fields, await req.json())
      } catch {
        return jsonError(400, 'bad_json', 'the body is not JSON')
      }
    }
    const p = params.safeParse(fields)
    if (!p.success) return jsonError(400, 'bad_request', p.error.issues[0].message)
    const db = clientForRequest(req)
    const { data, error } = await db.rpc('bank_match_input', { p_statement_id: p.data.statement_id ?? null })
    if (error) {
      const status =
        error.code === 'TR100' ? 401 : ['TR103', 'TR104', 'TR105', '42501'].includes(error.code) ? 403 : 400
      return json({ code: error.code, message: error.message }, status)
    }
    const started = performance.now()
    const lines = suggest(data as MatchInput)
    return json({ lines, ms: Math.round(performance.now() - started) })
  }),
)
