import type { AqlCondition, AqlQuery, AqlValue } from './aql-parser.js';
import type { ListShape } from './list-shape.js';

/**
 * The JSON that every matching composition's document contains (`document @> …`), which the GIN
 * index on compositions answers: the entry's archetype, and every equality on the entry's paths
 * that the whole WHERE clause requires (the top-level AND chain). Lists on the way become arrays,
 * as the archetype defines them; a path the archetype does not know is left to the exact check.
 *
 * @example
 * containmentFilter(query, { code: '764146007' }, shape);
 * // { content: [{ archetype: '…adverse_reaction_risk.v2', data: { substance: { code: '764146007' } } }] }
 */
export function containmentFilter(
  query: AqlQuery,
  params: Record<string, unknown>,
  shape: ListShape,
): Record<string, unknown> {
  const entry: Record<string, unknown> = { archetype: query.entry!.archetypeId };
  for (const condition of requiredConditions(query.where)) {
    if (condition.kind !== 'compare' || condition.operator !== '=' || condition.path.alias !== query.entry!.alias)
      continue;
    const value = valueOf(condition.value, params);
    const lists = shape(query.entry!.archetypeId, condition.path.keys);
    if (value === undefined || !lists) continue;
    merge(entry, nest(condition.path.keys, lists, value));
  }
  return { content: [entry] };
}

function requiredConditions(condition: AqlCondition | undefined): AqlCondition[] {
  if (!condition) return [];
  if (condition.kind === 'and') return [...requiredConditions(condition.left), ...requiredConditions(condition.right)];
  return [condition];
}

function valueOf(value: AqlValue, params: Record<string, unknown>): unknown {
  const given = value.kind === 'literal' ? value.value : params[value.name];
  return ['string', 'number', 'boolean'].includes(typeof given) ? given : undefined;
}

function nest(keys: string[], lists: boolean[], value: unknown): Record<string, unknown> {
  let inner: unknown = value;
  for (let i = keys.length - 1; i >= 0; i--) {
    const wrapped = lists[i] ? [inner] : inner;
    inner = { [keys[i]!]: wrapped };
  }
  return inner as Record<string, unknown>;
}

/** Merges nested objects; lists are merged by their single element. */
function merge(into: Record<string, unknown>, from: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    if (Array.isArray(existing) && Array.isArray(value)) into[key] = [...existing, ...value];
    else if (isObject(existing) && isObject(value)) merge(existing, value);
    else into[key] = value;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
