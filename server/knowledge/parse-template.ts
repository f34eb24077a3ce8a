import type { TemplateDocument } from './element-tree.js';
import { checkAgainstMetaSchema } from './meta-validation.js';
import type { ModellingError, ParseResult } from './modelling-error.js';

/**
 * Checks a template file against the template meta-schema and the rules it cannot express.
 * Whether its archetypes exist and its constraints fit them is checked by `resolveTemplate`.
 *
 * @example
 * const result = parseTemplate(JSON.parse(fileText));
 */
export function parseTemplate(document: unknown): ParseResult<TemplateDocument> {
  const metaErrors = checkAgainstMetaSchema('template', document);
  if (metaErrors.length > 0) return { ok: false, errors: metaErrors };
  const template = document as TemplateDocument;
  const errors: ModellingError[] = [];
  const major = Number(/\.v(\d+)$/.exec(template.id)?.[1]);
  if (Number(template.revision.split('.')[0]) !== major) {
    errors.push({ path: '/revision', message: `must start with ${major}, the major version in the id (.v${major})` });
  }
  const slotIds = new Set<string>();
  template.slots.forEach((slot, index) => {
    const path = `/slots/${index}`;
    if (slotIds.has(slot.id)) errors.push({ path: `${path}/id`, message: `slot "${slot.id}" appears twice` });
    slotIds.add(slot.id);
    if (!(slot.archetype in template.archetypes)) {
      errors.push({
        path: `${path}/archetype`,
        message: `"${slot.archetype}" must be pinned to a revision in "archetypes"`,
      });
    }
    const min = slot.min ?? 0;
    if (slot.max !== undefined && slot.max !== -1 && slot.max < min) {
      errors.push({ path: `${path}/max`, message: `must be at least min (${min}), or -1 for unbounded` });
    }
  });
  const minEntries = template.minEntries ?? 1;
  const capacity = template.slots.reduce((sum, slot) => (slot.max === -1 ? Infinity : sum + (slot.max ?? 1)), 0);
  if (minEntries > capacity)
    errors.push({ path: '/minEntries', message: `the slots hold at most ${capacity} entries` });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: template };
}
