import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { roleNames, roles, type Role } from '../../app/account.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { accountTable, registeredOn, roleList, statusBadge } from './account-cells.js';
import { AccountPages } from './account-pages.js';
import { setAccountRoles, setAccountStatus, type AccountStatus, type AdminAccount } from './admin-client.js';

const statuses: AccountStatus[] = ['active', 'pending', 'disabled'];

/**
 * Every account (filtered by status, role and words of the name or email, `?status=&role=&q=`), with its roles assigned and
 * removed, and the account disabled (its sessions end at once) or enabled again. The `patient`
 * role comes only with a registration, so it is shown but not changed; an admin cannot disable
 * or un-admin their own account (the server refuses it too).
 */
@customElement('docsy-accounts-page')
export class DocsyAccountsPage extends DocsyPage {
  @state() private editing: string | undefined;
  @state() private busy: string | undefined;
  @state() private problem: unknown;
  @state() private done = '';

  private accounts = new AccountPages(
    this,
    () => this.app?.api,
    () => ({
      status: (this.query.get('status') || undefined) as AccountStatus | undefined,
      role: (this.query.get('role') || undefined) as Role | undefined,
      q: this.query.get('q')?.trim() || undefined,
    }),
  );

  private filter(event: Event): void {
    event.preventDefault();
    const form = (event.target as HTMLElement).closest('form')!;
    const query = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (typeof value === 'string' && value) query.set(key, value);
    this.app.navigate(`/admin/accounts${query.size ? `?${query}` : ''}`, { replace: true });
  }

  private async change(account: AdminAccount, action: () => Promise<AdminAccount>, done: string): Promise<void> {
    this.busy = account.id;
    this.problem = undefined;
    this.done = '';
    try {
      this.accounts.update(await action());
      this.editing = undefined;
      this.done = done;
      this.app.announce(done);
    } catch (error) {
      this.problem = error;
    } finally {
      this.busy = undefined;
    }
  }

  private saveRoles(event: Event, account: AdminAccount): void {
    event.preventDefault();
    const chosen = new FormData(event.target as HTMLFormElement).getAll('role') as Role[];
    const next = account.roles.includes('patient') ? ['patient' as Role, ...chosen] : chosen;
    void this.change(
      account,
      () => setAccountRoles(this.api, account.id, next),
      `${account.name} now has the roles ${roleList(next) || '(none)'}.`,
    );
  }

  override render() {
    const status = this.query.get('status') ?? '';
    const role = this.query.get('role') ?? '';
    return html`<h1 tabindex="-1">Accounts</h1>
      <form class="actions" role="search" @change=${this.filter} @submit=${this.filter}>
        <label for="q">Name or email</label>
        <input id="q" name="q" type="search" maxlength="200" .value=${this.query.get('q') ?? ''} />
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="" ?selected=${!status}>Any</option>
          ${statuses.map((s) => html`<option value=${s} ?selected=${s === status}>${s}</option>`)}
        </select>
        <label for="role">Role</label>
        <select id="role" name="role">
          <option value="" ?selected=${!role}>Any</option>
          ${roles.map((r) => html`<option value=${r} ?selected=${r === role}>${roleNames[r]}</option>`)}
        </select>
        <button type="submit">Search</button>
      </form>
      ${this.done ? html`<p class="success">${this.done}</p>` : nothing}
      <docsy-problem .problem=${this.problem} .labels=${{ '/roles': 'Roles' }}></docsy-problem>
      ${this.accounts.render(
        (items) =>
          items.length === 0
            ? html`<p class="empty">No account matches.</p>`
            : accountTable(
                'Accounts, oldest first',
                ['Name', 'Email', 'Roles', 'Status', 'Registered on'],
                'Actions',
                items.map((account) => this.renderRow(account)),
              ),
        'Loading accounts…',
      )}`;
  }

  private renderRow(account: AdminAccount) {
    const own = account.id === this.account.id;
    const busy = this.busy === account.id;
    const enable = account.status === 'pending' ? 'Approve' : 'Enable';
    return html`<tr>
      <td>${account.name}${own ? html` <span class="meta">(you)</span>` : nothing}</td>
      <td>${account.email}</td>
      <td>
        ${
          this.editing === account.id
            ? this.renderRolesForm(account, own, busy)
            : html`${roleList(account.roles)}
                <button
                  type="button"
                  @click=${() => {
                    this.editing = account.id;
                    this.problem = undefined;
                  }}
                >
                  Change roles<span class="visually-hidden"> of ${account.name}</span>
                </button>`
        }
      </td>
      <td>${statusBadge(account.status)}</td>
      <td>${registeredOn(account.createdAt)}</td>
      <td>
        ${
          own
            ? nothing
            : account.status === 'active'
              ? html`<button
                  type="button"
                  class="danger"
                  ?disabled=${busy}
                  @click=${() =>
                    this.change(
                      account,
                      () => setAccountStatus(this.api, account.id, 'disabled'),
                      `Disabled ${account.name}; their sessions have ended.`,
                    )}
                >
                  Disable<span class="visually-hidden"> ${account.name}</span>
                </button>`
              : html`<button
                  type="button"
                  ?disabled=${busy}
                  @click=${() =>
                    this.change(
                      account,
                      () => setAccountStatus(this.api, account.id, 'active'),
                      `${enable === 'Approve' ? 'Approved' : 'Enabled'} ${account.name}; they can sign in.`,
                    )}
                >
                  ${enable}<span class="visually-hidden"> ${account.name}</span>
                </button>`
        }
      </td>
    </tr>`;
  }

  private renderRolesForm(account: AdminAccount, own: boolean, busy: boolean) {
    return html`<form @submit=${(event: Event) => this.saveRoles(event, account)}>
      <fieldset>
        <legend>Roles of ${account.name}</legend>
        ${roles.map((role) => {
          const fixed = role === 'patient' || (own && role === 'admin');
          const id = `role-${account.id}-${role}`;
          return html`<div>
            <input
              type="checkbox"
              id=${id}
              name=${fixed ? nothing : 'role'}
              value=${role}
              ?checked=${account.roles.includes(role)}
              ?disabled=${fixed}
            />
            <label for=${id}>${roleNames[role]}</label>
          </div>`;
        })}
        ${own ? html`<input type="hidden" name="role" value="admin" />` : nothing}
        <p class="meta">The patient role comes only with a patient's registration.</p>
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary" ?disabled=${busy}>${busy ? 'Saving…' : 'Save roles'}</button>
        <button type="button" @click=${() => (this.editing = undefined)}>Cancel</button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-accounts-page': DocsyAccountsPage;
  }
}
