/** JSON Schemas of the knowledge registry's routes (they also make the OpenAPI document). */

const lifecycle = { type: 'string', enum: ['draft', 'published', 'deprecated'] } as const;
const revision = { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$', maxLength: 20 } as const;

export const knowledgeIdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'string', minLength: 1, maxLength: 150 } },
} as const;

export const revisionQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { revision },
} as const;

export const archetypeListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    entryClass: {
      type: 'string',
      enum: ['OBSERVATION', 'EVALUATION', 'INSTRUCTION', 'ACTION', 'ADMIN_ENTRY', 'CLUSTER'],
    },
    lifecycle,
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string', maxLength: 1000 },
  },
} as const;

export const templateListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    lifecycle,
    category: { type: 'string', enum: ['event', 'persistent'] },
    limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 },
    cursor: { type: 'string', maxLength: 1000 },
  },
} as const;

export const publishQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dryRun: {
      type: 'boolean',
      default: false,
      description: 'Check only: report problems and breaking changes, store nothing.',
    },
  },
} as const;

const archetypeSummary = {
  type: 'object',
  required: ['id', 'revision', 'title', 'entryClass', 'lifecycle'],
  properties: {
    id: { type: 'string' },
    revision: { type: 'string' },
    title: { type: 'string' },
    entryClass: { type: 'string' },
    lifecycle,
  },
} as const;

const templateSummary = {
  type: 'object',
  required: ['id', 'revision', 'title', 'category', 'authorRoles', 'lifecycle'],
  properties: {
    id: { type: 'string' },
    revision: { type: 'string' },
    title: { type: 'string' },
    category: { type: 'string', enum: ['event', 'persistent'] },
    authorRoles: { type: 'array', items: { type: 'string' } },
    lifecycle,
  },
} as const;

const listOf = (item: object) =>
  ({
    type: 'object',
    required: ['items'],
    properties: { items: { type: 'array', items: item }, next: { type: 'string' } },
  }) as const;

export const archetypeList = listOf(archetypeSummary);
export const templateList = listOf(templateSummary);

export const revisionList = listOf({
  type: 'object',
  required: ['id', 'revision', 'lifecycle', 'title', 'createdAt', 'createdBy'],
  properties: {
    id: { type: 'string' },
    revision: { type: 'string' },
    lifecycle,
    title: { type: 'string' },
    createdAt: { type: 'string', format: 'date-time' },
    createdBy: { type: 'string' },
    changes: { type: 'array', items: { type: 'string' } },
  },
});

export const anyDocument = {
  type: 'object',
  additionalProperties: true,
  description: 'The archetype or template file, as published.',
} as const;

export const publishResult = {
  type: 'object',
  required: ['outcome', 'id', 'revision', 'lifecycle', 'title', 'breaking'],
  properties: {
    outcome: { type: 'string', enum: ['created', 'unchanged', 'updated', 'checked'] },
    id: { type: 'string' },
    revision: { type: 'string' },
    lifecycle,
    title: { type: 'string' },
    breaking: {
      type: 'array',
      items: {
        type: 'object',
        properties: { path: { type: 'string' }, kind: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

export const formDefinitionResponse = {
  type: 'object',
  additionalProperties: true,
  description:
    'The resolved form definition: the template, its pinned archetypes, the slot and element tree, and one self-contained JSON Schema (docs/modelling.md).',
  required: ['formatVersion', 'template', 'archetypes', 'slots', 'schema'],
  properties: { formatVersion: { type: 'integer' } },
} as const;

export const previewRequest = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    template: {
      type: 'object',
      description: 'A template file; without one, the first archetype is shown in a one-slot template.',
    },
    archetypes: {
      type: 'array',
      maxItems: 20,
      items: { type: 'object' },
      description: 'Archetype files to try first (drafts).',
    },
  },
} as const;

export const previewResult = {
  type: 'object',
  required: ['form', 'breaking'],
  properties: {
    form: formDefinitionResponse,
    breaking: publishResult.properties.breaking,
  },
} as const;
