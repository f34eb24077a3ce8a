import { sql, type Kysely, type SqlBool } from 'kysely';
import { practitionerRoles, type Role } from '../access/roles.js';
import type { Database } from '../db/database.js';

/** A practitioner as anyone signed in may see them. */
export interface PractitionerEntry {
  id: string;
  name: string;
  roles: Role[];
}

/**
 * Active practitioners who can be booked (a weekly rule, or extra hours not yet over), by name
 * then id, `limit + 1` rows for `page()`.
 *
 * @example
 * const rows = await bookablePractitioners(db, { limit: 50 });
 */
export async function bookablePractitioners(
  db: Kysely<Database>,
  options: { limit: number; after?: [string, string] },
): Promise<PractitionerEntry[]> {
  let query = db
    .selectFrom('account as a')
    .select(['a.id', 'a.name', 'a.roles'])
    .where('a.status', '=', 'active')
    .where((eb) => eb('a.roles', '&&', eb.val([...practitionerRoles])))
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('availability_rule as r').select('r.id').whereRef('r.practitioner_id', '=', 'a.id')),
        eb.exists(
          eb
            .selectFrom('availability_exception as e')
            .select('e.id')
            .whereRef('e.practitioner_id', '=', 'a.id')
            .where('e.kind', '=', 'extra')
            .where('e.ends_at', '>', new Date()),
        ),
      ]),
    );
  if (options.after) {
    const [name, id] = options.after;
    query = query.where(sql<SqlBool>`(a.name, a.id) > (${name}, cast(${id} as uuid))`);
  }
  return query
    .orderBy('a.name')
    .orderBy('a.id')
    .limit(options.limit + 1)
    .execute();
}
