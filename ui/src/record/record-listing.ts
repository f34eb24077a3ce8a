import { html, nothing, type TemplateResult } from 'lit';
import type { CompositionSummary } from '../record-types.js';
import type { RecordCatalog } from './record-catalog.js';
import type { RecordCategory } from './record-categories.js';

/**
 * A moment for a list, in the browser's time zone, to the minute.
 *
 * @example
 * momentInWords('2026-11-03T08:00:00.000Z'); // '3 Nov 2026, 08:00' (in London)
 */
export function momentInWords(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * The category tabs of a record: links (so they work as bookmarks and with back/forward), the
 * current one marked, each with its count.
 *
 * @example
 * recordTabs('Record categories', counts, 'allergies', (id) => `/record?category=${id}`);
 */
export function recordTabs(
  label: string,
  counts: readonly { category: RecordCategory; count: number }[],
  current: string,
  hrefOf: (categoryId: string) => string,
): TemplateResult {
  return html`<nav class="tabs" aria-label=${label}>
    <ul>
      ${counts.map(
        ({ category, count }) =>
          html`<li>
            <a href=${hrefOf(category.id)} aria-current=${category.id === current ? 'page' : nothing}
              >${category.label} <span class="meta">(${count})</span></a
            >
          </li>`,
      )}
    </ul>
  </nav>`;
}

/**
 * A category's compositions as a table: what (a link that opens it), when, by whom, and whether
 * it is restricted; or a sentence saying the category is empty.
 *
 * @example
 * compositionTable({ label: 'Allergies', items, catalog, hrefOf: (uid) => `/record/${uid}` });
 */
export function compositionTable(options: {
  /** The category's label: `Allergies`. */
  label: string;
  items: readonly CompositionSummary[];
  catalog: RecordCatalog;
  hrefOf: (uid: string) => string;
}): TemplateResult {
  const { label, items, catalog, hrefOf } = options;
  if (items.length === 0) return html`<p class="empty">Nothing is recorded under ${label.toLowerCase()}.</p>`;
  const caption = `${label}: ${items.length} ${items.length === 1 ? 'entry' : 'entries'}`;
  return html`<table>
    <caption>
      ${caption}
    </caption>
    <thead>
      <tr>
        <th scope="col">Entry</th>
        <th scope="col">Date</th>
        <th scope="col">Recorded by</th>
        <th scope="col">Visibility</th>
      </tr>
    </thead>
    <tbody>
      ${items.map(
        (item) =>
          html`<tr>
            <td><a href=${hrefOf(item.uid)}>${catalog.titleOf(item.template.id)}</a></td>
            <td>${momentInWords(item.startTime)}</td>
            <td>${item.composer.name}</td>
            <td>
              ${item.restricted ? html`<span class="badge alert">Restricted</span>` : html`<span class="meta">Shared</span>`}
            </td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}
