import pg from 'pg';

/**
 * SPEC §8's baseline: single-row JSONB inserts of `document` into a table with only a primary
 * key, from `connections` concurrent `pg` clients, each inserting again as soon as the last one
 * committed, for `seconds`, with the durability the server runs with (`synchronous_commit` as
 * the database has it, read here rather than assumed). Returns inserts per second.
 *
 * @example
 * const { perSecond } = await rawInsertBaseline(url, storedDocument, { connections: 16, seconds: 10 });
 */
export async function rawInsertBaseline(
  url: string,
  document: string,
  shape: { connections: number; seconds: number },
): Promise<{ perSecond: number; synchronousCommit: string }> {
  const pool = new pg.Pool({ connectionString: url, max: shape.connections });
  try {
    const { rows } = await pool.query<{ synchronous_commit: string }>('show synchronous_commit');
    await pool.query('create table if not exists bench_raw_insert (id bigserial primary key, document jsonb not null)');
    const deadline = Date.now() + shape.seconds * 1000;
    const started = process.hrtime.bigint();
    const counts = await Promise.all(
      Array.from({ length: shape.connections }, async () => {
        const client = await pool.connect();
        let inserted = 0;
        try {
          while (Date.now() < deadline) {
            await client.query('insert into bench_raw_insert (document) values ($1::jsonb)', [document]);
            inserted++;
          }
        } finally {
          client.release();
        }
        return inserted;
      }),
    );
    const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
    const total = counts.reduce((sum, count) => sum + count, 0);
    return { perSecond: total / elapsed, synchronousCommit: rows[0]!.synchronous_commit };
  } finally {
    await pool.end();
  }
}
