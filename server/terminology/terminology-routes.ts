import type { FastifyPluginAsync } from 'fastify';
import { ApiError } from '../http/api-error.js';
import { problemResponses } from '../http/problem-schema.js';
import type { TerminologyService } from './terminology-service.js';
import * as schemas from './terminology-schemas.js';

export interface TerminologyRoutesOptions {
  terminology: TerminologyService;
}

/** The largest value set file one import accepts. */
const importBodyLimit = 64 * 1024 * 1024;

/**
 * Value sets over HTTP: the list, search-as-you-type, and a CSV import that adds a value set
 * without a code change.
 *
 * @example
 * await app.register(terminologyRoutes, { terminology });
 */
export const terminologyRoutes: FastifyPluginAsync<TerminologyRoutesOptions> = async (app, { terminology }) => {
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: importBodyLimit }, (_request, body, done) =>
    done(null, body),
  );

  app.get(
    '/api/terminology',
    { schema: { tags: ['terminology'], summary: 'The value sets', response: { 200: schemas.valueSetList } } },
    async () => ({
      items: (await terminology.list()).map(({ id, title, codeSystem, size }) => ({ id, title, codeSystem, size })),
    }),
  );

  app.get<{ Params: { valueSet: string }; Querystring: { q: string; limit: number } }>(
    '/api/terminology/:valueSet',
    {
      schema: {
        tags: ['terminology'],
        summary: 'Search a value set by code, word or prefix (ranked)',
        params: schemas.valueSetParams,
        querystring: schemas.searchQuery,
        response: { 200: schemas.searchResult, ...problemResponses('NOT_FOUND', 'INVALID_REQUEST') },
      },
    },
    async (request) => ({
      items: await terminology.search(request.params.valueSet, request.query.q, request.query.limit),
    }),
  );

  app.put<{ Params: { valueSet: string }; Querystring: { title: string; codeSystem: string }; Body: string }>(
    '/api/terminology/:valueSet',
    {
      config: { roles: ['modeller'] },
      bodyLimit: importBodyLimit,
      preValidation: async (request) => {
        if (!/^text\/csv\b/.test(request.headers['content-type'] ?? '')) {
          throw new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Send the value set as text/csv (code,display,synonyms)');
        }
      },
      schema: {
        tags: ['terminology'],
        summary: 'Import a value set from CSV (code,display,synonyms), replacing it',
        params: schemas.valueSetParams,
        querystring: schemas.importQuery,
        body: {
          type: 'string',
          minLength: 1,
          description: 'text/csv: code,display,synonyms (synonyms separated by |)',
        },
        response: { 200: schemas.valueSetSummary, ...problemResponses('VALIDATION_FAILED', 'UNSUPPORTED_MEDIA_TYPE') },
      },
    },
    async (request) => {
      const { title, codeSystem } = request.query;
      const { id, size } = await terminology.importCsv(
        { id: request.params.valueSet, title, codeSystem },
        request.body,
        'import',
      );
      return { id, title, codeSystem, size };
    },
  );
};
