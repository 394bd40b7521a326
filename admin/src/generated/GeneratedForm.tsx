// Create and edit screens of any business table. Columns the role may not write (accounts.level, is_leaf)
// are shown read-only on edit and left out on create; tenant_id is the current company's, never asked.
import { Create, Edit, useForm } from '@refinedev/antd'
import type { HttpError } from '@refinedev/core'
import { useQuery } from '@tanstack/react-query'
import { Form } from 'antd'
import { useSupabase } from '../providers/supabaseContext.tsx'
import { useMyTenants } from '../tenancy/useMyTenants.ts'
import { formColumns } from './columns.ts'
import { FieldInput } from './FieldInput.tsx'
import { initialValues, rowToWrite } from './formValues.ts'
import { useSchemaStore } from './SchemaContext.tsx'
import { idColumnOf, selectOf, type TableMeta } from './schema.ts'
import { useColumnLabel } from './useColumnLabel.ts'
import { useScreenTitle } from './useScreenTitle.ts'
import { writableColumnsQuery } from './writableColumns.ts'

type Values = Record<string, unknown>
type Props = { table: TableMeta; mode: 'create' | 'edit' }

export function GeneratedForm({ table, mode }: Props) {
  const label = useColumnLabel(table)
  const title = useScreenTitle(table, mode)
  const { active } = useMyTenants()
  const columns = formColumns(table)
  const writableQuery = useQuery(
    writableColumnsQuery(
      useSupabase(),
      useSchemaStore().config,
      table.name,
      columns.map((c) => c.name),
      mode === 'create' ? 'insert' : 'update',
    ),
  )
  const writable = new Set(writableQuery.data ?? [])
  const { formProps, saveButtonProps, formLoading } = useForm<Values, HttpError, Values>({
    resource: table.name,
    action: mode,
    meta: { select: selectOf(table), idColumnName: idColumnOf(table) },
    redirect: 'show',
  })

  const onFinish = (values: Values) => {
    const row = rowToWrite(values, [...writable], mode)
    const withTenant = mode === 'create' && active ? { ...row, tenant_id: active.tenant_id } : row
    return formProps.onFinish?.(withTenant)
  }
  const shown = columns.filter((c) => mode === 'edit' || writable.has(c.name))
  const fields = shown.map((c) => (
    <FieldInput
      key={c.name}
      column={c}
      label={label(c)}
      disabled={!writable.has(c.name)}
      required={writable.has(c.name) && c.required && !c.hasDefault && c.kind !== 'tags'}
    />
  ))
  const form = (
    <Form
      {...formProps}
      onFinish={onFinish}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={mode === 'create' ? initialValues(shown) : formProps.initialValues}
      data-testid="generated-form"
    >
      {writableQuery.isPending ? null : fields}
    </Form>
  )
  return mode === 'create' ? (
    <Create title={title} saveButtonProps={saveButtonProps} isLoading={writableQuery.isPending}>
      {form}
    </Create>
  ) : (
    <Edit title={title} saveButtonProps={saveButtonProps} isLoading={formLoading || writableQuery.isPending}>
      {form}
    </Edit>
  )
}
