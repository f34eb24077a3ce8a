import type { DocsyApi } from '../api.js';
import type { CompositionSummary } from '../record-types.js';
import type { RecordCatalog } from './record-catalog.js';

/**
 * The current compositions of one record category in an EHR, newest first: one
 * `GET /api/ehr/{ehr_id}/compositions?template=` per template of the category that the EHR holds.
 *
 * @example
 * const allergies = await categoryCompositions(api, catalog, ehrId, summary.templates, 'allergies');
 */
export async function categoryCompositions(
  api: DocsyApi,
  catalog: RecordCatalog,
  ehrId: string,
  held: readonly { id: string }[],
  categoryId: string,
): Promise<CompositionSummary[]> {
  const templates = held.filter((template) => catalog.categoryOf(template.id).id === categoryId);
  const lists = await Promise.all(templates.map((template) => api.compositions(ehrId, { template: template.id })));
  return lists.flat().sort((a, b) => Date.parse(b.startTime) - Date.parse(a.startTime));
}
