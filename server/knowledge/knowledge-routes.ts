import type { FastifyInstance, FastifyPluginAsync, FastifyReply } from 'fastify';
import { ApiError } from '../http/api-error.js';
import { decodeCursor, page } from '../http/pagination.js';
import { problemResponses } from '../http/problem-schema.js';
import { exampleComposition } from './example-composition.js';
import { previewKnowledge } from './preview-knowledge.js';
import type { KnowledgeRegistry, PublishResult } from './knowledge-registry.js';
import * as schemas from './knowledge-schemas.js';
import type { KnowledgeKind, StoredRevision } from './registry-repository.js';

export interface KnowledgeRoutesOptions {
  registry: KnowledgeRegistry;
}

interface ListQuery {
  limit: number;
  cursor?: string;
  lifecycle?: string;
  entryClass?: string;
  category?: string;
}

const collections = { archetype: 'archetypes', template: 'templates' } as const;

/**
 * The knowledge registry over HTTP (SPEC §3): archetypes and templates, their revisions, the
 * resolved form definition and an example composition.
 *
 * @example
 * await app.register(knowledgeRoutes, { registry });
 */
export const knowledgeRoutes: FastifyPluginAsync<KnowledgeRoutesOptions> = async (app, { registry }) => {
  for (const kind of ['archetype', 'template'] as const) fileRoutes(app, registry, kind);

  app.post<{ Body: { template?: unknown; archetypes?: unknown[] } }>(
    '/api/knowledge/preview',
    {
      config: { roles: ['modeller'] },
      schema: {
        tags: ['knowledge'],
        summary:
          "Resolve draft archetypes and a template without storing them: the form and the compatibility report (the modeller's live preview)",
        body: schemas.previewRequest,
        response: { 200: schemas.previewResult, ...problemResponses('VALIDATION_FAILED') },
      },
    },
    async (request) => {
      await registry.ready();
      return previewKnowledge(registry.catalog, request.body);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { revision?: string } }>(
    '/api/templates/:id/form',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'The resolved form definition (latest released revision, or ?revision=)',
        params: schemas.knowledgeIdParams,
        querystring: schemas.revisionQuery,
        response: { 200: schemas.formDefinitionResponse, ...problemResponses('NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const form = await registry.form(request.params.id, request.query.revision);
      // A released revision never changes, so an exact revision can be cached for good.
      const immutable = request.query.revision && form.template.lifecycle !== 'draft';
      reply.header('cache-control', immutable ? 'private, max-age=31536000, immutable' : 'no-cache');
      return form;
    },
  );

  app.get<{ Params: { id: string }; Querystring: { revision?: string } }>(
    '/api/templates/:id/example',
    {
      schema: {
        tags: ['knowledge'],
        summary: 'A valid example composition of the template',
        params: schemas.knowledgeIdParams,
        querystring: schemas.revisionQuery,
        response: { 200: schemas.anyDocument, ...problemResponses('NOT_FOUND') },
      },
    },
    async (request) => {
      const form = await registry.form(request.params.id, request.query.revision);
      const resolved = registry.catalog.resolve(registry.catalog.template(form.template.id, form.template.revision)!);
      if (!resolved.ok) throw new ApiError('NOT_FOUND', `Template ${request.params.id} does not resolve`);
      return exampleComposition(resolved.value);
    },
  );
};

/** The list, one file, its revisions and publishing, alike for archetypes and templates. */
function fileRoutes(app: FastifyInstance, registry: KnowledgeRegistry, kind: KnowledgeKind): void {
  const collection = collections[kind];
  const { repository } = registry;

  app.get<{ Querystring: ListQuery }>(
    `/api/${collection}`,
    {
      schema: {
        tags: ['knowledge'],
        summary: `The latest revision of every ${kind}`,
        querystring: kind === 'archetype' ? schemas.archetypeListQuery : schemas.templateListQuery,
        response: {
          200: kind === 'archetype' ? schemas.archetypeList : schemas.templateList,
          ...problemResponses('INVALID_REQUEST'),
        },
      },
    },
    async (request) => {
      const { lifecycle, entryClass, category } = request.query;
      const wanted = entryClass ?? category;
      const all = (await repository.latest(kind)).filter(
        (r) => (!lifecycle || r.lifecycle === lifecycle) && (!wanted || r.kindOf === wanted),
      );
      return listPage(all, request.query, (r) => summary(kind, r));
    },
  );

  app.get<{ Params: { id: string }; Querystring: { revision?: string } }>(
    `/api/${collection}/:id`,
    {
      schema: {
        tags: ['knowledge'],
        summary: `A ${kind} file (latest revision, or ?revision=)`,
        params: schemas.knowledgeIdParams,
        querystring: schemas.revisionQuery,
        response: { 200: schemas.anyDocument, ...problemResponses('NOT_FOUND') },
      },
    },
    async (request) => {
      const { id } = request.params;
      const { revision } = request.query;
      const revisions = await repository.revisions(kind, id);
      const chosen = revision ? revisions.find((r) => r.revision === revision) : revisions.at(-1);
      if (!chosen) throw new ApiError('NOT_FOUND', `No ${kind} ${id}${revision ? ` revision ${revision}` : ''}`);
      return chosen.document;
    },
  );

  app.get<{ Params: { id: string } }>(
    `/api/${collection}/:id/revisions`,
    {
      schema: {
        tags: ['knowledge'],
        summary: `Every revision of a ${kind}, oldest first`,
        params: schemas.knowledgeIdParams,
        response: { 200: schemas.revisionList, ...problemResponses('NOT_FOUND') },
      },
    },
    async (request) => {
      const revisions = await repository.revisions(kind, request.params.id);
      if (revisions.length === 0) throw new ApiError('NOT_FOUND', `No ${kind} ${request.params.id}`);
      return { items: revisions.map((r) => revisionEntry(kind, r)) };
    },
  );

  app.post<{ Querystring: { dryRun: boolean } }>(
    `/api/${collection}`,
    {
      config: { roles: ['modeller'] },
      schema: {
        tags: ['knowledge'],
        summary: `Publish a ${kind} revision (or check it with ?dryRun=true)`,
        querystring: schemas.publishQuery,
        body: schemas.anyDocument,
        response: {
          200: schemas.publishResult,
          201: schemas.publishResult,
          ...problemResponses('CONFLICT', 'VALIDATION_FAILED'),
        },
      },
    },
    async (request, reply) => {
      const options = { dryRun: request.query.dryRun };
      const actor = `user:${request.user.id}`;
      const result =
        kind === 'archetype'
          ? await registry.publishArchetype(request.body, actor, options)
          : await registry.publishTemplate(request.body, actor, options);
      return published(reply, result, collection);
    },
  );
}

function summary(kind: KnowledgeKind, r: StoredRevision): Record<string, unknown> {
  const common = { id: r.id, revision: r.revision, title: r.title, lifecycle: r.lifecycle };
  return kind === 'archetype'
    ? { ...common, entryClass: r.kindOf }
    : { ...common, category: r.kindOf, authorRoles: r.authorRoles };
}

function revisionEntry(kind: KnowledgeKind, r: StoredRevision): Record<string, unknown> {
  const document = r.document as Record<string, unknown>;
  const source = (kind === 'archetype' ? document['x-archetype'] : document) as { changes?: string[] };
  return {
    id: r.id,
    revision: r.revision,
    lifecycle: r.lifecycle,
    title: r.title,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    ...(source.changes ? { changes: source.changes } : {}),
  };
}

function listPage<T extends { id: string }, R>(
  all: T[],
  query: ListQuery,
  view: (item: T) => R,
): { items: R[]; next?: string } {
  const after = query.cursor ? String(decodeCursor(query.cursor, 1)[0]) : undefined;
  const rest = after === undefined ? all : all.filter((item) => item.id > after);
  const { items, next } = page(rest.slice(0, query.limit + 1), query.limit, (item) => [item.id]);
  return { items: items.map(view), ...(next ? { next } : {}) };
}

function published(reply: FastifyReply, result: PublishResult, collection: string): PublishResult {
  if (result.outcome === 'created') {
    reply
      .code(201)
      .header('location', `/api/${collection}/${encodeURIComponent(result.id)}?revision=${result.revision}`);
  }
  return result;
}
