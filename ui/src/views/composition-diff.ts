import type { ReadValue } from './read-composition.js';

/** One difference between two versions of a composition. */
export interface ValueChange {
  key: string;
  label: string;
  change: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

/**
 * The field-by-field difference between two versions' values: what the later one added,
 * removed and changed, in the later one's reading order (a removed value where it stood).
 *
 * @example
 * diffValues(readValues(readComposition(def, v1)), readValues(readComposition(def, v2)));
 * // [{ key: '/blood_pressure/0/systolic', label: 'Blood pressure › Systolic', change: 'changed', before: '142 mm[Hg]', after: '138 mm[Hg]' }]
 */
export function diffValues(before: readonly ReadValue[], after: readonly ReadValue[]): ValueChange[] {
  const earlier = new Map(before.map((value) => [value.key, value]));
  const later = new Map(after.map((value) => [value.key, value]));
  const changes: { at: number; change: ValueChange }[] = [];
  after.forEach((value, index) => {
    const old = earlier.get(value.key);
    if (!old)
      changes.push({ at: index, change: { key: value.key, label: value.label, change: 'added', after: value.text } });
    else if (old.text !== value.text)
      changes.push({
        at: index,
        change: { key: value.key, label: value.label, change: 'changed', before: old.text, after: value.text },
      });
  });
  let anchor = -1;
  before.forEach((value) => {
    const position = after.findIndex((candidate) => candidate.key === value.key);
    if (position >= 0) anchor = position;
    else if (!later.has(value.key))
      changes.push({
        at: anchor + 0.5,
        change: { key: value.key, label: value.label, change: 'removed', before: value.text },
      });
  });
  return changes.sort((a, b) => a.at - b.at).map((entry) => entry.change);
}
