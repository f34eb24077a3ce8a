import type { FormNode, Json, ShowIf } from './form-definition.js';

const codedTypes = new Set(['coded_text', 'ordinal', 'text_or_coded_text']);

/**
 * Whether a condition holds over the values of a group, read as the server's schema reads it
 * (docs/modelling.md, "Conditional display"): the sibling must be present; a coded sibling
 * compares by its code.
 *
 * @example
 * conditionHolds({ field: 'as_needed', equals: true }, { as_needed: true }, children); // true
 */
export function conditionHolds(
  condition: ShowIf,
  values: Record<string, Json | undefined>,
  siblings: readonly FormNode[],
): boolean {
  const value = values[condition.field];
  if (value === undefined) return false;
  if (condition.exists) return true;
  const sibling = siblings.find((node) => node.key === condition.field);
  const coded = sibling?.kind === 'element' && codedTypes.has(sibling.value.type);
  // Like the schema's `properties: {code: …}`, a coded sibling that is not an object is not compared.
  if (coded && (value === null || typeof value !== 'object' || Array.isArray(value))) return true;
  const compared = coded ? (value as { code?: Json }).code : value;
  if (compared === undefined) return false;
  return condition.in ? condition.in.some((option) => option === compared) : condition.equals === compared;
}

/**
 * The keys of the nodes hidden by their conditions, given the values the group would hold. A
 * hidden value that is cleared no longer counts for conditions that name it, so conditions are
 * read again until nothing changes.
 *
 * @example
 * hiddenKeys(children, { as_needed: false, as_needed_condition: 'pain' }); // Set { 'as_needed_condition' }
 */
export function hiddenKeys(children: readonly FormNode[], values: Record<string, Json | undefined>): Set<string> {
  const hidden = new Set<string>();
  const current = { ...values };
  for (let changed = true; changed;) {
    changed = false;
    for (const child of children) {
      if (!child.showIf || hidden.has(child.key) || conditionHolds(child.showIf, current, children)) continue;
      hidden.add(child.key);
      if (child.hiddenValues === 'clear') delete current[child.key];
      changed = true;
    }
  }
  return hidden;
}
