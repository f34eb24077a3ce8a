import fastifyPlugin from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import { accessLogRoutes } from './access-log-routes.js';
import { adminRoutes } from './admin-routes.js';
import { breakGlassRoutes } from './break-glass-routes.js';
import { EhrAccessControl } from './ehr-access.js';
import { grantRoutes } from './grant-routes.js';
import { orderRoutes } from './order-routes.js';
import { PolicyStore } from './policy-store.js';
import { querySelection } from './query-scope.js';
import { restrictionRoutes } from './restriction-routes.js';
import { registryTemplateTargets } from './template-targets.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The access rules for everything inside an EHR (see `ehr-access.ts`); every clinical route uses it. */
    ehrAccess: EhrAccessControl;
    /** The same rules across all EHRs, as a condition on a query's compositions (see `query-scope.ts`). */
    querySelection: ReturnType<typeof querySelection>;
  }
}

export interface AccessControlOptions {
  db: Kysely<Database>;
  registry: KnowledgeRegistry;
}

/**
 * Access control: decorates `app.ehrAccess` (the care-relationship rule, the permission policy,
 * restriction and break-glass, and read auditing) and registers the routes of grants,
 * break-glass, orders, the access log and administration.
 *
 * @example
 * await app.register(accessControl, { db, registry });
 * const access = await app.ehrAccess.authorize(viewerOf(request), ehrId, 'read');
 */
export const accessControl = fastifyPlugin<AccessControlOptions>(
  async (app, { db, registry }) => {
    const policy = new PolicyStore(db);
    const templates = registryTemplateTargets(registry);
    const ehrAccess = new EhrAccessControl(db, policy, templates);
    app.decorate('ehrAccess', ehrAccess);
    app.decorate('querySelection', querySelection(policy, templates));
    await app.register(grantRoutes, { db, ehrAccess });
    await app.register(breakGlassRoutes, { db });
    await app.register(orderRoutes, { db, ehrAccess });
    await app.register(accessLogRoutes, { db, ehrAccess });
    await app.register(restrictionRoutes, { db, ehrAccess });
    await app.register(adminRoutes, { db, policy });
  },
  { name: 'docsy-access-control', dependencies: ['docsy-authentication'] },
);
