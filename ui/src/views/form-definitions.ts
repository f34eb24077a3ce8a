import type { DocsyApi } from '../api.js';
import type { FormDefinition } from '../form/form-definition.js';

const cache = new WeakMap<DocsyApi, Map<string, Promise<FormDefinition>>>();

/**
 * The form definition of an exact template revision, fetched once per API client: a released
 * revision never changes, so views of many compositions share it.
 *
 * @example
 * const definition = await formDefinitionOf(api, composition.template.id, composition.template.revision);
 */
export function formDefinitionOf(api: DocsyApi, templateId: string, revision: string): Promise<FormDefinition> {
  let definitions = cache.get(api);
  if (!definitions) cache.set(api, (definitions = new Map()));
  const key = `${templateId}@${revision}`;
  let definition = definitions.get(key);
  if (!definition) {
    definition = api.formDefinition(templateId, revision);
    definitions.set(key, definition);
    definition.catch(() => definitions.delete(key));
  }
  return definition;
}
