import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { ConceptRow } from './value-set-csv.js';

/** A value set as listed. */
export interface ValueSetSummary {
  id: string;
  title: string;
  codeSystem: string;
  size: number;
  sourceSha256: string;
}

/** One search hit. */
export interface ConceptMatch {
  code: string;
  display: string;
  codeSystem: string;
}

const batchSize = 1000;

/** Lower-case display and synonyms, separated so that a word starts after a space. */
export function searchText(row: ConceptRow): string {
  return ` ${[row.display, ...row.synonyms].join(' | ').toLowerCase()}`;
}

/**
 * Kysely queries on value sets and their concepts; no business rules here.
 *
 * @example
 * await new TerminologyRepository(db).search('snomed-substances', 'penic', 20);
 */
export class TerminologyRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async list(): Promise<ValueSetSummary[]> {
    const rows = await this.db
      .selectFrom('value_set as v')
      .select(['v.id', 'v.title', 'v.code_system', 'v.source_sha256'])
      .select((eb) =>
        eb
          .selectFrom('concept as c')
          .whereRef('c.value_set_id', '=', 'v.id')
          .select(eb.fn.countAll<number>().as('n'))
          .as('size'),
      )
      .orderBy('v.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      codeSystem: row.code_system,
      size: Number(row.size ?? 0),
      sourceSha256: row.source_sha256,
    }));
  }

  async find(id: string): Promise<ValueSetSummary | undefined> {
    return (await this.list()).find((set) => set.id === id);
  }

  /** Replaces a value set and all its concepts in one transaction. */
  async replace(
    set: { id: string; title: string; codeSystem: string; source: string; sourceSha256: string },
    rows: ConceptRow[],
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const values = {
        title: set.title,
        code_system: set.codeSystem,
        source: set.source,
        source_sha256: set.sourceSha256,
        updated_at: new Date(),
      };
      await trx
        .insertInto('value_set')
        .values({ id: set.id, ...values })
        .onConflict((conflict) => conflict.column('id').doUpdateSet(values))
        .execute();
      await trx.deleteFrom('concept').where('value_set_id', '=', set.id).execute();
      for (let start = 0; start < rows.length; start += batchSize) {
        const batch = rows.slice(start, start + batchSize).map((row) => ({
          value_set_id: set.id,
          code: row.code,
          display: row.display,
          synonyms: row.synonyms,
          search_text: searchText(row),
        }));
        await trx.insertInto('concept').values(batch).execute();
      }
    });
  }

  /**
   * Concepts whose code equals the query, or whose display or synonyms contain every word of it,
   * ranked: exact code, display starting with the query, a word of the display starting with it,
   * a synonym's word starting with it, containing it;
   * when nothing contains it, the closest spellings (trigram similarity) instead.
   */
  async search(valueSetId: string, query: string, limit: number): Promise<ConceptMatch[]> {
    const q = query.trim().toLowerCase();
    const words = q.split(/\s+/).filter(Boolean).map(escapeLike);
    const contains = sql.join(
      words.map((word) => sql`c.search_text like ${`%${word}%`}`),
      sql` and `,
    );
    const ranked = await sql<ConceptMatch>`
      select c.code, c.display, v.code_system as "codeSystem"
      from concept c join value_set v on v.id = c.value_set_id
      where c.value_set_id = ${valueSetId} and (lower(c.code) = ${q} or (${contains}))
      order by
        case
          when lower(c.code) = ${q} then 0
          when lower(c.display) like ${`${escapeLike(q)}%`} then 1
          when lower(c.display) like ${`% ${escapeLike(q)}%`} then 2
          when c.search_text like ${`% ${escapeLike(q)}%`} then 3
          else 4
        end,
        length(c.display), c.display
      limit ${limit}`.execute(this.db);
    if (ranked.rows.length > 0 || q.length < 4) return ranked.rows;
    const close = await sql<ConceptMatch>`
      select c.code, c.display, v.code_system as "codeSystem"
      from concept c join value_set v on v.id = c.value_set_id
      where c.value_set_id = ${valueSetId} and word_similarity(${q}, c.search_text) > 0.5
      order by word_similarity(${q}, c.search_text) desc, c.display
      limit ${limit}`.execute(this.db);
    return close.rows;
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
