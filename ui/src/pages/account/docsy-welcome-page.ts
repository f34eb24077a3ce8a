import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { roleNames } from '../../app/account.js';
import { DocsyPage } from '../../app/docsy-page.js';

/** The start page of a role without one of its own. */
@customElement('docsy-welcome-page')
export class DocsyWelcomePage extends DocsyPage {
  override render() {
    const account = this.account;
    return html`<h1 tabindex="-1">Welcome, ${account.name}</h1>
      <p>You are signed in as ${account.roles.map((role) => roleNames[role]).join(', ')}.</p>
      <p class="note">The pages for your role are not in this version of Docsy yet.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-welcome-page': DocsyWelcomePage;
  }
}
