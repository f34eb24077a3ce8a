import type { FastifyBaseLogger } from 'fastify';
import { ApiError } from '../http/api-error.js';
import { canonicalJson } from './canonical-json.js';
import type { KnowledgeRegistry } from './knowledge-registry.js';
import { readKnowledgeFolder } from './knowledge-files.js';
import { archetypeKey, inRevisionOrder, templateKey } from './load-knowledge-files.js';

export interface KnowledgeFolders {
  archetypes: string;
  templates: string;
}

/**
 * Publishes every archetype and template file found in the folders, in revision order, so that
 * knowledge added as a file needs no code change. Unchanged files cost one query in all; a file the
 * registry refuses is logged with its reasons and skipped: the server still starts.
 *
 * @example
 * await publishKnowledgeFolders(registry, { archetypes: 'archetypes', templates: 'templates' }, log);
 */
export async function publishKnowledgeFolders(
  registry: KnowledgeRegistry,
  folders: KnowledgeFolders,
  log: FastifyBaseLogger,
): Promise<number> {
  let refused = 0;
  const batches = [
    { kind: 'archetype', files: inRevisionOrder(await readKnowledgeFolder(folders.archetypes), archetypeKey) },
    { kind: 'template', files: inRevisionOrder(await readKnowledgeFolder(folders.templates), templateKey) },
  ] as const;
  for (const { kind, files } of batches) {
    // One query tells which files are already stored as they are, so a restart publishes nothing.
    const stored = new Set((await registry.repository.allDocuments(kind)).map(canonicalJson));
    for (const file of files) {
      if (file.errors.length === 0 && stored.has(canonicalJson(file.document))) continue;
      const actor = `file:${file.file}`;
      try {
        if (file.errors.length > 0) throw new ApiError('VALIDATION_FAILED', 'unreadable file', { errors: file.errors });
        const result =
          kind === 'archetype'
            ? await registry.publishArchetype(file.document, actor)
            : await registry.publishTemplate(file.document, actor);
        if (result.outcome !== 'unchanged')
          log.info(
            { file: file.file, outcome: result.outcome },
            `${kind} ${result.id} ${result.revision} ${result.outcome}`,
          );
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        refused++;
        const reasons = (error.errors ?? []).map((e) => `${e.path || '/'}: ${e.message}`);
        log.error({ file: file.file, reasons }, `${kind} file ${file.file} refused: ${error.detail}`);
      }
    }
  }
  return refused;
}
