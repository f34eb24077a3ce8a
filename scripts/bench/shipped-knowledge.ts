import type { Kysely } from 'kysely';
import pino from 'pino';
import type { Database } from '../../server/db/database.js';
import { migrateToLatest } from '../../server/db/migrate.js';
import { KnowledgeRegistry } from '../../server/knowledge/knowledge-registry.js';
import { publishKnowledgeFolders } from '../../server/knowledge/publish-knowledge-folders.js';
import { projectPath } from '../../server/project-root.js';
import { TerminologyRepository } from '../../server/terminology/terminology-repository.js';
import { TerminologyService } from '../../server/terminology/terminology-service.js';

/**
 * Prepares an empty database the way the server's first start does: migrated, the shipped
 * archetypes and templates published, the shipped value sets loaded. Returns the registry.
 *
 * @example
 * const registry = await withShippedKnowledge(db);
 */
export async function withShippedKnowledge(db: Kysely<Database>): Promise<KnowledgeRegistry> {
  const silent = pino({ level: 'silent' });
  await migrateToLatest(db);
  const registry = KnowledgeRegistry.open(db);
  await publishKnowledgeFolders(
    registry,
    { archetypes: projectPath('archetypes'), templates: projectPath('templates') },
    silent,
  );
  await new TerminologyService(new TerminologyRepository(db)).loadShipped(
    projectPath('server', 'terminology', 'value-sets'),
    silent,
  );
  return registry;
}
