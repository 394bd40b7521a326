// Database access: every write that belongs together runs in one transaction.
import type pg from 'pg'

export type Db = pg.Pool | pg.PoolClient

/** Thrown inside a transaction to answer with an error while still committing what was written. */
export class CommitThenFail extends Error {
  constructor(readonly cause: Error) {
    super(cause.message)
  }
}

export async function transaction<T>(pool: pg.Pool, work: (tx: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken = false
  try {
    await client.query('begin')
    try {
      const result = await work(client)
      await client.query('commit')
      return result
    } catch (error) {
      if (error instanceof CommitThenFail) {
        await client.query('commit')
        throw error.cause
      }
      await client.query('rollback').catch(() => {
        broken = true
      })
      throw error
    }
  } finally {
    client.release(broken)
  }
}

/** The nil UUID GoTrue stores in every instance_id column. */
export const nilUuid = '00000000-0000-0000-0000-000000000000'
