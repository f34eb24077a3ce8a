import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import { categoryCompositions } from '../../record/category-compositions.js';
import { categoryCounts, recordCatalog } from '../../record/record-catalog.js';
import { compositionTable, recordTabs } from '../../record/record-listing.js';

/**
 * The patient's own record by category (`/record?category=allergies`): a tab per category with
 * its count, and the category's current compositions, each opening its page.
 */
@customElement('docsy-record-page')
export class DocsyRecordPage extends DocsyPage {
  private record = new Loader(
    this,
    async () => {
      const ehrId = this.account.ehrId!;
      const [catalog, summary] = await Promise.all([recordCatalog(this.api), this.api.ehrSummary(ehrId)]);
      return { catalog, summary, counts: categoryCounts(catalog, summary.templates) };
    },
    () => (this.app?.account ? [this.app.account.ehrId] : undefined),
  );

  private entries = new Loader(
    this,
    async () => {
      const { catalog, summary } = this.record.value!;
      return categoryCompositions(this.api, catalog, summary.ehrId, summary.templates, this.category);
    },
    () => (this.record.value ? [this.category, this.record.value.summary.lastCommittedAt] : undefined),
  );

  /** The category shown: the query's, else the first that holds something. */
  private get category(): string {
    const counts = this.record.value?.counts ?? [];
    return this.query.get('category') ?? counts.find(({ count }) => count > 0)?.category.id ?? 'prescriptions';
  }

  override render() {
    return html`<h1 tabindex="-1">My record</h1>
      <p class="lead">
        Everything recorded about you, by category. Open an entry to read it, see its history, download it or hide it
        from practitioners.
      </p>
      ${this.record.render(({ catalog, counts }) => {
        const label = counts.find(({ category }) => category.id === this.category)?.category.label ?? 'Entries';
        return html`${recordTabs('Record categories', counts, this.category, (id) => `/record?category=${id}`)}
          <h2>${label}</h2>
          ${this.entries.render(
            (items) =>
              compositionTable({
                caption: `${label}: ${items.length} ${items.length === 1 ? 'entry' : 'entries'}`,
                items,
                catalog,
                hrefOf: (uid) => `/record/${uid}`,
                empty: `Nothing is recorded under ${label.toLowerCase()}.`,
              }),
            `Loading ${label.toLowerCase()}…`,
          )}`;
      }, 'Loading your record…')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-record-page': DocsyRecordPage;
  }
}
