import { ApiError } from '../http/api-error.js';
import type { KnowledgeRegistry } from '../knowledge/knowledge-registry.js';
import { templateTarget, type TemplateTarget } from './permission-policy.js';

/** The templates the policy is applied to, from the knowledge registry. */
export interface TemplateTargets {
  /** One template revision (the latest released without one), or undefined when unknown. */
  of(templateId: string, revision?: string): Promise<TemplateTarget | undefined>;
  /** Every template the registry holds, one entry per id (entry classes of all its revisions). */
  all(): Promise<TemplateTarget[]>;
}

/**
 * Template targets backed by the knowledge registry.
 *
 * @example
 * const templates = registryTemplateTargets(registry);
 * await templates.of('docsy.prescription.v1');
 */
export function registryTemplateTargets(registry: KnowledgeRegistry): TemplateTargets {
  return {
    async of(templateId, revision) {
      try {
        const form = await registry.form(templateId, revision);
        return templateTarget({ ...form.template, archetypes: form.archetypes });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'NOT_FOUND') return undefined;
        throw error;
      }
    },
    async all() {
      await registry.ready();
      const byId = new Map<string, TemplateTarget>();
      for (const template of registry.catalog.allTemplates()) {
        const target = templateTarget(template);
        const seen = byId.get(target.id);
        const entryClasses = [...new Set([...(seen?.entryClasses ?? []), ...target.entryClasses])];
        byId.set(target.id, { ...target, entryClasses });
      }
      return [...byId.values()];
    },
  };
}
