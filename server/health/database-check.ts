import { sql, type Kysely } from 'kysely';

/**
 * Whether the database answers a real query.
 *
 * @example
 * if (!(await databaseAnswers(db))) reply.code(503);
 */
export async function databaseAnswers<DB>(db: Kysely<DB>): Promise<boolean> {
  try {
    const result = await sql<{ ok: number }>`select 1 as ok`.execute(db);
    return result.rows[0]?.ok === 1;
  } catch {
    return false;
  }
}
