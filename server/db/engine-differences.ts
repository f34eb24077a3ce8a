/**
 * Every difference between the two database engines (Postgres through `pg`, embedded PGlite)
 * is settled here, so the rest of the code sees one behaviour:
 *
 * | Postgres type | JavaScript value on both engines |
 * |---|---|
 * | `int8` / `bigint` (and `count(*)`) | `number`; a value beyond `Number.MAX_SAFE_INTEGER` throws |
 * | `int8[]` | `number[]` |
 * | `numeric` | `string` (exact; convert where the domain knows the precision) |
 * | `timestamptz` | `Date` |
 * | `date` | `string` `YYYY-MM-DD` (no time-zone shift) |
 * | `interval` | `string` in Postgres output format, e.g. `01:30:00` |
 * | `json` / `jsonb` | parsed value |
 *
 * Concurrency: PGlite is one connection in this process. Queries and transactions run one at a
 * time (a transaction holds everything else until it ends), so keep transactions short; on
 * Postgres they run in parallel over the pool. Code must be correct under both.
 *
 * JSON parameters: never pass an object or array as a bare parameter (`pg` turns arrays into
 * Postgres arrays, PGlite guesses differently); use {@link jsonb}, which always sends text
 * produced by `JSON.stringify` and casts it.
 */
import pg from 'pg';
import { sql, type RawBuilder } from 'kysely';

type TypeId = Parameters<typeof pg.types.getTypeParser>[0];

const oid = { int8: 20, int8Array: 1016, textArray: 1009, date: 1082, dateArray: 1182, interval: 1186 } as const;

/**
 * Parses a Postgres `int8` in text form into a JavaScript number.
 *
 * @example
 * parseInt8('42'); // 42
 */
export function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) {
    throw new RangeError(`int8 value ${text} is beyond JavaScript's safe integer range; store it as numeric or text`);
  }
  return value;
}

const keepText = (text: string): string => text;

/** Text-format parsers shared by both engines, keyed by type oid. */
const scalarParsers: Record<number, (text: string) => unknown> = {
  [oid.int8]: parseInt8,
  [oid.date]: keepText,
  [oid.interval]: keepText,
};

/** Parsers for the PGlite constructor's `parsers` option (PGlite applies them to array elements too). */
export const pgliteParsers: Record<number, (text: string) => unknown> = scalarParsers;

/**
 * The `types` option of a `pg` Pool: the shared parsers, and arrays of those types, without
 * touching `pg`'s global parser table.
 */
export const pgTypes = {
  getTypeParser(typeId: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (format === 'binary') return pg.types.getTypeParser(typeId, 'binary');
    const scalar = scalarParsers[typeId];
    if (scalar) return scalar;
    const textArray = pg.types.getTypeParser(oid.textArray as TypeId, 'text') as (text: string) => (string | null)[];
    if (typeId === oid.int8Array) return (text) => textArray(text).map((v) => (v === null ? null : parseInt8(v)));
    if (typeId === oid.dateArray) return textArray;
    return pg.types.getTypeParser(typeId, 'text');
  },
};

/**
 * A `jsonb` value as a parameterised SQL fragment: the value is serialised with
 * `JSON.stringify` and sent as one text parameter, then cast, identically on both engines.
 *
 * @example
 * await db.insertInto('composition').values({ id, content: jsonb(document) }).execute();
 * await db.selectFrom('composition').where(sql<boolean>`content @> ${jsonb({ a: 1 })}`).execute();
 */
export function jsonb<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(${JSON.stringify(value)} as jsonb)`;
}

/**
 * A `json` value as a parameterised SQL fragment, like {@link jsonb}, for a column that keeps the
 * text as sent (key order and all) rather than `jsonb`'s normalised form.
 *
 * @example
 * await db.insertInto('knowledge_revision').values({ …, document: json(archetype) }).execute();
 */
export function json<T>(value: T): RawBuilder<T> {
  return sql<T>`cast(${JSON.stringify(value)} as json)`;
}
