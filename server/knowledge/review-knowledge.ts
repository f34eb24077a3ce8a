import { checkElementValues } from './check-element-values.js';
import { checkArchetypeCompatibility, checkTemplateCompatibility, type BreakingChange } from './compatibility.js';
import { compositionValidators } from './composition-validators.js';
import type { ArchetypeModel, TemplateDocument } from './element-tree.js';
import { exampleComposition } from './example-composition.js';
import { buildFormDefinition, type FormDefinition } from './form-definition.js';
import type { KnowledgeCatalog } from './knowledge-catalog.js';
import type { ModellingError } from './modelling-error.js';
import { parseArchetype } from './parse-archetype.js';
import { parseTemplate } from './parse-template.js';
import { compareRevisions } from './revision-order.js';

/** The outcome of checking one file: the parsed value when usable, its problems, its breaking changes. */
export interface Review<T> {
  value?: T;
  errors: ModellingError[];
  breaking: BreakingChange[];
}

/**
 * Everything the registry checks before it accepts an archetype revision: the meta-schema, the
 * modelling rules, defaults and examples, the revision order, and compatibility with the latest
 * earlier revision of the same major version that the catalog holds.
 *
 * @example
 * const review = reviewArchetype(document, catalog);
 * if (review.errors.length || review.breaking.length) refuse(review);
 */
export function reviewArchetype(document: unknown, catalog: KnowledgeCatalog): Review<ArchetypeModel> {
  const parsed = parseArchetype(document);
  if (!parsed.ok) return { errors: parsed.errors, breaking: [] };
  const model = parsed.value;
  const errors = checkElementValues(model.children).map((e) => ({ ...e, path: `/properties${e.path}` }));
  const earlier = catalog
    .archetypeRevisions(model.metadata.id)
    .filter((other) => other.metadata.revision !== model.metadata.revision);
  const previous = latestBefore(
    earlier.map((m) => [m.metadata.revision, m.metadata.lifecycle, m] as const),
    model.metadata.revision,
    errors,
    '/x-archetype/revision',
  );
  const breaking = previous ? checkArchetypeCompatibility(previous, model) : [];
  return { value: model, errors, breaking };
}

/**
 * Everything the registry checks before it accepts a template revision: the meta-schema, that it
 * resolves against the archetype revisions it pins, that defaults fit, that a valid example can
 * be made, and compatibility with the latest earlier revision.
 */
export function reviewTemplate(
  document: unknown,
  catalog: KnowledgeCatalog,
): Review<{ template: TemplateDocument; form: FormDefinition }> {
  const parsed = parseTemplate(document);
  if (!parsed.ok) return { errors: parsed.errors, breaking: [] };
  const template = parsed.value;
  const resolved = catalog.resolve(template);
  if (!resolved.ok) return { errors: resolved.errors, breaking: [] };
  const errors: ModellingError[] = resolved.value.slots.flatMap((slot, index) =>
    checkElementValues(slot.children).map((e) => ({
      path: `/slots/${index}/constraints${e.path.replace(/\/(default|examples\/\d+)$/, '')}`,
      message: e.message,
    })),
  );
  const form = buildFormDefinition(resolved.value);
  const exampleErrors = compositionValidators.validate(form, exampleComposition(resolved.value));
  for (const error of exampleErrors) {
    errors.push({
      path: '/slots',
      message: `no valid example composition can be made (${error.path}: ${error.message}); add examples to that element`,
    });
  }
  const earlier = catalog.templateRevisions(template.id).filter((other) => other.revision !== template.revision);
  const previous = latestBefore(
    earlier.map((t) => [t.revision, t.lifecycle, t] as const),
    template.revision,
    errors,
    '/revision',
  );
  const previousResolved = previous ? catalog.resolve(previous) : undefined;
  const breaking = previousResolved?.ok ? checkTemplateCompatibility(previousResolved.value, resolved.value) : [];
  return { value: { template, form }, errors, breaking };
}

/** The latest earlier non-draft revision; a revision below it is refused, as history is linear. */
function latestBefore<T>(
  earlier: (readonly [string, string, T])[],
  revision: string,
  errors: ModellingError[],
  path: string,
): T | undefined {
  const released = earlier.filter(([, lifecycle]) => lifecycle !== 'draft').sort(([a], [b]) => compareRevisions(a, b));
  const latest = released.at(-1);
  if (latest && compareRevisions(latest[0], revision) > 0) {
    errors.push({ path, message: `must be above ${latest[0]}, the latest released revision` });
    return undefined;
  }
  return latest?.[2];
}
