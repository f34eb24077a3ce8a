import { isPristine, type DraftGroup, type DraftValue, type FormDraft } from './form-draft.js';
import type {
  CompositionBody,
  CompositionEntry,
  FormDefinition,
  FormNode,
  Json,
  JsonObject,
} from './form-definition.js';
import { hiddenKeys } from './show-if.js';

/** A composition built from a draft, and where each of its parts came from. */
export interface SerializedDraft {
  composition: CompositionBody;
  /**
   * JSON Pointer in the composition -> path of the form part (a draft path joined with `/`),
   * for every part the form shows: validation errors are routed through it to their fields.
   */
  parts: Map<string, string>;
}

/**
 * Builds the composition a draft stands for (docs/modelling.md, "Compositions"): empty values
 * left out, values hidden under the `clear` policy removed, optional parts that hold nothing the
 * user entered left out, parts below their minimum kept (so that what they lack is reported).
 *
 * @example
 * const { composition, parts } = serializeDraft(definition, draft);
 * parts.get('/content/0/data/systolic'); // '/slots/blood_pressure/0/systolic'
 */
export function serializeDraft(definition: FormDefinition, draft: FormDraft): SerializedDraft {
  const parts = new Map<string, string>([
    ['', ''],
    ['/content', '/slots'],
    ['/context', '/context'],
  ]);
  const content: CompositionEntry[] = [];
  for (const slot of definition.slots) {
    (draft.slots[slot.id] ?? []).forEach((occurrence, index) => {
      const pointer = `/content/${content.length}`;
      const path = `/slots/${slot.id}/${index}`;
      const data = serializeGroup(slot.children, occurrence, `${pointer}/data`, path, parts, index < slot.min);
      if (data === undefined) return;
      parts.set(pointer, path);
      parts.set(`${pointer}/data`, path);
      content.push({ slot: slot.id, archetype: slot.archetype.id, revision: slot.archetype.revision, data });
    });
  }
  return {
    composition: {
      template: { id: definition.template.id, revision: definition.template.revision },
      context: serializeContext(draft.context, parts),
      content,
    },
    parts,
  };
}

function serializeContext(context: DraftGroup, parts: Map<string, string>): CompositionBody['context'] {
  const result: JsonObject = {};
  for (const key of ['startTime', 'endTime', 'setting', 'facility']) {
    parts.set(`/context/${key}`, `/context/${key}`);
    const value = context[key] as Json | undefined;
    if (value !== undefined && value !== '') result[key] = value;
  }
  return result as unknown as CompositionBody['context'];
}

function serializeGroup(
  children: readonly FormNode[],
  group: DraftValue,
  pointer: string,
  path: string,
  parts: Map<string, string>,
  keepEmpty: boolean,
): JsonObject | undefined {
  const values = (group ?? {}) as DraftGroup;
  if (!keepEmpty && isPristine(values)) return undefined;
  const hidden = hiddenKeys(children, values as Record<string, Json | undefined>);
  const data: JsonObject = {};
  for (const child of children) {
    if (hidden.has(child.key) && child.hiddenValues === 'clear') continue;
    const childPointer = `${pointer}/${child.key}`;
    const childPath = `${path}/${child.key}`;
    parts.set(childPointer, childPath);
    const value = child.repeat
      ? serializeList(child, values[child.key], childPointer, childPath, parts)
      : serializeSingle(child, values[child.key], childPointer, childPath, parts, child.required);
    if (value !== undefined) data[child.key] = value;
  }
  return Object.keys(data).length > 0 || keepEmpty ? data : undefined;
}

function serializeList(
  node: FormNode,
  items: DraftValue,
  pointer: string,
  path: string,
  parts: Map<string, string>,
): Json[] | undefined {
  const list: Json[] = [];
  (Array.isArray(items) ? items : []).forEach((item, index) => {
    const itemPointer = `${pointer}/${list.length}`;
    const itemPath = `${path}/${index}`;
    const value = serializeSingle(node, item, itemPointer, itemPath, parts, index < (node.repeat?.min ?? 0));
    if (value === undefined) return;
    parts.set(itemPointer, itemPath);
    list.push(value);
  });
  return list.length > 0 ? list : undefined;
}

function serializeSingle(
  node: FormNode,
  value: DraftValue,
  pointer: string,
  path: string,
  parts: Map<string, string>,
  keepEmpty: boolean,
): Json | undefined {
  switch (node.kind) {
    case 'element':
      return value as Json | undefined;
    case 'choice': {
      const choice = value as { type?: string; value?: Json } | undefined;
      return choice?.type !== undefined && choice.value !== undefined
        ? { type: choice.type, value: choice.value }
        : undefined;
    }
    case 'group':
      return serializeGroup(node.children, value, pointer, path, parts, keepEmpty);
    case 'cluster': {
      const data = serializeGroup(node.children, value, `${pointer}/data`, path, parts, keepEmpty);
      if (data === undefined) return undefined;
      parts.set(`${pointer}/data`, path);
      return { archetype: node.archetypeId, revision: node.revision, data };
    }
  }
}

/**
 * The form part an error's JSON Pointer belongs to: the part registered at the longest
 * leading run of the pointer's segments (`/content/0/data/dose/unit` -> the dose field).
 *
 * @example
 * partOf(parts, '/content/0/data/systolic/magnitude'); // '/slots/blood_pressure/0/systolic'
 */
export function partOf(parts: ReadonlyMap<string, string>, pointer: string): string {
  for (let at = pointer; ; at = at.slice(0, at.lastIndexOf('/'))) {
    const part = parts.get(at);
    if (part !== undefined) return part;
    if (at === '') return '';
  }
}
