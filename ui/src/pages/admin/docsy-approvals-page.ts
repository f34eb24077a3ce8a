import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { accountTable, registeredOn, roleList } from './account-cells.js';
import { AccountPages } from './account-pages.js';
import { setAccountStatus, type AdminAccount } from './admin-client.js';

/**
 * The admin's start page (SPEC §1: "approves practitioners"): every account waiting for
 * approval, oldest first, each approved (it may sign in at once) or rejected (it stays unable
 * to sign in; the Accounts page can enable it later). A rejection is confirmed first.
 */
@customElement('docsy-approvals-page')
export class DocsyApprovalsPage extends DocsyPage {
  @state() private confirming: string | undefined;
  @state() private busy: string | undefined;
  @state() private problem: unknown;
  @state() private done = '';

  private accounts = new AccountPages(
    this,
    () => this.app?.api,
    () => ({ status: 'pending' }),
  );

  private async decide(account: AdminAccount, status: 'active' | 'disabled'): Promise<void> {
    this.busy = account.id;
    this.problem = undefined;
    try {
      await setAccountStatus(this.api, account.id, status);
      this.accounts.update(account, false);
      this.confirming = undefined;
      this.done =
        status === 'active'
          ? `Approved ${account.name} (${account.email}); they can sign in now.`
          : `Rejected ${account.name} (${account.email}); they cannot sign in.`;
      this.app.announce(this.done);
      await this.focusHeading();
    } catch (error) {
      this.problem = error;
    } finally {
      this.busy = undefined;
    }
  }

  override render() {
    return html`<h1 tabindex="-1">Approvals</h1>
      <p class="lead">
        Practitioners and modellers who registered wait here until an administrator approves them. Patients are active
        at once.
      </p>
      ${this.done ? html`<p class="success">${this.done}</p>` : nothing}
      <docsy-problem .problem=${this.problem}></docsy-problem>
      ${this.accounts.render(
        (items) =>
          items.length === 0
            ? html`<p class="empty">Nobody is waiting for approval.</p>`
            : accountTable(
                'Accounts waiting for approval',
                ['Name', 'Email', 'Registered as', 'Registered on'],
                'Decision',
                items.map((account) => this.renderRow(account)),
              ),
        'Loading the accounts waiting for approval…',
      )}`;
  }

  private renderRow(account: AdminAccount) {
    const busy = this.busy === account.id;
    const decision =
      this.confirming === account.id
        ? html`<p>Reject ${account.name}? They will not be able to sign in.</p>
            <div class="actions">
              <button type="button" class="danger" ?disabled=${busy} @click=${() => this.decide(account, 'disabled')}>
                ${busy ? 'Rejecting…' : 'Reject account'}
              </button>
              <button type="button" ?disabled=${busy} @click=${() => (this.confirming = undefined)}>
                Keep waiting
              </button>
            </div>`
        : html`<div class="actions">
            <button type="button" class="primary" ?disabled=${busy} @click=${() => this.decide(account, 'active')}>
              ${busy ? 'Approving…' : 'Approve'}<span class="visually-hidden"> ${account.name}</span>
            </button>
            <button type="button" ?disabled=${busy} @click=${() => (this.confirming = account.id)}>
              Reject<span class="visually-hidden"> ${account.name}</span>
            </button>
          </div>`;
    return html`<tr>
      <td>${account.name}</td>
      <td>${account.email}</td>
      <td>${roleList(account.roles)}</td>
      <td>${registeredOn(account.createdAt)}</td>
      <td>${decision}</td>
    </tr>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-approvals-page': DocsyApprovalsPage;
  }
}
