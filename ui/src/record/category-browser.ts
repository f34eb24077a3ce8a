import { html, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DocsyApi } from '../api.js';
import { Loader } from '../app/loader.js';
import type { CompositionSummary, EhrSummary } from '../record-types.js';
import { categoryCompositions } from './category-compositions.js';
import { categoryCounts, recordCatalog, type RecordCatalog } from './record-catalog.js';
import type { RecordCategory } from './record-categories.js';
import { compositionTable, recordTabs } from './record-listing.js';

/** What a category browser needs from its page. */
export interface CategoryBrowserHost extends ReactiveControllerHost {
  readonly api: DocsyApi;
  readonly query: URLSearchParams;
}

/** The loaded record: the template catalog, the EHR summary and the count of each category. */
export interface LoadedRecord {
  catalog: RecordCatalog;
  summary: EhrSummary;
  counts: { category: RecordCategory; count: number }[];
}

/**
 * A record read by category, for a page: loads the catalog and the EHR summary when the EHR id
 * is known, then the chosen category's compositions (`?category=`, else the first category that
 * holds something), and renders the tabs and the category's table.
 *
 * @example
 * private browser = new CategoryBrowser(this, () => this.account.ehrId, {
 *   category: (id) => `/record?category=${id}`,
 *   entry: (uid) => `/record/${uid}`,
 * });
 */
export class CategoryBrowser {
  readonly record: Loader<LoadedRecord>;
  readonly entries: Loader<CompositionSummary[]>;
  readonly #host: CategoryBrowserHost;
  readonly #links: { category: (id: string) => string; entry: (uid: string) => string };

  constructor(
    host: CategoryBrowserHost,
    ehrId: () => string | undefined,
    links: { category: (id: string) => string; entry: (uid: string) => string },
  ) {
    this.#host = host;
    this.#links = links;
    this.record = new Loader(
      host,
      async () => {
        const [catalog, summary] = await Promise.all([recordCatalog(host.api), host.api.ehrSummary(ehrId()!)]);
        return { catalog, summary, counts: categoryCounts(catalog, summary.templates) };
      },
      () => (ehrId() ? [ehrId()] : undefined),
    );
    this.entries = new Loader(
      host,
      () => {
        const { catalog, summary } = this.record.value!;
        return categoryCompositions(host.api, catalog, summary.ehrId, summary.templates, this.category);
      },
      () => (this.record.value ? [this.category, this.record.value.summary.lastCommittedAt] : undefined),
    );
  }

  /** The category shown: the query's, else the first that holds something. */
  get category(): string {
    const counts = this.record.value?.counts ?? [];
    return this.#host.query.get('category') ?? counts.find(({ count }) => count > 0)?.category.id ?? 'prescriptions';
  }

  /** The tabs, a heading of the given level naming the category, and its entries. */
  render({ counts, catalog }: LoadedRecord, headingLevel: 2 | 3): TemplateResult {
    const label = counts.find(({ category }) => category.id === this.category)?.category.label ?? 'Entries';
    return html`${recordTabs('Record categories', counts, this.category, this.#links.category)}
    ${headingLevel === 2 ? html`<h2>${label}</h2>` : html`<h3>${label}</h3>`}
    ${this.entries.render(
      (items) => compositionTable({ label, items, catalog, hrefOf: this.#links.entry }),
      `Loading ${label.toLowerCase()}…`,
    )}`;
  }
}
