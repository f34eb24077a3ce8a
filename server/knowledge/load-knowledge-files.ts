import type { BreakingChange } from './compatibility.js';
import type { KnowledgeCatalog } from './knowledge-catalog.js';
import type { KnowledgeFile } from './knowledge-files.js';
import type { ModellingError } from './modelling-error.js';
import { reviewArchetype, reviewTemplate } from './review-knowledge.js';
import { compareRevisions } from './revision-order.js';

/** What checking one file found. */
export interface FileReport {
  file: string;
  kind: 'archetype' | 'template';
  id?: string;
  revision?: string;
  errors: ModellingError[];
  breaking: BreakingChange[];
}

/**
 * Reviews archetype files, then template files, in id and revision order, adding every file that
 * passes to the catalog so that later files can build on it.
 *
 * @example
 * const reports = loadKnowledgeFiles(await readKnowledgeFolder('archetypes'), await readKnowledgeFolder('templates'), catalog);
 */
export function loadKnowledgeFiles(
  archetypeFiles: KnowledgeFile[],
  templateFiles: KnowledgeFile[],
  catalog: KnowledgeCatalog,
): FileReport[] {
  const reports: FileReport[] = [];
  for (const file of inRevisionOrder(archetypeFiles, archetypeKey)) {
    const review =
      file.errors.length > 0 ? { errors: file.errors, breaking: [] } : reviewArchetype(file.document, catalog);
    const accepted = 'value' in review && review.value && review.errors.length === 0 && review.breaking.length === 0;
    if (accepted) catalog.addArchetype(review.value!);
    reports.push({
      file: file.file,
      kind: 'archetype',
      ...identify(file, 'archetype'),
      errors: review.errors,
      breaking: review.breaking,
    });
  }
  for (const file of inRevisionOrder(templateFiles, templateKey)) {
    const review =
      file.errors.length > 0 ? { errors: file.errors, breaking: [] } : reviewTemplate(file.document, catalog);
    const accepted = 'value' in review && review.value && review.errors.length === 0 && review.breaking.length === 0;
    if (accepted) catalog.addTemplate(review.value!.template);
    reports.push({
      file: file.file,
      kind: 'template',
      ...identify(file, 'template'),
      errors: review.errors,
      breaking: review.breaking,
    });
  }
  return reports;
}

/** Reads the id and revision of an archetype or a template file. */
export const archetypeKey: Identity = (d) => [d['x-archetype']?.id, d['x-archetype']?.revision];
export const templateKey: Identity = (d) => [d.id, d.revision];

export type Identity = (
  document: Record<string, Record<string, unknown> | undefined> & Record<string, unknown>,
) => unknown[];

/** Files sorted by id, then revision, so that each revision is checked after the one it follows. */
export function inRevisionOrder(files: KnowledgeFile[], identity: Identity): KnowledgeFile[] {
  const keyOf = (file: KnowledgeFile): [string, string] => {
    const document = (file.document ?? {}) as Parameters<Identity>[0];
    const [id, revision] = typeof document === 'object' ? identity(document) : [];
    return [String(id ?? ''), typeof revision === 'string' && /^\d+\.\d+\.\d+$/.test(revision) ? revision : '0.0.0'];
  };
  return [...files].sort((a, b) => {
    const [idA, revA] = keyOf(a);
    const [idB, revB] = keyOf(b);
    return idA === idB ? compareRevisions(revA, revB) : idA < idB ? -1 : 1;
  });
}

function identify(file: KnowledgeFile, kind: 'archetype' | 'template'): { id?: string; revision?: string } {
  const document = file.document as Record<string, unknown> | undefined;
  const source = (kind === 'archetype' ? document?.['x-archetype'] : document) as Record<string, unknown> | undefined;
  return {
    ...(typeof source?.id === 'string' ? { id: source.id } : {}),
    ...(typeof source?.revision === 'string' ? { revision: source.revision } : {}),
  };
}
