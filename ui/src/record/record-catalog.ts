import type { DocsyApi } from '../api.js';
import type { TemplateSummary } from '../record-types.js';
import { categoryOfArchetypes, otherCategory, recordCategories, type RecordCategory } from './record-categories.js';

/** The templates the server knows, each placed in a record category. */
export interface RecordCatalog {
  templates: readonly TemplateSummary[];
  /** The category of a template id (a template the server no longer lists: Other). */
  categoryOf(templateId: string): RecordCategory;
  /** The title to show for a template id (the id itself when unknown). */
  titleOf(templateId: string): string;
}

const catalogs = new WeakMap<DocsyApi, Promise<RecordCatalog>>();

/**
 * The template list (`GET /api/templates`) with each template's category, derived from the
 * archetypes of its slots (`GET /api/templates/{id}`); loaded once per API client.
 *
 * @example
 * const catalog = await recordCatalog(api);
 * catalog.categoryOf('docsy.allergy_record.v1').label; // 'Allergies'
 */
export function recordCatalog(api: DocsyApi): Promise<RecordCatalog> {
  let catalog = catalogs.get(api);
  if (!catalog) {
    catalog = loadCatalog(api);
    catalogs.set(api, catalog);
    catalog.catch(() => catalogs.delete(api));
  }
  return catalog;
}

async function loadCatalog(api: DocsyApi): Promise<RecordCatalog> {
  const templates = await api.templates();
  const files = await Promise.all(templates.map((template) => api.templateFile(template.id)));
  const categories = new Map(
    files.map((file) => [file.id, categoryOfArchetypes(file.slots.map((slot) => slot.archetype))]),
  );
  const titles = new Map(templates.map((template) => [template.id, template.title]));
  return {
    templates,
    categoryOf: (id) => categories.get(id) ?? otherCategory,
    titleOf: (id) => titles.get(id) ?? id,
  };
}

/**
 * The categories in their reading order, with how many of the given template counts fall in each
 * (Other only when something is in it).
 *
 * @example
 * categoryCounts(catalog, summary.templates); // [{ category: {id: 'prescriptions', …}, count: 3 }, …]
 */
export function categoryCounts(
  catalog: RecordCatalog,
  templateCounts: readonly { id: string; count: number }[],
): { category: RecordCategory; count: number }[] {
  const counts = new Map<string, number>();
  for (const { id, count } of templateCounts) {
    const category = catalog.categoryOf(id).id;
    counts.set(category, (counts.get(category) ?? 0) + count);
  }
  const all = [...recordCategories, otherCategory].map((category) => ({
    category,
    count: counts.get(category.id) ?? 0,
  }));
  return all.filter(({ category, count }) => category !== otherCategory || count > 0);
}
