// Which fields an audit entry changed, with their values before and after. Pure.
import type { Json } from '../../../../supabase/types.ts'
import type { AuditEntry, FieldChange } from './types.ts'

type JsonObject = { [key: string]: Json | undefined }

const asObject = (v: Json | null): JsonObject =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as JsonObject) : {}

export function fieldChanges(entry: Pick<AuditEntry, 'old_values' | 'new_values'>): FieldChange[] {
  const before = asObject(entry.old_values)
  const after = asObject(entry.new_values)
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort()
  return fields
    .filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]))
    .map((field) => ({ field, before: before[field], after: after[field] }))
}

/** A value as one line of text: strings as they are, everything else as JSON. */
export function showValue(v: Json | undefined): string {
  if (v === undefined || v === null) return '—'
  return typeof v === 'string' ? v : JSON.stringify(v)
}
