import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import { CompositionCommits } from './composition-commits.js';
import { CompositionReads } from './composition-reads.js';
import { compositionRoutes } from './composition-routes.js';
import { contributionRoutes } from './contribution-routes.js';
import { ehrRoutes } from './ehr-routes.js';
import { versionRoutes } from './version-routes.js';

export interface EhrCapabilityOptions {
  db: Kysely<Database>;
  registry: KnowledgeRegistry;
  systemId: string;
}

/**
 * The EHR routes: the EHR summary, compositions, their versions and contributions.
 *
 * @example
 * await app.register(ehrCapability, { db: database.db, registry, systemId: config.systemId });
 */
export const ehrCapability: FastifyPluginAsync<EhrCapabilityOptions> = async (app, { db, registry, systemId }) => {
  const commits = new CompositionCommits(db, registry, systemId);
  const reads = new CompositionReads(db, systemId);
  await app.register(ehrRoutes, { db });
  await app.register(compositionRoutes, { commits, reads });
  await app.register(versionRoutes, { reads });
  await app.register(contributionRoutes, { commits, db, systemId });
};
