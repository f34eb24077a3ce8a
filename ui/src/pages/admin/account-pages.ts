import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { DocsyApi } from '../../api.js';
import '../../app/docsy-problem.js';
import { accountsPage, type AccountPage, type AdminAccount } from './admin-client.js';

type Filter = Parameters<typeof accountsPage>[1];

/**
 * The accounts an admin page lists: the first page loaded whenever the filter changes, more
 * pages on request ("Show more"), and rows changed or removed in place after an action, so the
 * list does not jump back to its start.
 *
 * @example
 * private accounts = new AccountPages(this, () => this.api, () => ({ status: 'pending' }));
 * render() { return this.accounts.render((items) => html`…`, 'Loading…'); }
 */
export class AccountPages implements ReactiveController {
  items: AdminAccount[] | undefined;
  problem: unknown;
  loadingMore = false;
  #next: string | undefined;
  #key: string | undefined;
  #run = 0;
  readonly #host: ReactiveControllerHost;
  readonly #api: () => DocsyApi | undefined;
  readonly #filter: () => Filter;

  constructor(host: ReactiveControllerHost, api: () => DocsyApi | undefined, filter: () => Filter) {
    this.#host = host;
    this.#api = api;
    this.#filter = filter;
    host.addController(this);
  }

  hostUpdate(): void {
    if (!this.#api()) return;
    const key = JSON.stringify(this.#filter());
    if (key === this.#key) return;
    this.#key = key;
    this.items = undefined;
    void this.#load(undefined);
  }

  /** Loads the next page after the rows shown. */
  async more(): Promise<void> {
    if (!this.#next) return;
    this.loadingMore = true;
    await this.#load(this.#next);
    this.loadingMore = false;
    this.#host.requestUpdate();
  }

  /** Shows an account as an action left it; `keep: false` removes its row (it no longer fits the filter). */
  update(account: AdminAccount, keep = true): void {
    this.items = (this.items ?? []).flatMap((item) => (item.id !== account.id ? [item] : keep ? [account] : []));
    this.#host.requestUpdate();
  }

  async #load(cursor: string | undefined): Promise<void> {
    const run = ++this.#run;
    this.problem = undefined;
    this.#host.requestUpdate();
    try {
      const page: AccountPage = await accountsPage(this.#api()!, { ...this.#filter(), cursor });
      if (run !== this.#run) return;
      this.items = cursor ? [...(this.items ?? []), ...page.items] : page.items;
      this.#next = page.next;
    } catch (error) {
      if (run === this.#run) this.problem = error;
    }
    this.#host.requestUpdate();
  }

  /** The rows through `ready` and a "Show more" button while there are more; or loading; or the problem. */
  render(ready: (items: AdminAccount[]) => unknown, loadingText: string): TemplateResult {
    const problem = this.problem ? html`<docsy-problem .problem=${this.problem}></docsy-problem>` : nothing;
    if (!this.items) return this.problem ? html`${problem}` : html`<p class="loading" role="status">${loadingText}</p>`;
    return html`${ready(this.items)} ${problem}
    ${
      this.#next
        ? html`<div class="actions">
            <button type="button" ?disabled=${this.loadingMore} @click=${() => this.more()}>
              ${this.loadingMore ? 'Loading…' : 'Show more'}
            </button>
          </div>`
        : nothing
    }`;
  }
}
