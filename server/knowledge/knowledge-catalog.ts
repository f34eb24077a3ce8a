import type { ArchetypeModel, ResolvedTemplate, TemplateDocument } from './element-tree.js';
import { buildFormDefinition, type FormDefinition } from './form-definition.js';
import type { ParseResult } from './modelling-error.js';
import { resolveTemplate } from './resolve-template.js';
import { compareRevisions } from './revision-order.js';

/**
 * Parsed archetype and template revisions held in memory, with the form definitions built from
 * them. Published revisions never change, so nothing held here ever goes stale; the registry
 * fills it from the database and from files.
 *
 * @example
 * const catalog = new KnowledgeCatalog();
 * catalog.addArchetype(model);
 * catalog.form('docsy.vital_signs.v1', '1.0.0');
 */
export class KnowledgeCatalog {
  readonly #archetypes = new Map<string, ArchetypeModel>();
  readonly #templates = new Map<string, TemplateDocument>();
  readonly #forms = new Map<string, FormDefinition>();

  /** A catalog holding everything this one holds, to try drafts on without touching this one. */
  copy(): KnowledgeCatalog {
    const copy = new KnowledgeCatalog();
    for (const model of this.#archetypes.values()) copy.addArchetype(model);
    for (const template of this.#templates.values()) copy.addTemplate(template);
    return copy;
  }

  addArchetype(model: ArchetypeModel): void {
    this.#archetypes.set(key(model.metadata.id, model.metadata.revision), model);
  }

  addTemplate(template: TemplateDocument): void {
    const id = key(template.id, template.revision);
    this.#templates.set(id, template);
    this.#forms.delete(id);
  }

  archetype(id: string, revision: string): ArchetypeModel | undefined {
    return this.#archetypes.get(key(id, revision));
  }

  template(id: string, revision: string): TemplateDocument | undefined {
    return this.#templates.get(key(id, revision));
  }

  /** Every revision held of one archetype, oldest first. */
  archetypeRevisions(id: string): ArchetypeModel[] {
    return [...this.#archetypes.values()]
      .filter((model) => model.metadata.id === id)
      .sort((a, b) => compareRevisions(a.metadata.revision, b.metadata.revision));
  }

  /** Every revision held of one template, oldest first. */
  templateRevisions(id: string): TemplateDocument[] {
    return [...this.#templates.values()]
      .filter((template) => template.id === id)
      .sort((a, b) => compareRevisions(a.revision, b.revision));
  }

  allArchetypes(): ArchetypeModel[] {
    return [...this.#archetypes.values()];
  }

  allTemplates(): TemplateDocument[] {
    return [...this.#templates.values()];
  }

  resolve(template: TemplateDocument): ParseResult<ResolvedTemplate> {
    return resolveTemplate(template, (id, revision) => this.archetype(id, revision));
  }

  /** The form definition of a template revision held here, built once. */
  form(id: string, revision: string): FormDefinition | undefined {
    const cacheKey = key(id, revision);
    const cached = this.#forms.get(cacheKey);
    if (cached) return cached;
    const template = this.#templates.get(cacheKey);
    if (!template) return undefined;
    const resolved = this.resolve(template);
    if (!resolved.ok) return undefined;
    const form = buildFormDefinition(resolved.value);
    this.#forms.set(cacheKey, form);
    return form;
  }
}

function key(id: string, revision: string): string {
  return `${id}@${revision}`;
}
