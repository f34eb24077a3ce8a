import { sql, type RawBuilder } from 'kysely';
import { jsonb } from '../db/engine-differences.js';
import type { AqlCondition, AqlPath, AqlQuery, AqlValue } from './aql-parser.js';
import { containmentFilter } from './containment-filter.js';
import type { ListShape } from './list-shape.js';

/** A problem with the meaning of a query (an unknown alias, a missing parameter). */
export class AqlMeaningError extends Error {
  override name = 'AqlMeaningError';
  constructor(
    message: string,
    readonly position: number | undefined,
    readonly parameter?: string,
  ) {
    super(message);
  }
}

export interface AqlTranslation {
  columns: { name: string; path: string }[];
  statement: RawBuilder<Record<string, unknown>>;
}

/** Composition fields that are table columns: filtered and sorted through their indexes, as their own types. */
const compositionColumns: Record<string, { column: RawBuilder<unknown>; type: 'text' | 'timestamptz' }> = {
  uid: { column: sql`c.uid::text`, type: 'text' },
  ehrId: { column: sql`c.ehr_id::text`, type: 'text' },
  category: { column: sql`c.category`, type: 'text' },
  'template/id': { column: sql`c.template_id`, type: 'text' },
  'template/revision': { column: sql`c.template_revision`, type: 'text' },
  'context/startTime': { column: sql`c.start_time`, type: 'timestamptz' },
  'composer/id': { column: sql`c.composer_id`, type: 'text' },
  'composer/name': { column: sql`c.composer_name`, type: 'text' },
  committedAt: { column: sql`c.committed_at`, type: 'timestamptz' },
};

/**
 * Translates a parsed query into one parameterised SQL statement over the current compositions
 * (`composition c`), with entries and clusters unnested by lateral joins. `scope` limits the
 * compositions to those the caller may see; `shape` knows which archetype paths cross lists, so
 * equality conditions become a containment filter the GIN index answers.
 *
 * @example
 * const { statement } = translateAql(parseAql(q), params, sql`true`, shape, { offset: 0, fetch: 100 });
 */
export function translateAql(
  query: AqlQuery,
  params: Record<string, unknown>,
  scope: RawBuilder<boolean>,
  shape: ListShape,
  page: { offset: number; fetch: number },
): AqlTranslation {
  const aliases = new Map<string, RawBuilder<unknown>>();
  const value = (input: AqlValue): unknown => resolveValue(input, params);
  aliases.set(query.composition.alias, sql`c.document`);
  if (query.ehr) aliases.set(query.ehr.alias, sql`c.ehr_id`);
  if (query.entry) aliases.set(query.entry.alias, sql`x.entry`);
  if (query.cluster) aliases.set(query.cluster.alias, sql`y.cluster`);

  const target: Target = (path) => {
    const base = aliases.get(path.alias);
    if (!base)
      throw new AqlMeaningError(
        `unknown name "${path.alias}"; the query names ${[...aliases.keys()].join(', ')}`,
        path.position,
      );
    if (query.ehr && path.alias === query.ehr.alias)
      return { kind: 'column', column: sql`c.ehr_id::text`, type: 'text' };
    if (path.alias === query.composition.alias) {
      const column = compositionColumns[path.keys.join('/')];
      if (column) return { kind: 'column', ...column };
    }
    return { kind: 'json', json: base };
  };

  const columns = query.select.map((item) => ({
    name: item.name,
    path: item.kind === 'count' ? 'COUNT(*)' : [item.path.alias, ...item.path.keys].join('/'),
  }));
  const counting = query.select.some((item) => item.kind === 'count');
  if (counting && query.select.length > 1)
    throw new AqlMeaningError('COUNT(*) cannot be combined with other columns', undefined);
  const selected = query.select.map((item, index) => {
    if (item.kind === 'count') return sql`count(*) as ${sql.ref(`c${index}`)}`;
    // Values come from the stored document, as committed (a start time keeps its own offset).
    const place = target(item.path);
    const json = place.kind === 'json' ? place.json : aliases.get(item.path.alias)!;
    const expression =
      item.path.alias === query.ehr?.alias
        ? sql`to_jsonb(c.ehr_id::text)`
        : sql`${json} #> ${keysArray(item.path.keys)}`;
    return sql`${expression} as ${sql.ref(`c${index}`)}`;
  });

  const filters: RawBuilder<unknown>[] = [sql`not c.deleted`, scope];
  if (query.ehr?.ehrId) {
    const ehrId = String(value(query.ehr.ehrId));
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ehrId)) {
      throw new AqlMeaningError(`the EHR id "${ehrId}" is not a UUID`, undefined);
    }
    filters.push(sql`c.ehr_id = ${ehrId}::uuid`);
  }
  if (query.composition.templateId) filters.push(sql`c.template_id = ${query.composition.templateId}`);
  if (query.entry) {
    const containment = containmentFilter(query, params, shape);
    // The GIN index covers `document -> 'content'` (migration 0230): the same expression uses it.
    filters.push(sql`c.document -> 'content' @> ${jsonb(containment.content)}`);
    filters.push(sql`x.entry ->> 'archetype' = ${query.entry.archetypeId}`);
  }
  if (query.cluster) filters.push(sql`y.cluster ->> 'archetype' = ${query.cluster.archetypeId}`);
  if (query.where) filters.push(condition(query.where, target, value));

  const joins = [
    query.entry ? sql`cross join lateral jsonb_array_elements(c.document -> 'content') as x(entry)` : sql``,
    query.cluster
      ? sql`cross join lateral jsonb_path_query(x.entry, ${`strict $.data.** ? (@.archetype == "${query.cluster.archetypeId}")`}::jsonpath) as y(cluster)`
      : sql``,
  ];
  const order = query.orderBy.map(({ path, descending }) => {
    const place = target(path);
    const expression = place.kind === 'column' ? place.column : sql`${place.json} #> ${keysArray(path.keys)}`;
    return sql`${expression} ${descending ? sql`desc nulls last` : sql`asc nulls last`}`;
  });
  // The EHR of each row, for the audit of who read whose record.
  const withEhr = counting ? selected : [...selected, sql`c.ehr_id::text as ehr_id`];
  const statement = sql<Record<string, unknown>>`
    select ${sql.join(withEhr)}
    from composition c ${sql.join(joins, sql` `)}
    where ${sql.join(filters, sql` and `)}
    ${order.length > 0 && !counting ? sql`order by ${sql.join(order)}` : sql``}
    ${counting ? sql`` : sql`offset ${page.offset} limit ${page.fetch}`}`;
  return { columns, statement };
}

type Target = (
  path: AqlPath,
) =>
  | { kind: 'column'; column: RawBuilder<unknown>; type: 'text' | 'timestamptz' }
  | { kind: 'json'; json: RawBuilder<unknown> };

function condition(node: AqlCondition, target: Target, value: (input: AqlValue) => unknown): RawBuilder<unknown> {
  switch (node.kind) {
    case 'and':
    case 'or':
      return sql`(${condition(node.left, target, value)} ${node.kind === 'and' ? sql`and` : sql`or`} ${condition(node.right, target, value)})`;
    case 'not':
      return sql`not (${condition(node.inner, target, value)})`;
    case 'exists': {
      const place = target(node.path);
      if (place.kind === 'column') return sql`${place.column} is not null`;
      return sql`jsonb_path_exists(${place.json}, ${jsonPath(node.path.keys)}::jsonpath)`;
    }
    case 'matches':
      return compare(node.path, '=', node.values.map(value), target, true);
    case 'compare':
      return compare(node.path, node.operator, value(node.value), target, false);
  }
}

const isoDateTime =
  /^(\d{4})-(\d{2})-(\d{2})([T ]([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,6})?)?(Z|[+-]\d{2}(:?\d{2})?)?)?$/;

/** An ISO 8601 date or date-time Postgres reads as a timestamp, with a day that exists. */
function isDateTime(text: string): boolean {
  const match = isoDateTime.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const jsonOperators = { '=': '==', '!=': '!=', '<': '<', '<=': '<=', '>': '>', '>=': '>=' } as const;
const sqlOperators = { '=': sql`=`, '!=': sql`<>`, '<': sql`<`, '<=': sql`<=`, '>': sql`>`, '>=': sql`>=` } as const;

function compare(
  path: AqlPath,
  operator: keyof typeof jsonOperators | 'like',
  operand: unknown,
  target: Target,
  anyOf: boolean,
): RawBuilder<unknown> {
  const place = target(path);
  if (place.kind === 'column') {
    if (operator === 'like') return sql`${place.column}::text ~ ${likeToRegex(String(operand))}`;
    const typed = (one: unknown) => {
      if (place.type === 'text') return sql`${String(one)}`;
      if (!isDateTime(String(one))) {
        const name = [path.alias, ...path.keys].join('/');
        throw new AqlMeaningError(`${name} is compared with "${String(one)}", which is not a date-time`, path.position);
      }
      return sql`${String(one)}::timestamptz`;
    };
    if (anyOf) return sql`${place.column} in (${sql.join((operand as unknown[]).map(typed))})`;
    return sql`${place.column} ${sqlOperators[operator]} ${typed(operand)}`;
  }
  if (operator === 'like') {
    const regex = JSON.stringify(likeToRegex(String(operand)));
    return sql`jsonb_path_exists(${place.json}, ${`${jsonPath(path.keys)} ? (@ like_regex ${regex})`}::jsonpath)`;
  }
  const right = anyOf ? '$v[*]' : '$v';
  return sql`jsonb_path_exists(${place.json}, ${`${jsonPath(path.keys)} ? (@ ${jsonOperators[operator]} ${right})`}::jsonpath, ${jsonb({ v: operand })})`;
}

function resolveValue(input: AqlValue, params: Record<string, unknown>): unknown {
  if (input.kind === 'literal') return input.value;
  if (!(input.name in params))
    throw new AqlMeaningError(`the parameter $${input.name} is not given in params`, undefined, input.name);
  const given = params[input.name];
  if (!['string', 'number', 'boolean'].includes(typeof given)) {
    throw new AqlMeaningError(
      `the parameter $${input.name} must be a string, a number or a boolean`,
      undefined,
      input.name,
    );
  }
  return given;
}

/** Keys are AQL words ([A-Za-z0-9_]), so they are safe inside a JSON path. */
function jsonPath(keys: string[]): string {
  return ['lax $', ...keys].join('.');
}

function keysArray(keys: string[]): RawBuilder<unknown> {
  return sql`${`{${keys.join(',')}}`}::text[]`;
}

/** SQL LIKE (`%` any text, `_` one character) as an anchored regular expression. */
function likeToRegex(pattern: string): string {
  let regex = '^';
  for (const char of pattern) {
    if (char === '%') regex += '.*';
    else if (char === '_') regex += '.';
    else regex += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return `${regex}$`;
}
