/** JSON Schemas shared by the access-control routes (they also make the OpenAPI document). */
import { paginationQuery } from '../http/pagination.js';
import { roles } from './roles.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;

export const ehrParams = {
  type: 'object',
  required: ['ehrId'],
  properties: { ehrId: uuid },
} as const;

export const listQuery = {
  type: 'object',
  additionalProperties: false,
  properties: paginationQuery,
} as const;

/** A person as others see them in access-control answers. */
export const personSchema = {
  type: 'object',
  required: ['id', 'name', 'roles'],
  additionalProperties: false,
  properties: { id: uuid, name: { type: 'string' }, roles: { type: 'array', items: { type: 'string', enum: roles } } },
} as const;

export const grantParams = {
  type: 'object',
  required: ['ehrId', 'practitionerId'],
  properties: { ehrId: uuid, practitionerId: uuid },
} as const;

export const grantBody = {
  type: 'object',
  additionalProperties: false,
  properties: { until: { ...dateTime, description: 'When the grant ends; open-ended (until revoked) without it' } },
} as const;

export const grantSchema = {
  type: 'object',
  required: ['practitioner', 'grantedAt', 'until'],
  additionalProperties: false,
  properties: {
    practitioner: personSchema,
    grantedAt: dateTime,
    until: { anyOf: [dateTime, { type: 'null' }] },
  },
} as const;

export const grantList = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: { items: { type: 'array', items: grantSchema } },
} as const;

export const breakGlassBody = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: {
    reason: {
      type: 'string',
      minLength: 1,
      maxLength: 1000,
      pattern: '\\S',
      description: 'Why the emergency access is needed; shown to the patient',
    },
  },
} as const;

export const breakGlassSchema = {
  type: 'object',
  required: ['id', 'ehrId', 'reason', 'startedAt', 'expiresAt'],
  additionalProperties: false,
  properties: { id: uuid, ehrId: uuid, reason: { type: 'string' }, startedAt: dateTime, expiresAt: dateTime },
} as const;

const orderKind = { type: 'string', enum: ['lab', 'imaging'] } as const;
const orderStatus = { type: 'string', enum: ['open', 'fulfilled', 'cancelled'] } as const;

export const orderParams = {
  type: 'object',
  required: ['ehrId', 'orderId'],
  properties: { ehrId: uuid, orderId: uuid },
} as const;

export const orderBody = {
  type: 'object',
  required: ['kind', 'description'],
  additionalProperties: false,
  properties: {
    kind: orderKind,
    description: { type: 'string', minLength: 1, maxLength: 2000, pattern: '\\S', description: 'What is ordered' },
  },
} as const;

export const closeOrderBody = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: { status: { type: 'string', enum: ['fulfilled', 'cancelled'] } },
} as const;

export const orderListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { status: orderStatus, ...paginationQuery },
} as const;

export const worklistQuery = {
  type: 'object',
  additionalProperties: false,
  properties: { kind: orderKind, ...paginationQuery },
} as const;

export const orderSchema = {
  type: 'object',
  required: ['id', 'ehrId', 'kind', 'description', 'status', 'orderedBy', 'orderedAt', 'patient'],
  additionalProperties: false,
  properties: {
    id: uuid,
    ehrId: uuid,
    kind: orderKind,
    description: { type: 'string' },
    status: orderStatus,
    orderedBy: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: { id: uuid, name: { type: 'string' } },
    },
    orderedAt: dateTime,
    closedAt: dateTime,
    patient: {
      type: 'object',
      required: ['id', 'name'],
      additionalProperties: false,
      properties: { id: uuid, name: { type: 'string' } },
    },
  },
} as const;

export const orderList = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: { items: { type: 'array', items: orderSchema }, next: { type: 'string' } },
} as const;

export const accessLogList = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        required: ['at', 'actor', 'action', 'outcome'],
        additionalProperties: false,
        properties: {
          at: dateTime,
          actor: {
            anyOf: [
              {
                type: 'object',
                required: ['id', 'name', 'role'],
                additionalProperties: false,
                properties: {
                  id: { type: 'string' },
                  name: { type: 'string' },
                  role: { anyOf: [{ type: 'string' }, { type: 'null' }] },
                },
              },
              { type: 'null' },
            ],
          },
          action: { type: 'string' },
          outcome: { type: 'string', enum: ['success', 'denied', 'failure'] },
          resource: { type: 'string' },
          breakGlassReason: { type: 'string' },
        },
      },
    },
    next: { type: 'string' },
  },
} as const;

export const restrictionParams = {
  type: 'object',
  required: ['ehrId', 'uuid'],
  properties: { ehrId: uuid, uuid },
} as const;

export const restrictionBody = {
  type: 'object',
  required: ['restricted'],
  additionalProperties: false,
  properties: {
    restricted: { type: 'boolean', description: 'true hides the composition from practitioners; false frees it' },
    allowed: {
      type: 'array',
      maxItems: 100,
      items: uuid,
      description: 'Practitioners who still see it while restricted',
    },
  },
} as const;

export const restrictionSchema = {
  type: 'object',
  required: ['uid', 'restricted', 'allowed'],
  additionalProperties: false,
  properties: { uid: uuid, restricted: { type: 'boolean' }, allowed: { type: 'array', items: personSchema } },
} as const;
