import type { ResolvedTemplate, TreeNode, ValueSpec } from './element-tree.js';
import type { JsonSchema } from './value-schema.js';

/**
 * A JSON Schema made for generating TypeScript types (json-schema-to-typescript), not for
 * validating: every element's shape with its label and help as documentation, choices as a union
 * of `{type, value}`, coded values with their codes as literal types.
 *
 * @example
 * typeSchemaOfElements(model.children, 'Blood pressure'); // then compile(schema, 'BloodPressureV2Data')
 */
export function typeSchemaOfElements(nodes: TreeNode[], title: string): JsonSchema {
  const required = nodes.filter((node) => node.required && !node.showIf).map((node) => node.key);
  return {
    type: 'object',
    title,
    additionalProperties: false,
    properties: Object.fromEntries(nodes.map((node) => [node.key, nodeType(node)])),
    ...(required.length > 0 ? { required } : {}),
  };
}

/** The type schema of a whole composition of a template: its context and its entries. */
export function typeSchemaOfComposition(resolved: ResolvedTemplate): JsonSchema {
  const { template } = resolved;
  return {
    type: 'object',
    title: `${template.title} composition`,
    description: template.description ?? template.title,
    additionalProperties: false,
    required: ['template', 'context', 'content'],
    properties: {
      template: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'revision'],
        properties: { id: { const: template.id }, revision: { const: template.revision } },
      },
      context: {
        type: 'object',
        additionalProperties: false,
        required: ['startTime'],
        properties: {
          startTime: { type: 'string' },
          endTime: { type: 'string' },
          setting: codedType(),
          facility: { type: 'string' },
        },
      },
      content: {
        type: 'array',
        items: {
          anyOf: resolved.slots.map((slot) => ({
            type: 'object',
            title: `${slot.label} entry`,
            additionalProperties: false,
            required: ['slot', 'archetype', 'revision', 'data'],
            properties: {
              slot: { const: slot.id },
              archetype: { const: slot.archetype.id },
              revision: { const: slot.archetype.revision },
              data: typeSchemaOfElements(slot.children, `${slot.label} data`),
            },
          })),
        },
      },
    },
  };
}

function nodeType(node: TreeNode): JsonSchema {
  const single = singleType(node);
  const documented = {
    ...single,
    ...(node.help ? { description: `${node.label}: ${node.help}` } : { description: node.label }),
  };
  return node.repeat ? { type: 'array', items: single, description: documented.description } : documented;
}

function singleType(node: TreeNode): JsonSchema {
  switch (node.kind) {
    case 'element':
      return valueType(node.value);
    case 'choice':
      return {
        anyOf: node.choices.map((choice) => ({
          type: 'object',
          additionalProperties: false,
          required: ['type', 'value'],
          properties: { type: { const: choice.type }, value: valueType(choice) },
        })),
      };
    case 'group':
      return typeSchemaOfElements(node.children, node.label);
    case 'cluster':
      return {
        type: 'object',
        additionalProperties: false,
        required: ['archetype', 'revision', 'data'],
        properties: {
          archetype: { const: node.archetypeId },
          revision: { type: 'string' },
          data: typeSchemaOfElements(node.children, node.label),
        },
      };
  }
}

function codedType(codes?: string[]): JsonSchema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['code', 'terminology', 'value'],
    properties: {
      code: codes ? { enum: codes } : { type: 'string' },
      terminology: { type: 'string' },
      value: { type: 'string' },
    },
  };
}

const objectShapes: Partial<Record<ValueSpec['type'], JsonSchema>> = {
  quantity: { magnitude: { type: 'number' }, unit: { type: 'string' } },
  proportion: { numerator: { type: 'number' }, denominator: { type: 'number' } },
  identifier: {
    id: { type: 'string' },
    issuer: { type: 'string' },
    assigner: { type: 'string' },
    type: { type: 'string' },
  },
  attachment: {
    id: { type: 'string' },
    mediaType: { type: 'string' },
    size: { type: 'integer' },
    sha256: { type: 'string' },
    name: { type: 'string' },
  },
};

const requiredParts: Partial<Record<ValueSpec['type'], string[]>> = {
  quantity: ['magnitude', 'unit'],
  proportion: ['numerator', 'denominator'],
  identifier: ['id'],
  attachment: ['id', 'mediaType', 'size', 'sha256'],
};

function valueType(spec: ValueSpec): JsonSchema {
  switch (spec.type) {
    case 'text':
    case 'date':
    case 'time':
    case 'date_time':
    case 'duration':
    case 'uri':
      return { type: 'string' };
    case 'text_or_coded_text':
      return { anyOf: [{ type: 'string' }, codedType()] };
    case 'coded_text':
      return codedType(spec.codes?.map((c) => c.code));
    case 'ordinal':
      return {
        ...codedType(spec.ordinals.map((o) => o.code)),
        required: ['ordinal', 'code', 'terminology', 'value'],
        properties: {
          ...(codedType(spec.ordinals.map((o) => o.code)).properties as object),
          ordinal: { type: 'integer' },
        },
      };
    case 'count':
      return { type: 'integer' };
    case 'boolean':
      return { type: 'boolean' };
    default:
      return {
        type: 'object',
        additionalProperties: false,
        required: requiredParts[spec.type],
        properties: objectShapes[spec.type],
      };
  }
}
