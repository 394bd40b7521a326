// Bulk import from a file: POST the CSV or XLSX bytes to
// /functions/v1/import?kind=customers|suppliers|products|opening_stock|opening_balances
// [&dry_run=false] (dry run by default) with the caller's JWT and x-tenant-id. The file is mapped to rows
// here (functions/_shared/import/rows.ts); the database validates and writes them all or none through
// import_<kind>, as the caller (RLS and rights apply). Answers {mapping, result} where result is the RPC's
// {ok, dry_run, rows, valid, inserted, errors[{row, field, message}]} with rows numbered by file line.
import { createClient } from '@supabase/supabase-js'
import { preflight } from '../_shared/cors.ts'
import { type ImportKind, parseImportFile } from '../_shared/import/rows.ts'
import { json, jsonError, withErrors } from '../_shared/json.ts'
import { bearerToken } from '../_shared/supabase.ts'

const kinds: ImportKind[] = ['customers', 'suppliers', 'products', 'opening_stock', 'opening_balances']
const maxBytes = 10 * 1024 * 1024

Deno.serve(
  withErrors(async (req) => {
    const early = preflight(req)
    if (early) return early
    if (req.method !== 'POST') return jsonError(405, 'method_not_allowed', 'POST the file')
    if (!bearerToken(req))
      return jsonError(401, 'no_authorization', 'Authorization: Bearer <jwt> is required')
    const url = new URL(req.url)
    const kind = url.searchParams.get('kind') as ImportKind
    if (!kinds.includes(kind)) return jsonError(400, 'bad_kind', `kind must be one of ${kinds.join(', ')}`)
    const dryRun = url.searchParams.get('dry_run') !== 'false'
    const bytes = new Uint8Array(await req.arrayBuffer())
    if (bytes.length === 0) return jsonError(400, 'empty_file', 'the request body holds no file')
    if (bytes.length > maxBytes) return jsonError(413, 'file_too_large', `at most ${maxBytes} bytes`)

    let mapping: Awaited<ReturnType<typeof parseImportFile>>
    try {
      mapping = await parseImportFile(kind, bytes)
    } catch (error) {
      return jsonError(422, 'unreadable_file', error instanceof Error ? error.message : String(error))
    }
    const { rows, ...columns } = mapping
    if (columns.missing.length > 0)
      return json(
        { code: 'missing_columns', message: `no column for ${columns.missing.join(', ')}`, mapping: columns },
        422,
      )

    // As the caller, in the caller's company: the same rights as calling the RPC directly.
    const headers: Record<string, string> = { Authorization: req.headers.get('Authorization') as string }
    const tenant = req.headers.get('x-tenant-id')
    if (tenant) headers['x-tenant-id'] = tenant
    const db = createClient(Deno.env.get('SUPABASE_URL') ?? '', Deno.env.get('SUPABASE_ANON_KEY') ?? '', {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      global: { headers },
    })
    const { data, error } = await db.rpc(`import_${kind}`, { p_rows: rows, p_dry_run: dryRun })
    if (error) {
      const status = ['TR100'].includes(error.code)
        ? 401
        : ['TR103', 'TR104', 'TR105'].includes(error.code)
          ? 403
          : 400
      return json({ code: error.code, message: error.message, hint: error.hint ?? null }, status)
    }
    return json({ mapping: columns, result: data })
  }),
)
