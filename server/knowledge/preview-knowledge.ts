import { ApiError } from '../http/api-error.js';
import type { BreakingChange } from './compatibility.js';
import type { ArchetypeModel } from './element-tree.js';
import type { FormDefinition } from './form-definition.js';
import type { KnowledgeCatalog } from './knowledge-catalog.js';
import type { ModellingError } from './modelling-error.js';
import { reviewArchetype, reviewTemplate } from './review-knowledge.js';
import { compareRevisions } from './revision-order.js';
import { checkSizeAndDepth } from './untrusted-json.js';

/** What the modeller's editor shows beside a draft: the form it makes and its compatibility report. */
export interface KnowledgePreview {
  form: FormDefinition;
  /** Breaking changes against the latest released revision of the same id (the draft is not refused for them here). */
  breaking: BreakingChange[];
}

/**
 * Resolves draft knowledge without storing anything: archetypes (given as files) are tried on a
 * copy of the catalog, then the template, or, when none is given, a one-slot template around the
 * first archetype. Problems in a file are 422 with paths into the request (`/archetypes/0/…`,
 * `/template/…`).
 *
 * @example
 * const { form, breaking } = previewKnowledge(registry.catalog, { archetypes: [draft] });
 */
export function previewKnowledge(
  catalog: KnowledgeCatalog,
  request: { template?: unknown; archetypes?: unknown[] },
): KnowledgePreview {
  const trial = catalog.copy();
  const errors: ModellingError[] = [];
  const breaking: BreakingChange[] = [];
  const drafts: ArchetypeModel[] = [];
  (request.archetypes ?? []).forEach((document, index) => {
    const where = `/archetypes/${index}`;
    const limits = checkSizeAndDepth(JSON.stringify(document ?? null).length, document);
    const review = limits.length > 0 ? { errors: limits, breaking: [] } : reviewArchetype(document, trial);
    errors.push(...review.errors.map((e) => ({ path: `${where}${e.path}`, message: e.message })));
    breaking.push(...review.breaking.map((b) => ({ ...b, path: `${where}: ${b.path}` })));
    if ('value' in review && review.value) {
      trial.addArchetype(review.value);
      drafts.push(review.value);
    }
  });
  if (errors.length > 0)
    throw new ApiError('VALIDATION_FAILED', `The drafts have ${errors.length} problem(s)`, { errors });
  const template = request.template ?? wrapperTemplate(drafts[0], trial);
  if (!template)
    throw new ApiError('VALIDATION_FAILED', 'Give a template, or an entry archetype to preview on its own', {
      errors: [{ path: '', message: 'needs a template or an entry archetype' }],
    });
  const review = reviewTemplate(template, trial);
  if (!review.value || review.errors.length > 0) {
    const prefix = request.template ? '/template' : '/archetypes/0';
    throw new ApiError('VALIDATION_FAILED', `The template has ${review.errors.length} problem(s)`, {
      errors: review.errors.map((e) => ({ path: `${prefix}${e.path}`, message: e.message })),
    });
  }
  return {
    form: review.value.form,
    breaking: [...breaking, ...review.breaking.map((b) => ({ ...b, path: `/template: ${b.path}` }))],
  };
}

/** A draft template with one slot holding the archetype, pinning the latest revision of every cluster it uses. */
function wrapperTemplate(model: ArchetypeModel | undefined, catalog: KnowledgeCatalog): unknown {
  if (!model || model.metadata.entryClass === 'CLUSTER') return undefined;
  const pins: Record<string, string> = { [model.metadata.id]: model.metadata.revision };
  for (const id of clusterIds(model, catalog, new Set())) {
    const latest = catalog
      .archetypeRevisions(id)
      .sort((a, b) => compareRevisions(a.metadata.revision, b.metadata.revision))
      .at(-1);
    if (latest) pins[id] = latest.metadata.revision;
  }
  return {
    id: 'preview.archetype.v1',
    revision: '1.0.0',
    lifecycle: 'draft',
    title: model.title,
    category: 'event',
    authorRoles: ['doctor'],
    archetypes: pins,
    slots: [{ id: 'entry', archetype: model.metadata.id, min: 1 }],
  };
}

function clusterIds(model: ArchetypeModel, catalog: KnowledgeCatalog, seen: Set<string>): Set<string> {
  const visit = (nodes: ArchetypeModel['children']): void => {
    for (const node of nodes) {
      if (node.kind === 'group') visit(node.children);
      if (node.kind !== 'cluster' || seen.has(node.archetypeId)) continue;
      seen.add(node.archetypeId);
      const cluster = catalog.archetypeRevisions(node.archetypeId).at(-1);
      if (cluster) visit(cluster.children);
    }
  };
  visit(model.children);
  return seen;
}
