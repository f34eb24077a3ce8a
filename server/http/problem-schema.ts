import { problems, type ProblemCode } from './problems.js';

/** JSON Schema of an RFC 9457 problem document, shared as `Problem#` and shown in OpenAPI. */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'An RFC 9457 problem document (application/problem+json).',
  required: ['type', 'title', 'status', 'detail', 'requestId'],
  properties: {
    type: { type: 'string', format: 'uri' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
} as const;

/**
 * Response schema entries for the problems a route can answer, for its `response` schema.
 *
 * @example
 * schema: { response: { 200: healthSchema, ...problemResponses('SERVICE_UNAVAILABLE') } }
 */
export function problemResponses(...codes: ProblemCode[]): Record<number, { $ref: string; description: string }> {
  const entries = codes.map((code) => [problems[code].status, { $ref: 'Problem#', description: problems[code].title }]);
  return Object.fromEntries(entries) as Record<number, { $ref: string; description: string }>;
}
