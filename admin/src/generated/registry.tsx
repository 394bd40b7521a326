// What the generator leaves alone and how it files the rest: tables with hand-made pages (resources.tsx
// owns them), tables that are plumbing rather than business data, per-screen overrides, and menu groups.
import type { ComponentType } from 'react'

export type Screen = 'list' | 'show' | 'create' | 'edit'

/** Tables whose screens are hand-made (see resources.tsx); the generator makes nothing for them. */
export const HAND_MADE = new Set(['tenants', 'memberships', 'departments', 'roles', 'audit_log', 'profiles'])

/** Tables the API exposes that are not edited as such (catalogs, join tables, counters, invitations). */
export const INTERNAL = new Set([
  'permissions',
  'membership_roles',
  'role_permissions',
  'document_sequence_counters',
  'invitations',
])

/** A hand-made screen for one table, used instead of the generated one (e.g. { accounts: { show: … } }). */
export const OVERRIDES: Partial<Record<string, Partial<Record<Screen, ComponentType>>>> = {}

/** Menu groups (i18n `generated.groups.<key>`); a table not listed goes to `other`. */
export const GROUP_OF_TABLE: Record<string, string> = {
  accounts: 'books',
  tax_codes: 'books',
  fiscal_periods: 'books',
  warehouses: 'books',
  document_sequences: 'books',
  posting_settings: 'books',
}
export const DEFAULT_GROUP = 'other'

/** Columns never shown in forms: the database fills them. tenant_id is never shown at all. */
export const SYSTEM_COLUMNS = new Set(['id', 'tenant_id', 'created_at', 'updated_at', 'created_by'])

/** Is a table a business table the generator makes screens for? */
export function isGenerated(table: string, columns: readonly { name: string }[]): boolean {
  return !HAND_MADE.has(table) && !INTERNAL.has(table) && columns.some((c) => c.name === 'tenant_id')
}
