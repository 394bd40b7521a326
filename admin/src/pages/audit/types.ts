import type { Json, Tables } from '../../../../supabase/types.ts'

// public.audit_log: append-only record of every change to the company's rows (readable with
// audit_log:read; nobody may change it through the API).
export type AuditEntry = Tables<'audit_log'>

export type FieldChange = { field: string; before: Json | undefined; after: Json | undefined }
