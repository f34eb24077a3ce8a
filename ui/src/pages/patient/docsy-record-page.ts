import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { CategoryBrowser } from '../../record/category-browser.js';

/**
 * The patient's own record by category (`/record?category=allergies`): a tab per category with
 * its count, and the category's current compositions, each opening its page.
 */
@customElement('docsy-record-page')
export class DocsyRecordPage extends DocsyPage {
  private browser = new CategoryBrowser(this, () => this.app?.account?.ehrId, {
    category: (id) => `/record?category=${id}`,
    entry: (uid) => `/record/${uid}`,
  });

  override render() {
    return html`<h1 tabindex="-1">My record</h1>
      <p class="lead">
        Everything recorded about you, by category. Open an entry to read it, see its history, download it or hide it
        from practitioners.
      </p>
      ${this.browser.record.render((record) => this.browser.render(record, 2), 'Loading your record…')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-record-page': DocsyRecordPage;
  }
}
