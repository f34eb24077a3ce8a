import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { decodeCursor, page } from '../http/pagination.js';

/** A patient as a search lists them: enough to tell two namesakes apart, nothing clinical. */
export interface PatientSummary {
  id: string;
  name: string;
  birthDate: string | null;
  ehrId: string;
}

/**
 * Active patients whose name contains every word of the query, or whose birth date is the query
 * (`1980-04-02`), or whose email is it; ordered by name, keyset-paginated.
 *
 * @example
 * await searchPatients(db, { q: 'ada love', limit: 20 }); // { items: [{ id, name: 'Ada Lovelace', … }] }
 */
export async function searchPatients(
  db: Kysely<Database>,
  options: { q: string; limit: number; cursor?: string },
): Promise<{ items: PatientSummary[]; next?: string }> {
  const q = options.q.trim().toLowerCase();
  let query = db
    .selectFrom('account')
    .select(['id', 'name', 'birth_date', 'ehr_id'])
    .where('ehr_id', 'is not', null)
    .where('status', '=', 'active');
  if (/^\d{4}-\d{2}-\d{2}$/.test(q)) query = query.where('birth_date', '=', q);
  else if (q.includes('@')) query = query.where((eb) => eb(eb.fn('lower', ['email']), '=', q));
  else {
    for (const word of q.split(/\s+/).filter(Boolean)) {
      query = query.where((eb) =>
        eb(eb.fn('lower', ['name']), 'like', `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`),
      );
    }
  }
  if (options.cursor) {
    const [name, id] = decodeCursor(options.cursor, 2) as [string, string];
    query = query.where((eb) => eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]));
  }
  const rows = await query
    .orderBy('name')
    .orderBy('id')
    .limit(options.limit + 1)
    .execute();
  const { items, next } = page(rows, options.limit, (row) => [row.name, row.id]);
  return {
    items: items.map((row) => ({ id: row.id, name: row.name, birthDate: row.birth_date, ehrId: row.ehr_id! })),
    ...(next ? { next } : {}),
  };
}
