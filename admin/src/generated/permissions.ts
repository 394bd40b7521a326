// Which resource of the permission matrix guards a table (policies/*.sql: enable_tenant_rls(table,
// resource)). Most tables are guarded by the resource of their own name; the exceptions are listed here.

const RESOURCE_OF_TABLE: Record<string, string> = {
  tenants: 'tenant',
  memberships: 'members',
  membership_roles: 'members',
  role_permissions: 'roles',
  document_sequence_counters: 'document_sequences',
}

export function resourceOfTable(table: string): string {
  return RESOURCE_OF_TABLE[table] ?? table
}
