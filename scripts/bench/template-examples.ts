import type { KnowledgeRegistry } from '../../server/knowledge/knowledge-registry.js';
import { exampleComposition } from '../../server/knowledge/example-composition.js';
import type { TemplateFacts } from './ehr-history-rows.js';
import { benchTemplates, type BenchTemplateId, type CompositionBody } from './synthetic-compositions.js';

/** A template of the data set: its published revision and category, and its example composition. */
export interface TemplateExample {
  facts: TemplateFacts;
  body: CompositionBody;
}

/**
 * The example composition (what `GET /api/templates/{id}/example` answers) and the facts of the
 * latest published revision of each template the benchmark writes.
 *
 * @example
 * const examples = await templateExamples(registry);
 * const body = syntheticComposition(examples['docsy.vital_signs.v1'].body, 7);
 */
export async function templateExamples(registry: KnowledgeRegistry): Promise<Record<BenchTemplateId, TemplateExample>> {
  const entries = await Promise.all(
    benchTemplates.map(async ({ id }) => {
      const form = await registry.form(id);
      const resolved = registry.catalog.resolve(registry.catalog.template(id, form.template.revision)!);
      if (!resolved.ok) throw new Error(`template ${id} does not resolve`);
      const facts = { id, revision: form.template.revision, category: form.template.category };
      return [id, { facts, body: exampleComposition(resolved.value) as unknown as CompositionBody }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<BenchTemplateId, TemplateExample>;
}
