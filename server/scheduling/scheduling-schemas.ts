/** JSON Schemas of the scheduling routes (they also make the OpenAPI document). */
import { personSchema } from '../access/access-schemas.js';
import { pageSchema, paginationQuery } from '../http/pagination.js';
import { weekdays } from './availability.js';

const uuid = { type: 'string', format: 'uuid' } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const localTime = {
  type: 'string',
  pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$',
  description: 'Local time, HH:MM (24-hour clock)',
} as const;
const slotMinutes = {
  type: 'integer',
  minimum: 5,
  maximum: 480,
  multipleOf: 5,
  description: 'Length of one slot in minutes (a multiple of 5)',
} as const;
const location = { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' } as const;
const timeZone = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone, e.g. Europe/London',
} as const;
const reasonText = { type: 'string', minLength: 1, maxLength: 1000, pattern: '\\S' } as const;

const rule = {
  type: 'object',
  required: ['weekday', 'start', 'end', 'slotMinutes', 'location', 'timeZone'],
  additionalProperties: false,
  properties: {
    weekday: { type: 'string', enum: weekdays },
    start: localTime,
    end: localTime,
    slotMinutes,
    location,
    timeZone,
  },
} as const;

const exception = {
  type: 'object',
  required: ['kind', 'start', 'end'],
  additionalProperties: false,
  properties: {
    kind: { type: 'string', enum: ['leave', 'extra'], description: 'leave removes time; extra adds slots' },
    start: dateTime,
    end: dateTime,
    slotMinutes: { ...slotMinutes, description: 'Extra hours only: length of one slot' },
    location: { ...location, description: 'Extra hours only' },
    timeZone: { ...timeZone, description: 'Extra hours only: the zone its slots are shown in' },
    reason: { type: 'string', maxLength: 500 },
  },
} as const;

export const availabilitySchema = {
  type: 'object',
  required: ['rules', 'exceptions'],
  additionalProperties: false,
  properties: {
    rules: { type: 'array', maxItems: 100, items: rule },
    exceptions: { type: 'array', maxItems: 500, items: exception },
  },
} as const;

export const practitionerList = pageSchema(personSchema);

export const practitionerListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: paginationQuery,
} as const;

export const idParams = { type: 'object', required: ['id'], properties: { id: uuid } } as const;

export const slotsQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { ...dateTime, description: 'Slots starting at or after this instant (default: now)' },
    to: {
      ...dateTime,
      description: 'Slots starting before this instant (default: 7 days after from; at most 62 days after it)',
    },
  },
} as const;

const slotSchema = {
  type: 'object',
  required: ['start', 'end', 'location'],
  additionalProperties: false,
  properties: {
    start: { type: 'string', description: "ISO 8601 with the offset of the practitioner's zone" },
    end: { type: 'string' },
    location: { type: 'string' },
  },
} as const;

/** The free slots of a window: one page, no cursor (the window bounds it). */
export const slotList = pageSchema(slotSchema);

export const bookingBody = {
  type: 'object',
  required: ['start'],
  additionalProperties: false,
  properties: {
    practitionerId: { ...uuid, description: 'Whose slot; a practitioner booking leaves it out (their own)' },
    patientId: {
      ...uuid,
      description: 'For whom: a practitioner booking a patient in their care; a patient leaves it out',
    },
    start: { ...dateTime, description: 'The start of a free slot (as GET /api/practitioners/{id}/slots lists it)' },
    reason: { ...reasonText, description: 'Why the appointment is needed (shown to both)' },
  },
} as const;

export const cancelBody = {
  type: 'object',
  required: ['reason'],
  additionalProperties: false,
  properties: { reason: reasonText },
} as const;

export const rescheduleBody = {
  type: 'object',
  required: ['start', 'reason'],
  additionalProperties: false,
  properties: { start: dateTime, reason: reasonText },
} as const;

export const appointmentListQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    from: { ...dateTime, description: 'Appointments ending after this instant' },
    to: { ...dateTime, description: 'Appointments starting before this instant' },
    status: { type: 'string', enum: ['booked', 'cancelled'] },
    ...paginationQuery,
  },
} as const;

export const appointmentSchema = {
  type: 'object',
  required: [
    'id',
    'practitionerId',
    'practitionerName',
    'patientId',
    'patientName',
    'ehrId',
    'start',
    'end',
    'location',
    'status',
    'reason',
    'bookedAt',
  ],
  additionalProperties: false,
  properties: {
    id: uuid,
    practitionerId: uuid,
    practitionerName: { type: 'string' },
    patientId: uuid,
    patientName: { type: 'string' },
    ehrId: uuid,
    start: { type: 'string', description: "ISO 8601 with the offset of the slot's zone" },
    end: { type: 'string' },
    location: { type: 'string' },
    status: { type: 'string', enum: ['booked', 'cancelled'] },
    reason: { anyOf: [{ type: 'string' }, { type: 'null' }] },
    bookedAt: dateTime,
    rescheduleReason: { type: 'string' },
    cancelReason: { type: 'string' },
  },
} as const;

export const appointmentList = pageSchema(appointmentSchema);
