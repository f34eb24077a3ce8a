import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { practitionerRoles } from '../access/roles.js';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { paginationQuery } from '../http/pagination.js';
import { problemResponses } from '../http/problem-schema.js';
import { ApiError } from '../http/api-error.js';
import { findPatient } from './patient-lookup.js';
import { searchPatients } from './patient-search.js';

export interface PatientRoutesOptions {
  db: Kysely<Database>;
}

const patientSchema = {
  type: 'object',
  required: ['id', 'name', 'birthDate', 'ehrId'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    birthDate: { type: ['string', 'null'] },
    ehrId: { type: 'string' },
  },
} as const;

const patientList = {
  type: 'object',
  required: ['items'],
  properties: { items: { type: 'array', items: patientSchema }, next: { type: 'string' } },
} as const;

/**
 * `GET /api/patients?q=`: practitioners find a patient by name, birth date or email; and
 * `GET /api/patients/{id}`: the same summary of one patient (so a chart can name whose record it
 * is, even before the glass is broken). Finding a patient does not open their record: reading it
 * needs a care relationship (docs/access.md). Every search and look-up is audited.
 *
 * @example
 * await app.register(patientRoutes, { db });
 */
export const patientRoutes: FastifyPluginAsync<PatientRoutesOptions> = async (app, { db }) => {
  app.get<{ Querystring: { q: string; limit: number; cursor?: string } }>(
    '/api/patients',
    {
      config: { roles: practitionerRoles },
      schema: {
        tags: ['patients'],
        summary: 'Find patients by name, birth date (YYYY-MM-DD) or email (practitioners)',
        querystring: {
          type: 'object',
          required: ['q'],
          additionalProperties: false,
          properties: { q: { type: 'string', minLength: 2, maxLength: 100 }, ...paginationQuery },
        },
        response: { 200: patientList, ...problemResponses('INVALID_REQUEST', 'FORBIDDEN') },
      },
    },
    async (request) => {
      const found = await searchPatients(db, request.query);
      await appendAuditEvent(db, {
        action: 'patient.search',
        outcome: 'success',
        actorId: request.user.id,
        actorRole: request.user.roles.join(','),
        details: { query: request.query.q, found: found.items.length },
        address: request.ip,
      });
      return found;
    },
  );

  app.get<{ Params: { id: string } }>(
    '/api/patients/:id',
    {
      config: { roles: practitionerRoles },
      schema: {
        tags: ['patients'],
        summary: 'One patient: name, birth date and EHR id (practitioners)',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
        response: { 200: patientSchema, ...problemResponses('INVALID_REQUEST', 'FORBIDDEN', 'NOT_FOUND') },
      },
    },
    async (request) => {
      const patient = await findPatient(db, request.params.id);
      if (!patient) throw new ApiError('NOT_FOUND', `No patient ${request.params.id}`);
      await appendAuditEvent(db, {
        action: 'patient.lookup',
        outcome: 'success',
        actorId: request.user.id,
        actorRole: request.user.roles.join(','),
        details: { patient: patient.id },
        address: request.ip,
      });
      return patient;
    },
  );
};
