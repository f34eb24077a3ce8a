import type { FieldError } from '../http/api-error.js';
import { ApiError } from '../http/api-error.js';
import type { FormDefinition } from '../knowledge/form-definition.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';

/** The template revision a version is validated against, and whether it takes new compositions. */
export interface CommitTemplate {
  form: FormDefinition;
  /** Published: takes new compositions and amendments. Deprecated: only amendments that keep it. */
  published: boolean;
}

/**
 * Finds the exact template revision a composition names and applies the lifecycle rule
 * (docs/ehr.md, "Which template revision"): a creation needs a published revision; an amendment
 * may also name a deprecated one (the database then checks it is the composition's own); a
 * draft takes nothing. An import of past records may name a deprecated revision too (see
 * `CompositionCommits.importHistory`). Returns the problems as field errors under `pathPrefix`.
 *
 * @example
 * const found = await templateForCommit(registry, { id: 'docsy.vital_signs.v1', revision: '1.0.0' }, 'creation');
 * if ('errors' in found) throw validationProblem(found.errors);
 */
export async function templateForCommit(
  registry: KnowledgeRegistry,
  template: { id: string; revision: string },
  purpose: 'creation' | 'amendment' | 'import',
  pathPrefix = '',
): Promise<CommitTemplate | { errors: FieldError[] }> {
  const form = await registry.form(template.id, template.revision).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === 'NOT_FOUND') return undefined;
    throw error;
  });
  if (!form) return { errors: [await missingTemplate(registry, template, pathPrefix)] };
  const { lifecycle } = form.template;
  if (lifecycle === 'published') return { form, published: true };
  if (lifecycle === 'deprecated' && purpose !== 'creation') return { form, published: false };
  const latest = await registry.latestReleasedTemplateRevision(template.id);
  const instead = latest && latest !== template.revision ? `; use revision ${latest}` : '';
  const message =
    lifecycle === 'draft'
      ? `revision ${template.revision} of ${template.id} is a draft, which takes no compositions${instead}`
      : `revision ${template.revision} of ${template.id} is deprecated and takes no new compositions${instead}`;
  return { errors: [{ path: `${pathPrefix}/template/revision`, message }] };
}

async function missingTemplate(
  registry: KnowledgeRegistry,
  template: { id: string; revision: string },
  pathPrefix: string,
): Promise<FieldError> {
  const revisions = await registry.repository.revisions('template', template.id);
  if (revisions.length === 0)
    return { path: `${pathPrefix}/template/id`, message: `no template ${template.id} exists` };
  return {
    path: `${pathPrefix}/template/revision`,
    message: `${template.id} has no revision ${template.revision} (it has ${revisions.map((r) => r.revision).join(', ')})`,
  };
}
