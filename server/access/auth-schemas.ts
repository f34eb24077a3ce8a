/** JSON Schemas of the account and token routes (they also make the OpenAPI document). */
import { accountStatuses, registrableRoles, roles } from './roles.js';
import { maxPasswordLength, minPasswordLength } from './password-policy.js';

const email = { type: 'string', format: 'email', minLength: 3, maxLength: 254 } as const;

export const registerBody = {
  type: 'object',
  required: ['email', 'password', 'name', 'role'],
  additionalProperties: false,
  properties: {
    email,
    password: {
      type: 'string',
      minLength: minPasswordLength,
      maxLength: maxPasswordLength,
      description: `At least ${minPasswordLength} characters, not one of the most common passwords`,
    },
    name: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
    role: {
      type: 'string',
      enum: registrableRoles,
      description: 'A patient is active at once; every other role waits for an administrator',
    },
    birthDate: { type: 'string', format: 'date', description: 'Required for a patient, not allowed otherwise' },
  },
} as const;

export const loginBody = {
  type: 'object',
  required: ['email', 'password'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', minLength: 1, maxLength: 254 },
    password: { type: 'string', maxLength: maxPasswordLength },
  },
} as const;

export const refreshBody = {
  type: 'object',
  required: ['refreshToken'],
  additionalProperties: false,
  properties: { refreshToken: { type: 'string', minLength: 1, maxLength: 200 } },
} as const;

export const accountSchema = {
  type: 'object',
  required: ['id', 'email', 'name', 'roles', 'status', 'calendarUrl'],
  additionalProperties: false,
  properties: {
    id: { type: 'string', format: 'uuid' },
    email: { type: 'string' },
    name: { type: 'string' },
    roles: { type: 'array', items: { type: 'string', enum: roles } },
    status: { type: 'string', enum: accountStatuses },
    ehrId: { type: 'string', format: 'uuid', description: "A patient's own EHR" },
    calendarUrl: { type: 'string', description: 'Secret URL of the calendar feed (iCalendar); keep it private' },
  },
} as const;

export const registeredResponse = {
  type: 'object',
  required: ['user'],
  additionalProperties: false,
  properties: { user: accountSchema },
} as const;

export const signInResponse = {
  type: 'object',
  required: ['accessToken', 'refreshToken', 'expiresIn', 'user'],
  additionalProperties: false,
  properties: {
    accessToken: { type: 'string', description: 'JWT; send as Authorization: Bearer <token>' },
    refreshToken: { type: 'string', description: 'Opaque, single use: POST it to /api/auth/refresh' },
    expiresIn: { type: 'integer', description: 'Seconds the access token is valid for' },
    user: accountSchema,
  },
} as const;
