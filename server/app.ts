import helmet from '@fastify/helmet';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { accessContext } from './access/access-context.js';
import { accessControl } from './access/access-control.js';
import { authRoutes } from './access/auth-routes.js';
import { authentication } from './access/authentication.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/create-database.js';
import { documentsCapability } from './documents/documents-capability.js';
import { ehrCapability } from './ehr/ehr-capability.js';
import { healthRoutes } from './health/health-routes.js';
import { patientRoutes } from './patients/patient-routes.js';
import { queryRoutes } from './query/query-routes.js';
import { schedulingCapability } from './scheduling/scheduling-capability.js';
import { QueryService } from './query/query-service.js';
import { KnowledgeRegistry } from './knowledge/knowledge-registry.js';
import { knowledgeRoutes } from './knowledge/knowledge-routes.js';
import { publishKnowledgeFolders, type KnowledgeFolders } from './knowledge/publish-knowledge-folders.js';
import { TerminologyRepository } from './terminology/terminology-repository.js';
import { terminologyRoutes } from './terminology/terminology-routes.js';
import { TerminologyService } from './terminology/terminology-service.js';
import { answerConnectionError } from './http/connection-errors.js';
import { contentSecurityPolicy, docsPagePolicy } from './http/content-security-policy.js';
import { toApiError } from './http/fastify-errors.js';
import { useStrictJsonBodies } from './http/json-body-parser.js';
import { loggerOptions } from './http/logger-options.js';
import { openApiDocument } from './http/openapi-document.js';
import { problemHandling, sendProblem } from './http/problem-handling.js';
import { buildRequestValidator } from './http/request-validators.js';
import { requestIdOf } from './http/request-id.js';
import { uiFiles, uiIsBuilt, uiPageFallback } from './http/ui-files.js';
import { projectPath } from './project-root.js';

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  /** A ready pino logger; without one the app logs to stdout at `config.logLevel`. */
  logger?: FastifyBaseLogger;
  /** Folder of the built UI; defaults to `ui/dist` in the project. */
  uiDir?: string;
  /** Folders of archetype and template files published at start; `false` for none. Defaults to the project's. */
  knowledgeFolders?: KnowledgeFolders | false;
}

/** The version in package.json, shown by /api/health and the OpenAPI document. */
export const docsyVersion: string = (
  JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }
).version;

/**
 * Builds the Docsy HTTP application without listening: security headers and problem
 * handling first, then the OpenAPI plugins, then routes, each registered explicitly. Tests use it with
 * `app.inject`; `main.ts` calls `listen`.
 *
 * @example
 * const app = await buildApp({ config, database });
 * const response = await app.inject({ method: 'GET', url: '/api/health' });
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const { config, database } = deps;
  const uiDir = deps.uiDir ?? projectPath('ui', 'dist');
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: loggerOptions(config.logLevel) }),
    genReqId: requestIdOf,
    requestIdHeader: false,
    logController: new LogController({ requestIdLogLabel: 'requestId' }),
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    schemaController: { compilersFactory: { buildValidator: buildRequestValidator } },
    return503OnClosing: false,
    frameworkErrors: (error, request, reply) => sendProblem(reply, request, toApiError(error, request)),
    clientErrorHandler: answerConnectionError,
  });
  useStrictJsonBodies(app);

  const built = uiIsBuilt(uiDir);
  if (!built) app.log.warn(`the UI is not built (${uiDir} has no index.html); run npm run build`);

  await app.register(helmet, { contentSecurityPolicy: { directives: contentSecurityPolicy } });
  // Before any route, so every route (the docs pages too) answers errors, 404 and 405 as problems.
  await app.register(problemHandling, { fallback: uiPageFallback(built ? uiDir : undefined) });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Docsy API', version: docsyVersion, description: 'Errors are RFC 9457 problem documents.' },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    transformStaticCSP: docsPagePolicy,
  });

  await app.register(openApiDocument);
  // Before any /api route: every one is authenticated unless it declares config.public.
  await app.register(authentication, { db: database.db, jwtSecret: config.jwtSecret, systemId: config.systemId });
  await app.register(healthRoutes, { database, version: docsyVersion });
  await app.register(authRoutes, { context: accessContext(app, database.db, config) });
  const registry = KnowledgeRegistry.open(database.db);
  const folders = deps.knowledgeFolders ?? {
    archetypes: projectPath('archetypes'),
    templates: projectPath('templates'),
  };
  if (folders) await publishKnowledgeFolders(registry, folders, app.log);
  await app.register(knowledgeRoutes, { registry });
  await app.register(accessControl, { db: database.db, registry });
  const queries = new QueryService(database.db, registry, (user) => app.querySelection(user));
  await app.register(queryRoutes, { queries });
  const terminology = new TerminologyService(new TerminologyRepository(database.db));
  if (folders) await terminology.loadShipped(projectPath('server', 'terminology', 'value-sets'), app.log);
  await app.register(terminologyRoutes, { terminology });
  await app.register(ehrCapability, { db: database.db, registry, systemId: config.systemId });
  await app.register(documentsCapability, {
    db: database.db,
    registry,
    systemId: config.systemId,
    attachmentLimit: config.attachmentLimit,
  });
  await app.register(patientRoutes, { db: database.db });
  await app.register(schedulingCapability, {
    db: database.db,
    bookingHorizonDays: config.bookingHorizonDays,
    jwtSecret: config.jwtSecret,
  });
  if (built) await app.register(uiFiles, { root: uiDir });
  return app;
}
