import { html, type TemplateResult } from 'lit';
import type { DocsyApi } from '../api.js';
import type { StoredComposition } from '../form/form-definition.js';
import '../views/docsy-history.js';
import './docsy-record-downloads.js';

/**
 * The Downloads section of an entry's page: its PDF and attached files.
 *
 * @example
 * html`${downloadsSection(this.api, composition, 'Prescription')}`;
 */
export function downloadsSection(api: DocsyApi, composition: StoredComposition, title: string): TemplateResult {
  return html`<section aria-labelledby="downloads">
    <h2 id="downloads">Downloads</h2>
    <docsy-record-downloads .api=${api} .composition=${composition} document-name=${title}></docsy-record-downloads>
  </section>`;
}

/**
 * The History section of an entry's page: every version, and the difference of any two.
 *
 * @example
 * html`${historySection(this.api, ehrId, uid)}`;
 */
export function historySection(api: DocsyApi, ehrId: string, uid: string): TemplateResult {
  return html`<section aria-labelledby="history">
    <h2 id="history">History</h2>
    <docsy-history .api=${api} ehr-id=${ehrId} composition-uid=${uid}></docsy-history>
  </section>`;
}
