import { ApiError } from './api-error.js';

/** Query-string schema of every paginated list: `?limit=` (1 to 500, default 50) and `?cursor=`. */
export const paginationQuery = {
  limit: {
    type: 'integer',
    minimum: 1,
    maximum: 500,
    default: 50,
    description: 'Items per page (default 50, at most 500).',
  },
  cursor: { type: 'string', maxLength: 1000, description: 'The `next` value of the previous page.' },
} as const;

/**
 * Response schema of one page of a list: `{items, next?}`.
 *
 * @example
 * response: { 200: pageSchema({ type: 'object', properties: { id: { type: 'string' } } }) }
 */
export function pageSchema<Item extends object>(item: Item) {
  return {
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: item }, next: { type: 'string' } },
  } as const;
}

/**
 * An opaque cursor for keyset pagination: the sort key of the last item of a page.
 *
 * @example
 * const next = encodeCursor(['2026-03-01T10:00:00.000Z', 'b1c…']);
 * decodeCursor(next, 2); // ['2026-03-01T10:00:00.000Z', 'b1c…']
 */
export function encodeCursor(values: (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

/** Decodes a cursor made by {@link encodeCursor}; a cursor that is not ours is a 400. */
export function decodeCursor(cursor: string, length: number): (string | number)[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => typeof v === 'string' || typeof v === 'number')
    ) {
      return values as (string | number)[];
    }
  } catch {
    // falls through to the problem below
  }
  throw new ApiError('INVALID_REQUEST', 'The cursor is not one this list produced', {
    errors: [{ path: '/cursor', message: 'is not a valid cursor' }],
  });
}

/**
 * Cuts a page from `limit + 1` rows fetched in order: the items, and the cursor of the next page
 * when there is one.
 *
 * @example
 * const rows = await query.limit(limit + 1).execute();
 * return page(rows, limit, (row) => [row.id]);
 */
export function page<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => (string | number)[],
): { items: T[]; next?: string } {
  if (rows.length <= limit) return { items: rows };
  const items = rows.slice(0, limit);
  return { items, next: encodeCursor(keyOf(items.at(-1)!)) };
}
