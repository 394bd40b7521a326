// Row-level security for postgres_changes: may this subscriber SELECT the changed row? Checked in
// Postgres as the subscriber (role and JWT claims set locally, the row looked up by primary key),
// once per distinct set of claims and all of them in ONE round trip per change: a session-local
// function (pg_temp, invisible to anyone else) loops over the claim sets, each in its own
// subtransaction so that one failing policy only hides the row from that subscriber. Nothing is
// cached: every change is checked afresh.
import type pg from 'pg'

const installVisibilityFunction = `
create or replace function pg_temp.troika_realtime_visibility(
  relid oid, row_exists_sql text, pk text[], roles text[], claims text[]
) returns table (visible boolean, hidden text[])
language plpgsql volatile as $fn$
begin
  for i in 1 .. coalesce(array_length(roles, 1), 0) loop
    begin
      perform set_config('role', roles[i], true);
      perform set_config('request.jwt.claims', claims[i], true);
      select coalesce(array_agg(a.attname::text), '{}') into hidden
        from pg_catalog.pg_attribute a
        where a.attrelid = relid and a.attnum > 0 and not a.attisdropped
          and not pg_catalog.has_column_privilege(relid, a.attnum, 'SELECT');
      execute row_exists_sql into visible using pk;
      visible := coalesce(visible, false);
    exception when others then
      visible := false;
      hidden := '{}';
    end;
    return next;
  end loop;
  perform set_config('role', 'none', true);
  perform set_config('request.jwt.claims', '', true);
end
$fn$`

export interface Viewer {
  role: string
  /** The verified JWT claims as JSON, exactly what auth.uid() / auth.jwt() will read. */
  claims: string
}

export interface Visibility {
  visible: boolean
  /** Columns this role may not SELECT (column privileges); left out of what it receives. */
  hidden: Set<string>
}

/**
 * For each viewer: whether the row (found by `pk`, text values in primary-key order) is visible to
 * it. For a DELETE pass `rowExistsSql = 'select true'`: only column privileges are checked.
 */
export async function checkVisibility(
  pool: pg.Pool,
  relid: number,
  rowExistsSql: string,
  pk: (string | null)[],
  viewers: Viewer[],
): Promise<Visibility[]> {
  if (viewers.length === 0) return []
  const client = await pool.connect()
  try {
    if (!installed.has(client)) {
      await client.query(installVisibilityFunction)
      installed.add(client)
    }
    const { rows } = await client.query(
      'select visible, hidden from pg_temp.troika_realtime_visibility($1, $2, $3, $4, $5)',
      [relid, rowExistsSql, pk, viewers.map((v) => v.role), viewers.map((v) => v.claims)],
    )
    client.release()
    return rows.map((r) => ({ visible: r.visible === true, hidden: new Set<string>(r.hidden ?? []) }))
  } catch (error) {
    // The session (and its pg_temp function) is dropped rather than reused after a failure.
    client.release(error as Error)
    throw error
  }
}

/** Pooled sessions that already have the function (it lives as long as the session). */
const installed = new WeakSet<pg.PoolClient>()
