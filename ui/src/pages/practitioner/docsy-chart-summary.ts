import { LitElement, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { DocsyApi } from '../../api.js';
import { Loader } from '../../app/loader.js';
import { pageStyles } from '../../app/page.styles.js';
import { summaryItems, summaryLists, type SummaryItem, type SummaryList } from '../../record/chart-summary.js';

/**
 * The chart's summary: active allergies, active problems and current medications, derived from
 * the patient's current compositions (`ui/src/record/chart-summary.ts`); each item opens its entry.
 * A list the practitioner may not read (a pharmacist and problems) says so.
 */
@customElement('docsy-chart-summary')
export class DocsyChartSummary extends LitElement {
  static override styles = pageStyles;

  @property({ attribute: false }) api: DocsyApi | undefined = undefined;
  @property({ attribute: 'ehr-id' }) ehrId = '';
  /** Where an entry opens. */
  @property({ attribute: false }) hrefOf: (uid: string) => string = (uid) => uid;

  private lists = summaryLists.map(
    (list) =>
      [
        list,
        new Loader<SummaryItem[]>(
          this,
          () => summaryItems(this.api!, list, this.ehrId),
          () => (this.api && this.ehrId ? [this.ehrId] : undefined),
        ),
      ] as const,
  );

  /** Loads every list again (after an entry was recorded). */
  reload(): void {
    for (const [, loader] of this.lists) void loader.reload();
  }

  private renderList(list: SummaryList, items: SummaryItem[]) {
    if (items.length === 0) return html`<p class="empty">${list.empty}</p>`;
    return html`<ul class="plain">
      ${items.map(
        (item) =>
          html`<li>
            <a href=${this.hrefOf(item.uid)}>${item.name || 'Unnamed'}</a>
            ${item.detail ? html`<span class="meta">${item.detail}</span>` : nothing}
          </li>`,
      )}
    </ul>`;
  }

  override render() {
    return html`<div class="grid">
      ${this.lists.map(
        ([list, loader]) =>
          html`<section class="card" aria-labelledby=${`summary-${list.id}`}>
            <h3 id=${`summary-${list.id}`}>${list.heading}</h3>
            ${loader.render((items) => this.renderList(list, items), `Loading ${list.heading.toLowerCase()}…`)}
          </section>`,
      )}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-chart-summary': DocsyChartSummary;
  }
}
