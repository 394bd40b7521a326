// Bank statement upload: POST the file to /functions/v1/bank-import?bank_account_id=<uuid>&file_name=<name>
// (raw body), or as multipart/form-data with fields file, bank_account_id and optionally mapping (JSON:
// {columns, dateOrder?, invertSign?}) and confirm. With the caller's JWT (and x-tenant-id): everything
// goes through PostgREST as the caller, so RLS and rights apply (a bank account of another company is
// simply not found).
//
// CSV/XLSX: a saved template of the bank account (by header signature) maps the columns; a new layout
// answers 200 {preview: true, mapping, lines[≤20]} and imports nothing until the caller sends it again
// with confirm=true (and the mapping it confirmed or edited), which saves the template.
// Limits: 10 MiB per file (413, also the gateway's request limit), 100,000 lines (413), XLSX unzipped ≤ 100 MiB (parser), 25 s of parsing
// (413: the parsers check the clock as they go and give up past it). Every refusal is a 4xx JSON {code, message, errors?: [{line, field, message}]} and writes nothing.
import { z } from 'zod'
import { parseStatement } from '../_shared/bank/index.ts'
import type { ColumnMapping, MappingTemplate, ParseError } from '../_shared/bank/types.ts'
import { lineTotal, toImportPayload } from '../_shared/bank/upload.ts'
import { preflight } from '../_shared/cors.ts'
import { json, jsonError, withErrors } from '../_shared/json.ts'
import { bearerToken, clientForRequest } from '../_shared/supabase.ts'

// The gateway in front of functions takes at most 10 MiB per request (stack/stack.ts bodyLimitBytes).
const MAX_BYTES = 10 * 1024 * 1024
// Reading a file stops after this (the parsers check the clock as they go): 413 naming the limit.
const TIME_LIMIT_MS = 25_000

const params = z.object({
  bank_account_id: z.uuid({ message: 'bank_account_id must be a uuid' }),
  file_name: z.string().trim().min(1).max(255).default('statement'),
  confirm: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  mapping: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined
      try {
        return JSON.parse(s) as unknown
      } catch {
        ctx.addIssue({ code: 'custom', message: 'mapping must be JSON' })
        return z.NEVER
      }
    })
    .pipe(
      z
        .object({
          columns: z.record(z.string(), z.union([z.number().int().min(0), z.array(z.number().int().min(0))])),
          dateOrder: z.enum(['YMD', 'DMY', 'MDY']).optional(),
          invertSign: z.boolean().optional(),
        })
        .optional(),
    ),
})

const refused = (status: number, code: string, message: string, errors?: ParseError[]) =>
  json({ code, message, ...(errors ? { errors } : {}) }, status)

async function sha256(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource)
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')
}

/** The body, at most MAX_BYTES (+1 to notice more) even when Content-Length lies or is absent. */
async function readCapped(body: ReadableStream<Uint8Array> | null): Promise<Uint8Array | null> {
  if (!body) return new Uint8Array()
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of body) {
    size += chunk.length
    if (size > MAX_BYTES) return null
    chunks.push(chunk)
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

function statusOf(code: string | undefined): number {
  if (code === 'TR100') return 401
  if (code === 'TR103' || code === 'TR104' || code === 'TR105' || code === '42501') return 403
  if (code === 'TR821') return 404
  return 422
}

Deno.serve(
  withErrors(async (req) => {
    const early = preflight(req)
    if (early) return early
    if (req.method !== 'POST') return jsonError(405, 'method_not_allowed', 'POST the statement file')
    if (!bearerToken(req))
      return jsonError(401, 'no_authorization', 'Authorization: Bearer <jwt> is required')
    const declared = Number(req.headers.get('content-length') ?? '0')
    if (declared > MAX_BYTES + 64 * 1024)
      return refused(413, 'file_too_large', `the upload is ${declared} bytes; the limit is ${MAX_BYTES}`)

    // ── the request: raw body + query, or multipart ──
    const url = new URL(req.url)
    const fields: Record<string, string> = Object.fromEntries(url.searchParams)
    let bytes: Uint8Array | null
    if ((req.headers.get('content-type') ?? '').startsWith('multipart/form-data')) {
      let form: FormData
      try {
        form = await req.formData()
      } catch (e) {
        return refused(400, 'bad_form', `the multipart body could not be read: ${(e as Error).message}`)
      }
      const file = form.get('file')
      if (!(file instanceof File)) return refused(400, 'no_file', 'the form has no file field "file"')
      if (file.size > MAX_BYTES)
        return refused(413, 'file_too_large', `the file is ${file.size} bytes; the limit is ${MAX_BYTES}`)
      bytes = new Uint8Array(await file.arrayBuffer())
      fields.file_name = fields.file_name ?? file.name
      for (const [k, v] of form.entries()) if (typeof v === 'string') fields[k] = v
    } else {
      bytes = await readCapped(req.body)
      if (!bytes)
        return refused(413, 'file_too_large', `the file is larger than the limit of ${MAX_BYTES} bytes`)
    }
    const parsedParams = params.safeParse(fields)
    if (!parsedParams.success) {
      const issue = parsedParams.error.issues[0]
      return refused(400, 'bad_request', `${issue.path.join('.') || 'request'}: ${issue.message}`)
    }
    const p = parsedParams.data
    if (bytes.length === 0) return refused(400, 'empty_file', 'the file is empty')

    // ── the bank account and its templates, as the caller ──
    const db = clientForRequest(req)
    const account = await db
      .from('bank_accounts')
      .select('id, tenant_id, account_number, currency')
      .eq('id', p.bank_account_id)
      .maybeSingle()
    if (account.error) return refused(statusOf(account.error.code), account.error.code, account.error.message)
    if (!account.data)
      return refused(
        404,
        'unknown_bank_account',
        'no bank account with this id in your company (bank_account_id)',
      )
    const templates = await db
      .from('bank_statement_templates')
      .select('signature, columns, date_order, invert_sign')
      .eq('bank_account_id', p.bank_account_id)
    const saved: MappingTemplate[] = (templates.data ?? []).map((t) => ({
      signature: t.signature,
      columns: t.columns,
      dateOrder: t.date_order,
      invertSign: t.invert_sign,
    }))

    // ── parse (pure) ──
    const result = await parseStatement(bytes, {
      maxBytes: MAX_BYTES,
      timeLimitMs: TIME_LIMIT_MS,
      templates: saved,
      currency: account.data.currency,
      ...(p.mapping ? { mapping: { ...p.mapping, columns: p.mapping.columns as ColumnMapping } } : {}),
    })
    if (!result.ok) {
      const e = result.errors[0]
      const status = e.field === 'file' && /limit/.test(e.message) ? 413 : 422
      return json(
        {
          code: 'unreadable_statement',
          message: `${e.line ? `line ${e.line}, ` : ''}${e.field}: ${e.message}`,
          format: result.format,
          errors: result.errors,
          ...(result.mapping ? { mapping: result.mapping } : {}),
        },
        status,
      )
    }
    const payload = toImportPayload(
      result,
      { accountNumber: account.data.account_number, currency: account.data.currency },
      { name: p.file_name, hash: await sha256(bytes) },
    )
    if (!payload.ok) {
      const e = payload.errors[0]
      return json(
        {
          code: 'rejected_statement',
          message: `${e.line ? `line ${e.line}, ` : ''}${e.field}: ${e.message}`,
          errors: payload.errors,
        },
        payload.status,
      )
    }

    // ── a new CSV/XLSX layout: preview first ──
    const mapping = result.mapping
    if (mapping && mapping.source === 'auto' && !p.confirm) {
      return json({
        preview: true,
        format: result.format,
        encoding: result.encoding,
        mapping,
        line_count: payload.lines.length,
        total: lineTotal(payload.lines),
        lines: payload.lines.slice(0, 20),
        warnings: result.warnings,
        message: 'new column layout: check the mapping and send the file again with confirm=true',
      })
    }

    const imported = await db.rpc('import_bank_statement', {
      p_bank_account_id: p.bank_account_id,
      p_statement: payload.statement,
      p_lines: payload.lines,
    })
    if (imported.error)
      return json(
        { code: imported.error.code, message: imported.error.message, hint: imported.error.hint ?? null },
        statusOf(imported.error.code),
      )
    if (mapping && mapping.source !== 'template') {
      // the layout of this account's files: changed in place when the signature is known, else added
      const layout = {
        headers: mapping.headers,
        columns: mapping.columns,
        date_order: mapping.dateOrder,
        invert_sign: mapping.invertSign,
      }
      const changed = await db
        .from('bank_statement_templates')
        .update(layout)
        .eq('bank_account_id', p.bank_account_id)
        .eq('signature', mapping.signature)
        .select('id')
      const saveTemplate =
        changed.error || (changed.data ?? []).length > 0
          ? changed
          : await db.from('bank_statement_templates').insert({
              ...layout,
              tenant_id: account.data.tenant_id,
              bank_account_id: p.bank_account_id,
              signature: mapping.signature,
            })
      if (saveTemplate.error) console.error('template not saved', saveTemplate.error.message)
    }
    return json({
      format: result.format,
      encoding: result.encoding,
      ...(mapping ? { mapping } : {}),
      warnings: result.warnings,
      result: imported.data,
    })
  }),
)
