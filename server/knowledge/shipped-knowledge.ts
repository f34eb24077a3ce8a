import { projectPath } from '../project-root.js';
import { KnowledgeCatalog } from './knowledge-catalog.js';
import { readKnowledgeFolder } from './knowledge-files.js';
import { loadKnowledgeFiles } from './load-knowledge-files.js';

/**
 * A catalog of the archetype and template files shipped in the project, checked as the registry
 * checks them; throws when one is refused, naming the file and its problems.
 *
 * @example
 * const catalog = await loadShippedKnowledge();
 * catalog.form('docsy.vital_signs.v1', '1.0.0');
 */
export async function loadShippedKnowledge(): Promise<KnowledgeCatalog> {
  const catalog = new KnowledgeCatalog();
  const reports = loadKnowledgeFiles(
    await readKnowledgeFolder(projectPath('archetypes')),
    await readKnowledgeFolder(projectPath('templates')),
    catalog,
  );
  const refused = reports.filter((r) => r.errors.length > 0 || r.breaking.length > 0);
  if (refused.length > 0) {
    const lines = refused.flatMap((r) => [
      r.file,
      ...r.errors.map((e) => `  ${e.path}: ${e.message}`),
      ...r.breaking.map((b) => `  ${b.path}: ${b.message}`),
    ]);
    throw new Error(`shipped knowledge files are refused:\n${lines.join('\n')}`);
  }
  return catalog;
}
