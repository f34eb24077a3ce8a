import { initialCount, newGroup, newSingle, type DraftGroup, type DraftValue, type FormDraft } from './form-draft.js';
import type { CompositionBody, FormDefinition, FormNode, Json, JsonObject } from './form-definition.js';

/**
 * The draft of an existing composition, to amend it: every value as recorded, nothing added.
 * Parts the composition does not have are shown empty (their defaults are only kept if the
 * user fills something in them), so that saving unchanged records the same data.
 *
 * @example
 * const draft = draftOfComposition(definition, await api.composition(ehrId, uid));
 */
export function draftOfComposition(definition: FormDefinition, composition: CompositionBody): FormDraft {
  const slots: Record<string, DraftGroup[]> = {};
  for (const slot of definition.slots) {
    const entries = composition.content.filter((entry) => entry.slot === slot.id);
    const groups = entries.map((entry) => groupOfData(slot.children, entry.data));
    slots[slot.id] =
      groups.length > 0 ? groups : Array.from({ length: initialCount(slot) }, () => newGroup(slot.children));
  }
  return { context: { ...(composition.context as unknown as DraftGroup) }, slots };
}

function groupOfData(children: readonly FormNode[], data: JsonObject | undefined): DraftGroup {
  const group: DraftGroup = {};
  for (const child of children) {
    const recorded = data?.[child.key];
    let value: DraftValue;
    if (!child.repeat) value = recorded === undefined ? emptySingle(child) : singleOfData(child, recorded);
    else if (Array.isArray(recorded) && recorded.length > 0) value = recorded.map((item) => singleOfData(child, item));
    else value = Array.from({ length: initialCount(child.repeat) }, () => emptySingle(child));
    if (value !== undefined) group[child.key] = value;
  }
  return group;
}

function singleOfData(node: FormNode, recorded: Json): DraftValue {
  switch (node.kind) {
    case 'element':
    case 'choice':
      return recorded;
    case 'group':
      return groupOfData(node.children, recorded as JsonObject);
    case 'cluster':
      return groupOfData(node.children, (recorded as { data?: JsonObject }).data);
  }
}

/** A part the composition does not hold: empty, without the default a new form would start with. */
function emptySingle(node: FormNode): DraftValue {
  return node.kind === 'element' ? undefined : newSingle(node);
}
