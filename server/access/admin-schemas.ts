/** JSON Schemas of the administration routes. */
import { paginationQuery } from '../http/pagination.js';
import { accountStatuses, policyActions, roles } from './roles.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const role = { type: 'string', enum: roles } as const;

export const accountParams = {
  type: 'object',
  required: ['accountId'],
  properties: { accountId: uuid },
} as const;

export const accountListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    status: { type: 'string', enum: accountStatuses },
    role,
    q: {
      type: 'string',
      minLength: 1,
      maxLength: 200,
      description: 'Words that the name or the email contains, every one of them, in any case',
    },
    ...paginationQuery,
  },
} as const;

export const adminAccount = {
  type: 'object',
  required: ['id', 'email', 'name', 'roles', 'status', 'createdAt'],
  additionalProperties: false,
  properties: {
    id: uuid,
    email: { type: 'string' },
    name: { type: 'string' },
    roles: { type: 'array', items: role },
    status: { type: 'string', enum: accountStatuses },
    createdAt: { type: 'string', format: 'date-time' },
  },
} as const;

export const adminAccountList = {
  type: 'object',
  required: ['items'],
  additionalProperties: false,
  properties: { items: { type: 'array', items: adminAccount }, next: { type: 'string' } },
} as const;

export const statusBody = {
  type: 'object',
  required: ['status'],
  additionalProperties: false,
  properties: {
    status: {
      type: 'string',
      enum: ['active', 'disabled'],
      description: 'active approves a pending account or re-enables a disabled one',
    },
  },
} as const;

export const rolesBody = {
  type: 'object',
  required: ['roles'],
  additionalProperties: false,
  properties: { roles: { type: 'array', items: role, minItems: 1, uniqueItems: true } },
} as const;

/** A template id, an entry class (`class:OBSERVATION`) or `*`. */
const policyTarget = {
  type: 'string',
  maxLength: 160,
  pattern:
    '^(\\*|class:(OBSERVATION|EVALUATION|INSTRUCTION|ACTION|ADMIN_ENTRY)|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*\\.v[1-9][0-9]{0,3})$',
} as const;

const policyRule = {
  type: 'object',
  required: ['role', 'target', 'action', 'effect'],
  additionalProperties: false,
  properties: {
    role,
    target: policyTarget,
    action: { type: 'string', enum: policyActions },
    effect: { type: 'string', enum: ['allow', 'deny'] },
  },
} as const;

export const policySchema = {
  type: 'object',
  required: ['rules'],
  additionalProperties: false,
  properties: { rules: { type: 'array', maxItems: 5000, items: policyRule } },
} as const;

export const auditVerification = {
  type: 'object',
  required: ['ok', 'checked', 'firstBroken'],
  additionalProperties: false,
  properties: {
    ok: { type: 'boolean' },
    checked: { type: 'integer' },
    firstBroken: {
      anyOf: [
        {
          type: 'object',
          required: ['chainKey', 'seq', 'reason'],
          additionalProperties: false,
          properties: { chainKey: { type: 'string' }, seq: { type: 'integer' }, reason: { type: 'string' } },
        },
        { type: 'null' },
      ],
    },
  },
} as const;
