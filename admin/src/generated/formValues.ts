// Form values as the row to write: only columns the role may write, a cleared field as null on edit,
// the current company on create. Pure.

type Values = Record<string, unknown>

export function rowToWrite(values: Values, writable: readonly string[], mode: 'create' | 'edit'): Values {
  const row: Values = {}
  for (const column of writable) {
    const v = values[column]
    if (v === undefined || v === '') {
      if (mode === 'edit' && column in values) row[column] = null
      continue
    }
    row[column] = typeof v === 'string' ? v.trim() : v
  }
  return row
}

type Column = { name: string; kind: string; initial?: boolean | number }

/** A create form's start: literal defaults, and an empty list for arrays (PostgREST hides '{}' defaults). */
export function initialValues(columns: readonly Column[]): Values {
  return Object.fromEntries(
    columns.flatMap((c): [string, unknown][] => {
      if (c.initial !== undefined) return [[c.name, c.initial]]
      return c.kind === 'tags' ? [[c.name, []]] : []
    }),
  )
}
