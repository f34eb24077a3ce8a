import type { ResolvedTemplate, TreeNode, ValueSpec } from './element-tree.js';
import { careSettings } from './context-schema.js';

/** A composition body as a client sends it. */
export interface CompositionBody {
  template: { id: string; revision: string };
  context: {
    startTime: string;
    endTime?: string;
    setting?: { code: string; terminology: string; value: string };
    facility?: string;
  };
  content: { slot: string; archetype: string; revision: string; data: Record<string, unknown> }[];
}

/**
 * A valid composition of a resolved template, filled with each element's first example (or a
 * plausible value of its type): every slot once (or `min` times), every element that is
 * mandatory or has an example. Attachments are left out, since they need an uploaded file.
 *
 * @example
 * const body = exampleComposition(resolved); // what GET /api/templates/{id}/example answers
 */
export function exampleComposition(resolved: ResolvedTemplate): CompositionBody {
  const setting = careSettings.find((s) => s.code === '228')!;
  return {
    template: { id: resolved.template.id, revision: resolved.template.revision },
    context: {
      startTime: '2026-03-02T09:30:00+01:00',
      setting: { code: setting.code, terminology: 'openehr', value: setting.value },
      facility: 'Docsy Clinic',
    },
    content: resolved.slots.flatMap((slot) =>
      Array.from({ length: Math.max(1, slot.min) }, () => ({
        slot: slot.id,
        archetype: slot.archetype.id,
        revision: slot.archetype.revision,
        data: exampleData(slot.children),
      })),
    ),
  };
}

function exampleData(nodes: TreeNode[]): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const node of nodes) {
    if (node.showIf) continue;
    const value = exampleNode(node);
    if (value !== undefined) data[node.key] = value;
  }
  for (const node of nodes) {
    if (!node.showIf || !conditionHolds(node.showIf, data)) continue;
    const value = exampleNode(node);
    if (value !== undefined) data[node.key] = value;
  }
  return data;
}

function conditionHolds(condition: NonNullable<TreeNode['showIf']>, data: Record<string, unknown>): boolean {
  const raw = data[condition.field];
  if (raw === undefined) return false;
  if (condition.exists) return true;
  const value = typeof raw === 'object' && raw !== null && 'code' in raw ? (raw as { code: string }).code : raw;
  return condition.in ? condition.in.includes(value as string) : condition.equals === value;
}

function exampleNode(node: TreeNode): unknown {
  const one = exampleSingle(node);
  if (one === undefined || !node.repeat) return one;
  return Array.from({ length: Math.max(1, node.repeat.min) }, () => one);
}

function exampleSingle(node: TreeNode): unknown {
  switch (node.kind) {
    case 'element': {
      const wanted = node.required || node.examples !== undefined || node.default !== undefined;
      if (!wanted) return undefined;
      return node.examples?.[0] ?? node.default ?? exampleValue(node.value, node.label);
    }
    case 'choice': {
      const example = node.examples?.find((candidate) => node.choices.some((choice) => choice.type === candidate.type));
      if (example) return example;
      if (!node.required) return undefined;
      const first = node.choices[0]!;
      return { type: first.type, value: exampleValue(first, node.label) };
    }
    case 'group': {
      const data = exampleData(node.children);
      return node.required || Object.keys(data).length > 0 ? data : undefined;
    }
    case 'cluster': {
      const data = exampleData(node.children);
      if (!node.required && Object.keys(data).length === 0) return undefined;
      return { archetype: node.archetypeId, revision: node.revision, data };
    }
  }
}

/** A plausible value of a data type when the archetype gives no example. */
export function exampleValue(spec: ValueSpec, label: string): unknown {
  switch (spec.type) {
    case 'text':
    case 'text_or_coded_text':
      return label.slice(0, spec.maxLength);
    case 'coded_text': {
      const first = spec.codes?.[0];
      return first
        ? { code: first.code, terminology: 'local', value: first.value }
        : { code: 'example', terminology: 'local', value: label };
    }
    case 'quantity': {
      const unit = spec.units?.[0];
      if (!unit) return { magnitude: 1, unit: '1' };
      return { magnitude: midRange(unit), unit: unit.unit };
    }
    case 'count':
      return spec.minimum ?? Math.min(1, spec.maximum ?? 1);
    case 'proportion':
      return spec.kind === 'percent'
        ? { numerator: 50, denominator: 100 }
        : spec.kind === 'unitary'
          ? { numerator: 0.5, denominator: 1 }
          : { numerator: 1, denominator: 2 };
    case 'ordinal': {
      const first = spec.ordinals[0]!;
      return { ordinal: first.ordinal, code: first.code, terminology: 'local', value: first.value };
    }
    case 'boolean':
      return true;
    case 'date':
      return '2026-03-02';
    case 'time':
      return '09:30';
    case 'date_time':
      return '2026-03-02T09:30:00+01:00';
    case 'duration':
      return 'P7D';
    case 'identifier':
      return { id: 'EX-0001', issuer: 'Docsy Clinic' };
    case 'uri':
      return 'https://example.org/';
    case 'attachment':
      return undefined;
  }
}

function midRange(unit: NonNullable<Extract<ValueSpec, { type: 'quantity' }>['units']>[number]): number {
  const low = unit.minimum ?? unit.exclusiveMinimum;
  const high = unit.maximum ?? unit.exclusiveMaximum;
  const step = 10 ** -(unit.decimals ?? 0);
  const raw =
    low !== undefined && high !== undefined
      ? (low + high) / 2
      : low !== undefined
        ? low + step
        : high !== undefined
          ? high - step
          : 1;
  const rounded = Math.round(raw / step) * step;
  return Number(rounded.toFixed(unit.decimals ?? 0));
}
