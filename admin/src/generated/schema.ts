// The API's tables as PostgREST's OpenAPI document describes them (GET /rest/v1/): columns, types,
// enum values, primary keys and single-column foreign keys (from PostgREST's notes), labels from the
// `comment on` text. Pure: the fetch lives in schemaStore.ts.

export type ColumnKind =
  | 'fk'
  | 'enum'
  | 'money'
  | 'quantity'
  | 'decimal'
  | 'integer'
  | 'date'
  | 'timestamp'
  | 'boolean'
  | 'json'
  | 'tags'
  | 'text'

export type ColumnMeta = {
  name: string
  kind: ColumnKind
  /** The comment before PostgREST's note, or '' when the column has none. */
  comment: string
  required: boolean
  hasDefault: boolean
  /** A literal default (true, 1) a create form starts with; defaults computed by the database are left out. */
  initial?: boolean | number
  isPk: boolean
  enumValues?: string[]
  /** The referenced table of a foreign key. */
  references?: string
}

export type TableMeta = { name: string; comment: string; columns: ColumnMeta[]; pk: string[] }
export type Schema = Record<string, TableMeta>

type OpenApiProperty = {
  type?: string
  format?: string
  description?: string
  default?: unknown
  enum?: string[]
}
type OpenApiDefinition = {
  description?: string
  required?: string[]
  properties?: Record<string, OpenApiProperty>
}
export type OpenApiDocument = { definitions?: Record<string, OpenApiDefinition> }

const NOTE = /\n?\s*Note:\n/

/** The human part of a PostgREST description: the text before its "Note:" block. */
export function commentOf(description: string | undefined): string {
  return (description ?? '').split(NOTE)[0]?.trim() ?? ''
}

function fkTarget(description: string | undefined): string | undefined {
  return /<fk table='([^']+)' column='[^']+'\/>/.exec(description ?? '')?.[1]
}

// Composite foreign keys (tenant_id, parent_id) carry no PostgREST note; `<x>_id` naming a table
// (accounts.account_id, departments.parent_id → itself) stands in for them.
function fkByName(column: string, table: string, tables: ReadonlySet<string>): string | undefined {
  const stem = /^(\w+)_id$/.exec(column)?.[1]
  if (!stem || column === 'tenant_id') return undefined
  if (stem === 'parent') return table
  return [`${stem}s`, `${stem}es`, stem.replace(/y$/, 'ies')].find((name) => tables.has(name))
}

const NUMERIC_DECIMAL = /(^|_)(rate|ratio|percent|pct)($|_)/
const NUMERIC_QUANTITY = /(^|_)(qty|quantity|quantities)($|_)/

function kindOf(p: OpenApiProperty, column: string, fk: string | undefined): ColumnKind {
  const format = p.format ?? ''
  if (fk) return 'fk'
  if (p.enum?.length) return 'enum'
  if (format === 'numeric') {
    if (NUMERIC_DECIMAL.test(column)) return 'decimal'
    return NUMERIC_QUANTITY.test(column) ? 'quantity' : 'money'
  }
  if (p.type === 'integer') return 'integer'
  if (format === 'date') return 'date'
  if (format.startsWith('timestamp')) return 'timestamp'
  if (p.type === 'boolean') return 'boolean'
  if (format === 'json' || format === 'jsonb') return 'json'
  if (p.type === 'array') return 'tags'
  return 'text'
}

export function parseSchema(doc: OpenApiDocument): Schema {
  const definitions = doc.definitions ?? {}
  const tables = new Set(Object.keys(definitions))
  const schema: Schema = {}
  for (const [name, def] of Object.entries(definitions)) {
    const required = new Set(def.required ?? [])
    const columns = Object.entries(def.properties ?? {}).map(([column, p]): ColumnMeta => {
      const references = fkTarget(p.description) ?? fkByName(column, name, tables)
      return {
        name: column,
        kind: kindOf(p, column, references),
        comment: commentOf(p.description),
        required: required.has(column),
        hasDefault: p.default !== undefined,
        ...(typeof p.default === 'boolean' || typeof p.default === 'number' ? { initial: p.default } : {}),
        isPk: (p.description ?? '').includes('<pk/>'),
        ...(p.enum ? { enumValues: p.enum } : {}),
        ...(references ? { references } : {}),
      }
    })
    schema[name] = {
      name,
      comment: commentOf(def.description),
      columns,
      pk: columns.filter((c) => c.isPk).map((c) => c.name),
    }
  }
  return schema
}

/** The column Refine uses as the id: the primary key, leaving out tenant_id in a (tenant_id, key) key. */
export function idColumnOf(table: TableMeta): string | undefined {
  const own = table.pk.filter((c) => c !== 'tenant_id')
  return own.length === 1 ? own[0] : undefined
}

const LABEL_COLUMNS = ['name', 'code', 'title', 'display_name', 'email']

/** The column that names a row of a table in selects and lists. */
export function labelColumnOf(table: TableMeta | undefined): string {
  const names = new Set(table?.columns.map((c) => c.name))
  return LABEL_COLUMNS.find((c) => names.has(c)) ?? (table ? (idColumnOf(table) ?? 'id') : 'id')
}

/** PostgREST select list: numeric columns as text, so that money never passes through a JS float. */
export function selectOf(table: TableMeta): string {
  const numeric = new Set<ColumnKind>(['money', 'quantity', 'decimal'])
  return table.columns.map((c) => (numeric.has(c.kind) ? `${c.name}:${c.name}::text` : c.name)).join(',')
}
