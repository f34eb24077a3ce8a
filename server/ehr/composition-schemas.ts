/** JSON Schemas of the EHR routes (they also make the OpenAPI document). */
import { pageSchema, paginationQuery } from '../http/pagination.js';
import { compositionUidPattern } from './version-uid.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const time = { type: 'string', format: 'date-time' } as const;
const changeType = { type: 'string', enum: ['creation', 'amendment', 'modification', 'deleted'] } as const;
const reason = {
  type: 'string',
  minLength: 1,
  maxLength: 1000,
  description: 'Why the change is made (audit details).',
};
const person = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string' }, name: { type: 'string' } },
} as const;
const templateRef = {
  type: 'object',
  required: ['id', 'revision'],
  properties: { id: { type: 'string' }, revision: { type: 'string' } },
} as const;

export const ehrParams = {
  type: 'object',
  required: ['ehrId'],
  properties: { ehrId: uuid },
} as const;

export const compositionParams = {
  type: 'object',
  required: ['ehrId', 'uid'],
  properties: {
    ehrId: uuid,
    uid: {
      type: 'string',
      pattern: compositionUidPattern,
      description: 'A composition uuid (its latest version) or a version id `{uuid}::{system}::{n}`.',
    },
  },
} as const;

export const uuidParams = {
  type: 'object',
  required: ['ehrId', 'uuid'],
  properties: { ehrId: uuid, uuid },
} as const;

export const versionParams = {
  type: 'object',
  required: ['ehrId', 'uuid', 'version'],
  properties: { ehrId: uuid, uuid, version: { type: 'integer', minimum: 1, maximum: 999999999 } },
} as const;

export const contributionParams = {
  type: 'object',
  required: ['ehrId', 'contributionId'],
  properties: { ehrId: uuid, contributionId: uuid },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    template: { type: 'string', minLength: 1, maxLength: 150, description: 'Only this template id (any revision).' },
    archetype: { type: 'string', minLength: 1, maxLength: 150, description: 'Only compositions with an entry of it.' },
    category: { type: 'string', enum: ['event', 'persistent'] },
    from: { ...time, description: 'Start time at or after this.' },
    to: { ...time, description: 'Start time before this.' },
    ...paginationQuery,
  },
} as const;

export const pageQuery = { type: 'object', additionalProperties: false, properties: paginationQuery } as const;

export const commitQuery = { type: 'object', additionalProperties: false, properties: { reason } } as const;

export const amendQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reason,
    changeType: {
      type: 'string',
      enum: ['amendment', 'modification'],
      default: 'amendment',
      description: 'amendment: new or changed clinical content; modification: a correction of an error.',
    },
  },
} as const;

export const ifMatchHeaders = {
  type: 'object',
  properties: {
    'if-match': {
      type: 'string',
      description: 'The version id being changed, as an entity tag: "{uuid}::{system}::{n}".',
    },
  },
} as const;

/** What a client sends; the template revision it names checks the rest (fields the server sets are refused). */
export const compositionBody = {
  type: 'object',
  description:
    'A composition {template, context, content} (docs/modelling.md), validated against the template revision it names.',
  required: ['template'],
  properties: {
    template: {
      type: 'object',
      required: ['id', 'revision'],
      properties: {
        id: { type: 'string', minLength: 1, maxLength: 150 },
        revision: { type: 'string', minLength: 1, maxLength: 20 },
      },
    },
  },
} as const;

/** A stored composition, as committed (documentation only: the stored text is sent as is). */
export const compositionDocument = {
  type: 'object',
  required: ['uid', 'versionUid', 'ehrId', 'category', 'composer', 'committedAt', 'template', 'context', 'content'],
  properties: {
    uid: uuid,
    versionUid: { type: 'string' },
    ehrId: uuid,
    category: { type: 'string', enum: ['event', 'persistent'] },
    composer: person,
    committedAt: time,
    template: templateRef,
    context: { type: 'object', additionalProperties: true },
    content: { type: 'array', items: { type: 'object', additionalProperties: true } },
  },
} as const;

export const compositionList = pageSchema({
  type: 'object',
  required: ['uid', 'versionUid', 'template', 'category', 'startTime', 'composer', 'committedAt', 'restricted'],
  properties: {
    uid: uuid,
    versionUid: { type: 'string' },
    template: templateRef,
    category: { type: 'string' },
    startTime: time,
    composer: person,
    committedAt: time,
    restricted: { type: 'boolean' },
  },
} as const);

const versionEntryProperties = {
  version: { type: 'integer' },
  versionUid: { type: 'string' },
  changeType,
  lifecycle: { type: 'string', enum: ['complete', 'deleted'] },
  committer: person,
  committedAt: time,
  template: templateRef,
  contributionId: uuid,
  reason: { type: 'string' },
} as const;
const versionEntryRequired = [
  'version',
  'versionUid',
  'changeType',
  'lifecycle',
  'committer',
  'committedAt',
  'template',
  'contributionId',
];

export const versionList = pageSchema({
  type: 'object',
  required: versionEntryRequired,
  properties: versionEntryProperties,
} as const);

/** One version's audit details and its composition (null for a deletion), sent as stored. */
export const versionEntry = {
  type: 'object',
  required: [...versionEntryRequired, 'composition'],
  properties: { ...versionEntryProperties, composition: { anyOf: [compositionDocument, { type: 'null' }] } },
} as const;

export const contributionBody = {
  type: 'object',
  additionalProperties: false,
  required: ['versions'],
  properties: {
    reason,
    versions: {
      type: 'array',
      minItems: 1,
      maxItems: 1000,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['changeType'],
        properties: {
          changeType,
          uid: { ...uuid, description: 'The composition changed (not for a creation).' },
          precedingVersionUid: {
            type: 'string',
            maxLength: 300,
            description: 'The version being changed, as If-Match would name it (not for a creation).',
          },
          composition: { ...compositionBody, description: 'The new content (not for a deletion).' },
        },
      },
    },
  },
} as const;

const committedVersion = {
  type: 'object',
  required: ['uid', 'versionUid', 'changeType'],
  properties: { uid: uuid, versionUid: { type: 'string' }, changeType },
} as const;

export const contributionResult = {
  type: 'object',
  required: ['contributionId', 'committedAt', 'versions'],
  properties: { contributionId: uuid, committedAt: time, versions: { type: 'array', items: committedVersion } },
} as const;

export const contributionRecord = {
  type: 'object',
  required: ['contributionId', 'committer', 'committedAt', 'changeTypes', 'versions'],
  properties: {
    contributionId: uuid,
    committer: person,
    committedAt: time,
    changeTypes: { type: 'array', items: changeType },
    reason: { type: 'string' },
    versions: { type: 'array', items: committedVersion },
  },
} as const;

export const ehrSummary = {
  type: 'object',
  required: ['ehrId', 'systemId', 'createdAt', 'isQueryable', 'isModifiable', 'compositionCount', 'templates'],
  properties: {
    ehrId: uuid,
    systemId: { type: 'string' },
    subjectId: { type: 'string' },
    createdAt: time,
    isQueryable: { type: 'boolean' },
    isModifiable: { type: 'boolean' },
    compositionCount: { type: 'integer', description: 'Current compositions, deleted ones not counted.' },
    templates: {
      type: 'array',
      description: 'Current compositions per template id, most first.',
      items: {
        type: 'object',
        required: ['id', 'count'],
        properties: { id: { type: 'string' }, count: { type: 'integer' } },
      },
    },
    lastCommittedAt: time,
  },
} as const;
