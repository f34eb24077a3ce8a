/** JSON Schemas of the terminology routes. */

const valueSet = {
  type: 'object',
  required: ['id', 'title', 'codeSystem', 'size'],
  properties: {
    id: { type: 'string' },
    title: { type: 'string' },
    codeSystem: { type: 'string' },
    size: { type: 'integer' },
  },
} as const;

export const valueSetList = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: valueSet } },
} as const;

export const valueSetSummary = valueSet;

export const valueSetParams = {
  type: 'object',
  required: ['valueSet'],
  properties: { valueSet: { type: 'string', pattern: '^[a-z][a-z0-9-]{0,63}$' } },
} as const;

export const searchQuery = {
  type: 'object',
  required: ['q'],
  additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 100, description: 'Words or a code to look for.' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;

export const searchResult = {
  type: 'object',
  required: ['items'],
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['code', 'display', 'codeSystem'],
        properties: { code: { type: 'string' }, display: { type: 'string' }, codeSystem: { type: 'string' } },
      },
    },
  },
} as const;

export const importQuery = {
  type: 'object',
  required: ['title', 'codeSystem'],
  additionalProperties: false,
  properties: {
    title: { type: 'string', minLength: 1, maxLength: 200 },
    codeSystem: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9._-]{0,49}$' },
  },
} as const;
