import type { CompositionBody, FormDefinition, FormNode, Json, JsonObject } from '../form/form-definition.js';
import { choiceInWords, dateInWords, valueInWords } from './format-value.js';

/** One part of a composition as read: a value in words, or a part holding others. */
export interface ReadItem {
  /** Stable between versions: slot and occurrence, then element keys and list indexes. */
  key: string;
  label: string;
  text?: string;
  children?: ReadItem[];
}

/**
 * A composition as labelled parts, from the form definition of its own template revision:
 * the context, then each entry with its elements in the definition's order. Data the
 * definition does not know is shown as recorded.
 *
 * @example
 * readComposition(definition, composition);
 * // [{ key: '/context', label: 'Context', children: [...] }, { key: '/blood_pressure/0', label: 'Blood pressure', children: [...] }]
 */
export function readComposition(definition: FormDefinition | undefined, composition: CompositionBody): ReadItem[] {
  const items: ReadItem[] = [readContext(composition)];
  const seen = new Map<string, number>();
  for (const entry of composition.content ?? []) {
    const slot = definition?.slots.find((candidate) => candidate.id === entry.slot);
    const occurrence = seen.get(entry.slot) ?? 0;
    seen.set(entry.slot, occurrence + 1);
    const count = composition.content.filter((other) => other.slot === entry.slot).length;
    const label = slot?.label ?? entry.slot;
    items.push({
      key: `/${entry.slot}/${occurrence}`,
      label: count > 1 || (slot?.max ?? 1) !== 1 ? `${label} ${occurrence + 1}` : label,
      children: readGroup(slot?.children ?? [], entry.data, `/${entry.slot}/${occurrence}`),
    });
  }
  return items;
}

function readContext(composition: CompositionBody): ReadItem {
  const context = composition.context ?? {};
  const children: ReadItem[] = [];
  if (context.startTime)
    children.push({ key: '/context/startTime', label: 'Start time', text: dateInWords(context.startTime) });
  if (context.endTime)
    children.push({ key: '/context/endTime', label: 'End time', text: dateInWords(context.endTime) });
  if (context.setting) children.push({ key: '/context/setting', label: 'Setting', text: context.setting.value });
  if (context.facility) children.push({ key: '/context/facility', label: 'Facility', text: context.facility });
  return { key: '/context', label: 'Context', children };
}

function readGroup(nodes: readonly FormNode[], data: JsonObject | undefined, key: string): ReadItem[] {
  const items: ReadItem[] = [];
  const values = data ?? {};
  for (const node of nodes) {
    const value = values[node.key];
    if (value === undefined) continue;
    const nodeKey = `${key}/${node.key}`;
    if (node.repeat && Array.isArray(value)) {
      items.push({
        key: nodeKey,
        label: node.label,
        children: value.map((item, index) =>
          readSingle(node, item, `${nodeKey}/${index}`, `${node.label} ${index + 1}`),
        ),
      });
    } else items.push(readSingle(node, value, nodeKey, node.label));
  }
  const known = new Set(nodes.map((node) => node.key));
  for (const [name, value] of Object.entries(values)) {
    if (!known.has(name)) items.push({ key: `${key}/${name}`, label: name, text: JSON.stringify(value) });
  }
  return items;
}

function readSingle(node: FormNode, value: Json, key: string, label: string): ReadItem {
  switch (node.kind) {
    case 'element':
      return { key, label, text: valueInWords(node.value, value) };
    case 'choice':
      return { key, label, text: choiceInWords(node.choices, value) };
    case 'group':
      return { key, label, children: readGroup(node.children, value as JsonObject, key) };
    case 'cluster':
      return { key, label, children: readGroup(node.children, (value as { data?: JsonObject }).data, key) };
  }
}

/** A read value with the labels of the parts it sits in: `Analyte 2 › Result`. */
export interface ReadValue {
  key: string;
  label: string;
  text: string;
}

/**
 * Every value of a read composition, in reading order, with its full label.
 *
 * @example
 * readValues(readComposition(definition, composition)); // [{ key, label: 'Blood pressure › Systolic', text: '142 mm[Hg]' }]
 */
export function readValues(items: readonly ReadItem[], labels: readonly string[] = []): ReadValue[] {
  return items.flatMap((item) => {
    const path = [...labels, item.label];
    if (item.children) return readValues(item.children, path);
    return [{ key: item.key, label: path.join(' › '), text: item.text ?? '' }];
  });
}
