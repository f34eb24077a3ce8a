import type { FormDefinition, FormNode, Json } from './form-definition.js';

/**
 * The form's state while it is being filled: the values of one group of elements by key. A
 * single value is what its widget produced (a composition value, or what was typed when it is
 * not one yet, so that validation names the problem); a list is an array; a group or a
 * cluster's data is a nested draft group; a choice is `{type, value}`.
 */
export type DraftGroup = { [key: string]: DraftValue };
export type DraftValue = Json | DraftGroup | DraftValue[] | undefined;

/** The whole form: the composition's context and, per slot id, its occurrences. */
export interface FormDraft {
  context: DraftGroup;
  slots: Record<string, DraftGroup[]>;
}

/** A path from the draft's root: `['slots', 'blood_pressure', 0, 'systolic']`. */
export type DraftPath = readonly (string | number)[];

const pristine = Symbol('pristine');

/**
 * Whether a group was made by the form (with its defaults) and nothing in it was changed since.
 * An optional part that is still pristine is left out of the composition.
 */
export function isPristine(group: DraftGroup): boolean {
  return (group as { [pristine]?: boolean })[pristine] === true;
}

/** Marks a new group; the mark is not enumerable, so the copy made by any change inside drops it. */
function markPristine(group: DraftGroup): DraftGroup {
  Object.defineProperty(group, pristine, { value: true, enumerable: false });
  return group;
}

/** How many items a list shows when the form opens or a part is added: its minimum, and at least one. */
export function initialCount(repeat: { min: number; max: number | null }): number {
  const count = Math.max(repeat.min, 1);
  return repeat.max === null ? count : Math.min(count, repeat.max);
}

/**
 * A fresh occurrence of a group of nodes, holding the defaults of the template.
 *
 * @example
 * newGroup(slot.children); // { position: { code: 'sitting', terminology: 'local', value: 'Sitting' } }
 */
export function newGroup(children: readonly FormNode[]): DraftGroup {
  const group: DraftGroup = {};
  for (const child of children) {
    const value = child.repeat
      ? Array.from({ length: initialCount(child.repeat) }, () => newSingle(child))
      : newSingle(child);
    if (value !== undefined) group[child.key] = value;
  }
  return markPristine(group);
}

/**
 * A fresh single value of a node: its default, a new group, or a choice set to its only type.
 *
 * @example
 * newSingle(node); // one more item for a list
 */
export function newSingle(node: FormNode): DraftValue {
  switch (node.kind) {
    case 'element':
      return node.default;
    case 'choice':
      return node.choices.length === 1 ? { type: node.choices[0]!.type } : undefined;
    default:
      return newGroup(node.children);
  }
}

/**
 * The draft a form starts with: each slot with its minimum occurrences (at least one shown
 * while the slot allows any), the start time set to now, and the facility when given.
 *
 * @example
 * const draft = newDraft(definition, { startTime: nowWithOffset() });
 */
export function newDraft(definition: FormDefinition, context: DraftGroup): FormDraft {
  const slots: Record<string, DraftGroup[]> = {};
  for (const slot of definition.slots) {
    slots[slot.id] = Array.from({ length: initialCount(slot) }, () => newGroup(slot.children));
  }
  return { context, slots };
}

/**
 * The value at a path, or undefined.
 *
 * @example
 * valueAt(draft, ['slots', 'blood_pressure', 0, 'systolic']); // { magnitude: 142, unit: 'mm[Hg]' }
 */
export function valueAt(root: unknown, path: DraftPath): DraftValue {
  let current: unknown = root;
  for (const step of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[step];
  }
  return current as DraftValue;
}

/**
 * A copy of `root` with `value` at `path`, sharing every untouched part. Each container on the
 * path is copied, which also ends its pristine state. `undefined` removes an object key.
 *
 * @example
 * draft = withValueAt(draft, ['slots', 'blood_pressure', 0, 'systolic'], { magnitude: 142, unit: 'mm[Hg]' });
 */
export function withValueAt<T>(root: T, path: DraftPath, value: DraftValue): T {
  if (path.length === 0) return value as T;
  const [step, ...rest] = path as [string | number, ...(string | number)[]];
  const container = (root ?? (typeof step === 'number' ? [] : {})) as Record<string | number, unknown>;
  const inner = withValueAt(container[step], rest, value);
  if (Array.isArray(container)) {
    const copy = [...container];
    copy[step as number] = inner;
    return copy as T;
  }
  const copy: Record<string | number, unknown> = { ...container };
  if (inner === undefined) delete copy[step];
  else copy[step] = inner;
  return copy as T;
}
