import type { Condition, ResolvedSlot, ResolvedTemplate, TreeNode } from './element-tree.js';
import { contextSchema } from './context-schema.js';
import { listInWords, valueSchema, type JsonSchema } from './value-schema.js';

/**
 * The self-contained JSON Schema of a composition for one resolved template: no external `$ref`,
 * every element's clinical messages included, so that the server and the browser validate alike.
 *
 * @example
 * const schema = compositionSchema(resolved);
 * createCompositionAjv().compile(schema)(composition);
 */
export function compositionSchema(resolved: ResolvedTemplate): JsonSchema {
  const { template } = resolved;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `docsy:form/${template.id}/${template.revision}`,
    title: template.title,
    type: 'object',
    required: ['template', 'context', 'content'],
    additionalProperties: false,
    properties: {
      template: {
        type: 'object',
        required: ['id', 'revision'],
        additionalProperties: false,
        properties: {
          id: { const: template.id, errorMessage: `Template: must be ${template.id}` },
          revision: { const: template.revision, errorMessage: `Template: revision must be ${template.revision}` },
        },
        errorMessage: { type: 'Template: must be {id, revision}', required: 'Template: id and revision are required' },
      },
      context: contextSchema(),
      content: contentSchema(resolved),
    },
    errorMessage: {
      type: 'must be a composition {template, context, content}',
      required: {
        template: 'Template: is required',
        context: 'Context: is required',
        content: 'Content: is required',
      },
      additionalProperties: `is not part of a ${template.title} composition (fields set by the server cannot be sent)`,
    },
    $defs: Object.fromEntries(resolved.slots.map((slot) => [`slot_${slot.id}`, entrySchema(slot)])),
  };
}

function contentSchema(resolved: ResolvedTemplate): JsonSchema {
  const ids = resolved.slots.map((slot) => slot.id);
  const counts = resolved.slots.flatMap((slot) => slotCount(slot) ?? []);
  return {
    type: 'array',
    minItems: resolved.minEntries,
    items: {
      type: 'object',
      required: ['slot'],
      properties: { slot: { enum: ids, errorMessage: `Entry: slot must be ${listInWords(ids)}` } },
      allOf: resolved.slots.map((slot) => ({
        if: { properties: { slot: { const: slot.id } }, required: ['slot'] },
        then: { $ref: `#/$defs/slot_${slot.id}` },
      })),
      errorMessage: { type: 'Entry: must be an object', required: { slot: 'Entry: slot is required' } },
    },
    ...(counts.length > 0 ? { allOf: counts } : {}),
    errorMessage: {
      type: 'Content: must be a list of entries',
      minItems: `Content: needs at least ${resolved.minEntries} ${resolved.minEntries === 1 ? 'entry' : 'entries'}`,
    },
  };
}

function slotCount(slot: ResolvedSlot): JsonSchema | undefined {
  if (slot.min === 0 && slot.max === null) return undefined;
  const message = `${slot.label}: ${countInWords(slot.min, slot.max, 'entry', 'entries')}`;
  return {
    contains: { properties: { slot: { const: slot.id } }, required: ['slot'] },
    minContains: slot.min,
    ...(slot.max !== null ? { maxContains: slot.max } : {}),
    errorMessage: { contains: message, minContains: message, maxContains: message },
  };
}

/** "needs at least 1 entry", "allows at most 2 entries", "needs 1 to 3 entries". */
export function countInWords(min: number, max: number | null, one: string, many: string): string {
  const noun = (n: number): string => (n === 1 ? one : many);
  if (max === null) return `needs at least ${min} ${noun(min)}`;
  if (min === 0) return `allows at most ${max} ${noun(max)}`;
  if (min === max) return `needs exactly ${min} ${noun(min)}`;
  return `needs ${min} to ${max} ${many}`;
}

function entrySchema(slot: ResolvedSlot): JsonSchema {
  return {
    type: 'object',
    title: slot.label,
    required: ['slot', 'archetype', 'revision', 'data'],
    additionalProperties: false,
    properties: {
      slot: { const: slot.id },
      archetype: { const: slot.archetype.id, errorMessage: `${slot.label}: archetype must be ${slot.archetype.id}` },
      revision: {
        const: slot.archetype.revision,
        errorMessage: `${slot.label}: revision must be ${slot.archetype.revision}`,
      },
      data: groupSchema(slot.children, slot.label),
    },
    errorMessage: {
      required: {
        archetype: `${slot.label}: archetype is required`,
        revision: `${slot.label}: revision is required`,
        data: `${slot.label}: data is required`,
      },
      additionalProperties: `is not part of a ${slot.label} entry`,
    },
  };
}

/** The object holding a list of elements, with the rules of conditional display. */
function groupSchema(children: TreeNode[], label: string): JsonSchema {
  const rules = children.flatMap((child) => conditionRules(child, children));
  const alwaysRequired = children.filter((child) => child.required && !child.showIf).map((child) => child.key);
  return {
    type: 'object',
    title: label,
    additionalProperties: false,
    properties: Object.fromEntries(children.map((child) => [child.key, nodeSchema(child)])),
    ...(alwaysRequired.length > 0 ? { required: alwaysRequired } : {}),
    ...(rules.length > 0 ? { allOf: rules } : {}),
    errorMessage: {
      type: `${label}: must be an object`,
      ...(alwaysRequired.length > 0
        ? {
            required: Object.fromEntries(
              children.filter((c) => alwaysRequired.includes(c.key)).map((c) => [c.key, `${c.label}: is required`]),
            ),
          }
        : {}),
      additionalProperties: `is not an element of ${label}`,
    },
  };
}

function nodeSchema(node: TreeNode): JsonSchema {
  const single = singleSchema(node);
  if (!node.repeat) return single;
  const { min, max } = node.repeat;
  return {
    type: 'array',
    title: node.label,
    items: single,
    ...(min > 0 ? { minItems: min } : {}),
    ...(max !== null ? { maxItems: max } : {}),
    errorMessage: {
      type: `${node.label}: must be a list`,
      minItems: `${node.label}: ${countInWords(min, max, 'item', 'items')}`,
      maxItems: `${node.label}: ${countInWords(min, max, 'item', 'items')}`,
    },
  };
}

function singleSchema(node: TreeNode): JsonSchema {
  const annotations = { title: node.label, ...(node.help ? { description: node.help } : {}) };
  switch (node.kind) {
    case 'element':
      return { ...annotations, ...valueSchema(node.value, node.label) };
    case 'group':
      return { ...groupSchema(node.children, node.label), ...annotations };
    case 'cluster':
      return clusterSchema(node.archetypeId, node.revision ?? '', node.children, node.label);
    case 'choice': {
      const types = node.choices.map((choice) => choice.type);
      return {
        ...annotations,
        type: 'object',
        required: ['type', 'value'],
        additionalProperties: false,
        properties: {
          type: { enum: types, errorMessage: `${node.label}: type must be ${listInWords(types)}` },
          value: true,
        },
        allOf: node.choices.map((choice) => ({
          if: { properties: { type: { const: choice.type } }, required: ['type'] },
          then: { properties: { value: valueSchema(choice, node.label) } },
        })),
        errorMessage: {
          type: `${node.label}: must be {type, value}`,
          required: { type: `${node.label}: type is required`, value: `${node.label}: value is required` },
          additionalProperties: `is not part of ${node.label}`,
        },
      };
    }
  }
}

function clusterSchema(archetypeId: string, revision: string, children: TreeNode[], label: string): JsonSchema {
  return {
    type: 'object',
    title: label,
    required: ['archetype', 'revision', 'data'],
    additionalProperties: false,
    properties: {
      archetype: { const: archetypeId, errorMessage: `${label}: archetype must be ${archetypeId}` },
      revision: { const: revision, errorMessage: `${label}: revision must be ${revision}` },
      data: groupSchema(children, label),
    },
    errorMessage: {
      type: `${label}: must be {archetype, revision, data}`,
      required: {
        archetype: `${label}: archetype is required`,
        revision: `${label}: revision is required`,
        data: `${label}: data is required`,
      },
      additionalProperties: `is not part of ${label}`,
    },
  };
}

/** A condition on a sibling, as a schema that holds when the sibling has the named value. */
function conditionSchema(condition: Condition, siblings: TreeNode[]): JsonSchema {
  const target = siblings.find((sibling) => sibling.key === condition.field);
  const coded =
    target?.kind === 'element' && ['coded_text', 'ordinal', 'text_or_coded_text'].includes(target.value.type);
  const match = condition.exists ? {} : condition.in ? { enum: condition.in } : { const: condition.equals };
  const valueRule = coded ? { required: ['code'], properties: { code: match } } : match;
  return { required: [condition.field], properties: { [condition.field]: valueRule } };
}

function conditionText(condition: Condition, siblings: TreeNode[]): string {
  const target = siblings.find((sibling) => sibling.key === condition.field);
  const name = target?.label ?? condition.field;
  if (condition.exists) return `${name} is filled in`;
  const values = (condition.in ?? [condition.equals]).map((value) => codeLabel(target, value));
  return `${name} is ${listInWords(values)}`;
}

function codeLabel(target: TreeNode | undefined, value: unknown): string {
  if (target?.kind === 'element' && target.value.type === 'coded_text') {
    return target.value.codes?.find((option) => option.code === value)?.value ?? String(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

function conditionRules(child: TreeNode, siblings: TreeNode[]): JsonSchema[] {
  if (!child.showIf) return [];
  const condition = conditionSchema(child.showIf, siblings);
  const when = conditionText(child.showIf, siblings);
  const rules: JsonSchema[] = [];
  if (child.required) {
    rules.push({
      if: condition,
      then: {
        required: [child.key],
        errorMessage: { required: { [child.key]: `${child.label}: is required when ${when}` } },
      },
    });
  }
  if (child.hiddenValues === 'clear') {
    rules.push({
      if: { not: condition },
      then: {
        properties: { [child.key]: { not: {}, errorMessage: `${child.label}: must be left empty unless ${when}` } },
      },
    });
  }
  return rules;
}
