import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { DocsyPage } from './docsy-page.js';

/**
 * What the shell shows for a location no page has (`not-found`), or a page the account's roles
 * may not open (`forbidden`).
 */
@customElement('docsy-status-page')
export class DocsyStatusPage extends DocsyPage {
  static override forVisitors = true;

  @property() kind: 'not-found' | 'forbidden' = 'not-found';

  override get pageTitle(): string {
    return this.kind === 'forbidden' ? 'Not for your role' : 'Page not found';
  }

  override render() {
    return html`<h1 tabindex="-1">${this.pageTitle}</h1>
      <p>
        ${
          this.kind === 'forbidden'
            ? 'This page is not available to your role.'
            : `There is no page at ${location.pathname}.`
        }
      </p>
      <p><a href="/">Go to your start page</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-status-page': DocsyStatusPage;
  }
}
