import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** The raw-insert baseline's result: inserts per second, and the durability it ran with. */
export interface Baseline {
  perSecond: number;
  synchronousCommit: string;
  connections: number;
  seconds: number;
}

const createTable = 'create table if not exists bench_raw_insert (id bigserial primary key, document jsonb not null)';
const insert = 'insert into bench_raw_insert (document) values ($1::jsonb)';

/**
 * SPEC §8's baseline on Postgres: single-row JSONB inserts of `document` into a table with only
 * a primary key, from `connections` concurrent `pg` clients, each inserting again as soon as the
 * last one committed, for `seconds`, with the durability the server runs with
 * (`synchronous_commit` as the database has it, read rather than assumed).
 *
 * @example
 * const { perSecond } = await rawInsertBaseline(url, storedDocument, { connections: 16, seconds: 10 });
 */
export async function rawInsertBaseline(
  url: string,
  document: string,
  shape: { connections: number; seconds: number },
): Promise<Baseline> {
  const pool = new pg.Pool({ connectionString: url, max: shape.connections });
  try {
    const { rows } = await pool.query<{ synchronous_commit: string }>('show synchronous_commit');
    await pool.query(createTable);
    const perSecond = await insertLoop(shape, async () => {
      const client = await pool.connect();
      return { insert: () => client.query(insert, [document]), release: () => client.release() };
    });
    return { perSecond, synchronousCommit: rows[0]!.synchronous_commit, ...shape };
  } finally {
    await pool.end();
  }
}

/**
 * The same baseline on the embedded database: `connections` concurrent loops of single-row
 * inserts into the PGlite store the server uses (which runs one statement at a time).
 *
 * @example
 * const { perSecond } = await embeddedInsertBaseline(pglite, storedDocument, { connections: 16, seconds: 10 });
 */
export async function embeddedInsertBaseline(
  pglite: PGlite,
  document: string,
  shape: { connections: number; seconds: number },
): Promise<Baseline> {
  const { rows } = await pglite.query<{ synchronous_commit: string }>('show synchronous_commit');
  await pglite.query(createTable);
  const perSecond = await insertLoop(shape, async () => ({
    insert: () => pglite.query(insert, [document]),
    release: () => {},
  }));
  return { perSecond, synchronousCommit: rows[0]!.synchronous_commit, ...shape };
}

/** Runs `connections` workers, each inserting in a loop until `seconds` have passed; returns inserts per second. */
async function insertLoop(
  shape: { connections: number; seconds: number },
  worker: () => Promise<{ insert(): Promise<unknown>; release(): void }>,
): Promise<number> {
  const deadline = Date.now() + shape.seconds * 1000;
  const started = process.hrtime.bigint();
  const counts = await Promise.all(
    Array.from({ length: shape.connections }, async () => {
      const { insert: insertOne, release } = await worker();
      let inserted = 0;
      try {
        while (Date.now() < deadline) {
          await insertOne();
          inserted++;
        }
      } finally {
        release();
      }
      return inserted;
    }),
  );
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  return counts.reduce((sum, count) => sum + count, 0) / elapsed;
}
