import { sql } from 'kysely';
import { testDatabase } from './test-app.js';

/**
 * Runs a statement on `audit_event` with its append-only trigger off, as only someone tampering
 * with the database could; for tests of the chain's verification. Restore what you change.
 *
 * @example
 * await tamper(sql`update audit_event set actor_id = 'someone-else' where chain_key = ${ehrId} and seq = 2`);
 */
export async function tamper(statement: ReturnType<typeof sql>): Promise<void> {
  const { db } = await testDatabase();
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_event disable trigger audit_event_append_only`.execute(trx);
    await statement.execute(trx);
    await sql`alter table audit_event enable trigger audit_event_append_only`.execute(trx);
  });
}
