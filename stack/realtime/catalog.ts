// What Realtime needs to know about a published table, read from the catalog: columns and their
// types, primary key, whether RLS is on; plus resolving and validating subscriptions at join time.
import pg from 'pg'
import { type Filter, filterSql } from './filters.ts'
import { kindOfType, type ValueType } from './values.ts'

export const PUBLICATION = 'supabase_realtime'

export interface ColumnInfo {
  name: string
  /** pg_type.typname, as Supabase reports it in `columns` (int4, text, _text, a domain's name…). */
  type: string
  /** format_type() without typmod, to cast text values to the column's type. */
  castType: string
  value: ValueType
}

export interface RelationInfo {
  oid: number
  schema: string
  table: string
  rlsEnabled: boolean
  primaryKey: string[]
  columns: ColumnInfo[]
  byName: Map<string, ColumnInfo>
  /** `select exists(...)` of the row whose primary key values come as $1 (text[]). */
  rowExistsSql: string
}

const COLUMNS_SQL = `
with recursive cols as (
  select a.attnum, a.attname::text as name, t.typname::text as typname,
         format_type(a.atttypid, null) as cast_type, a.atttypid
  from pg_attribute a join pg_type t on t.oid = a.atttypid
  where a.attrelid = $1 and a.attnum > 0 and not a.attisdropped
), base as (
  select attnum, atttypid as tid, 0 as depth from cols
  union all
  select b.attnum, t.typbasetype, b.depth + 1
  from base b join pg_type t on t.oid = b.tid
  where t.typtype = 'd' and b.depth < 16
), resolved as (
  select distinct on (attnum) attnum, tid from base order by attnum, depth desc
)
select c.name, c.typname, c.cast_type, r.tid::int as base_oid,
       case when bt.typcategory = 'A' then bt.typelem::int else 0 end as elem_oid,
       coalesce(et.typdelim::text, ',') as delimiter
from cols c
join resolved r using (attnum)
join pg_type bt on bt.oid = r.tid
left join pg_type et on bt.typcategory = 'A' and et.oid = bt.typelem
order by c.attnum`

const RELATION_SQL = `
select n.nspname::text as schema, c.relname::text as table, c.relrowsecurity as rls,
  coalesce((
    select array_agg(a.attname::text order by k.ord)
    from pg_index i
    cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
    where i.indrelid = c.oid and i.indisprimary
  ), '{}') as pk
from pg_class c join pg_namespace n on n.oid = c.relnamespace
where c.oid = $1`

export class Catalog {
  private cache = new Map<number, Promise<RelationInfo | undefined>>()

  constructor(private pool: pg.Pool) {}

  relation(oid: number): Promise<RelationInfo | undefined> {
    let entry = this.cache.get(oid)
    if (!entry) {
      entry = this.load(oid)
      this.cache.set(oid, entry)
      entry.catch(() => this.cache.delete(oid))
    }
    return entry
  }

  /** The replication stream announced (possibly new) table metadata: read it again next time. */
  forget(oid: number) {
    this.cache.delete(oid)
  }

  private async load(oid: number): Promise<RelationInfo | undefined> {
    const rel = await this.pool.query(RELATION_SQL, [oid])
    if (rel.rowCount === 0) return undefined
    const { schema, table, rls, pk } = rel.rows[0]
    const cols = await this.pool.query(COLUMNS_SQL, [oid])
    const columns: ColumnInfo[] = cols.rows.map((r) => ({
      name: r.name,
      type: r.typname,
      castType: r.cast_type,
      value: r.elem_oid
        ? { kind: 'text', element: { kind: kindOfType(r.elem_oid), delimiter: r.delimiter } }
        : { kind: kindOfType(r.base_oid) },
    }))
    const byName = new Map(columns.map((c) => [c.name, c]))
    const where = (pk as string[])
      .map(
        (name, i) => `${pg.escapeIdentifier(name)} = ($1::text[])[${i + 1}]::${byName.get(name)?.castType}`,
      )
      .join(' and ')
    const target = `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`
    return {
      oid,
      schema,
      table,
      rlsEnabled: rls,
      primaryKey: pk,
      columns,
      byName,
      rowExistsSql: `select exists (select 1 from ${target} where ${where || 'false'})`,
    }
  }

  /** Tables of the publication matching a subscription's schema and table ('*' = any). */
  async publishedTables(schema: string, table: string): Promise<number[]> {
    const { rows } = await this.pool.query(
      `select format('%I.%I', schemaname, tablename)::regclass::oid::int as oid
       from pg_publication_tables
       where pubname = $1 and ($2 = '*' or schemaname = $2) and ($3 = '*' or tablename = $3)`,
      [PUBLICATION, schema, table],
    )
    return rows.map((r) => r.oid)
  }

  /** Checks that each filter names a column of each table and that its value fits the column's type. */
  async validateFilters(oids: number[], filters: Filter[]): Promise<string | undefined> {
    for (const oid of oids) {
      const rel = await this.relation(oid)
      if (!rel) continue
      for (const filter of filters) {
        const column = rel.byName.get(filter.column)
        if (!column) return `invalid column for filter ${filter.column}`
        const params: unknown[] = [null]
        const sql = `select ${filterSql(filter, column.castType, '$1', (v) => `$${params.push(v)}`)}`
        try {
          await this.pool.query(sql, params)
        } catch (error) {
          return (error as Error).message
        }
      }
    }
    return undefined
  }
}
