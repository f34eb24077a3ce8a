import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { PermissionRule } from './permission-policy.js';

/**
 * Every rule of the permission policy, in a stable order.
 *
 * @example
 * const rules = await loadPolicy(db);
 */
export async function loadPolicy(db: Kysely<Database>): Promise<PermissionRule[]> {
  return db
    .selectFrom('permission_rule')
    .select(['role', 'target', 'action', 'effect'])
    .orderBy('role')
    .orderBy('target')
    .orderBy('action')
    .execute();
}

/**
 * Replaces the whole policy with `rules`; use inside a transaction so readers never see it half
 * written.
 *
 * @example
 * await db.transaction().execute((trx) => replacePolicy(trx, rules));
 */
export async function replacePolicy(db: Kysely<Database>, rules: readonly PermissionRule[]): Promise<void> {
  await db.deleteFrom('permission_rule').execute();
  if (rules.length > 0)
    await db
      .insertInto('permission_rule')
      .values([...rules])
      .execute();
}
