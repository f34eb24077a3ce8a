import { provide } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { DocsyApi } from '../api.js';
import { roleNames, type Role } from './account.js';
import { appContext, type AppServices } from './app-context.js';
import { shellStyles } from './docsy-app.styles.js';
import type { DocsyPage } from './docsy-page.js';
import './docsy-status-page.js';
import { findRoute, homePath, mayOpen, type PageRoute } from './page-route.js';
import { Router } from './router.js';
import { pageRoutes } from './routes.js';
import { ServerHealth } from './server-health.js';
import { Session, type SessionEnd } from './session.js';

/**
 * The application shell (docs/ui.md): the header with the navigation of the signed-in
 * account's roles and sign-out, the page of the current location in `<main>`, and the
 * server's health in the footer. It owns the session and the API client and gives them to
 * every page through `appContext`; it sends visitors who are not signed in to the sign-in page
 * (and back afterwards), and moves focus to each new page's heading.
 */
@customElement('docsy-app')
export class DocsyApp extends LitElement {
  static override styles = shellStyles;

  readonly session = new Session();
  readonly api = new DocsyApi({ token: () => this.session.accessToken, fetch: this.session.fetch });
  readonly #router = new Router(() => void this.showLocation());
  readonly #health = new ServerHealth(this);

  @provide({ context: appContext })
  @state()
  protected services: AppServices = this.#services();

  @state() private page: HTMLElement | undefined;
  @state() private notice = '';
  @state() private announcement = '';
  #shown: { route?: PageRoute; key: string } | undefined;
  #navigation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.session.addEventListener('change', this.#onSessionChange);
    void this.session.restore().finally(() => {
      this.services = this.#services();
      this.#router.start();
      void this.showLocation(true);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#router.stop();
    this.session.removeEventListener('change', this.#onSessionChange);
  }

  /** Shows the page of the current location (after a navigation, or at start). */
  async showLocation(initial = false): Promise<void> {
    const navigation = ++this.#navigation;
    const url = new URL(location.href);
    const roles = this.session.account?.roles;
    if (url.pathname === '/') return this.#redirect(roles ? homePath(pageRoutes, roles) : '/sign-in');
    const match = findRoute(pageRoutes, url);
    if (match && !mayOpen(match.route, roles)) {
      if (!roles) return this.#redirect(`/sign-in?next=${encodeURIComponent(url.pathname + url.search)}`);
      if (match.route.access === 'signed-out') return this.#redirect(url.searchParams.get('next') ?? '/');
    }
    if (match && mayOpen(match.route, roles)) await match.route.load();
    if (navigation !== this.#navigation) return;
    const key = match ? `${match.route.path}:${JSON.stringify(match.params)}` : `none:${url.pathname}`;
    const reused = this.#shown?.key === key && this.page;
    const page = reused ? this.page! : this.#createPage(match?.route, roles);
    if (match) Object.assign(page, { params: match.params, query: url.searchParams });
    document.title = `${(page as DocsyPage).pageTitle ?? match?.route.title ?? 'Docsy'} · Docsy`;
    this.#shown = { route: match?.route, key };
    this.page = page;
    if (!reused && !initial) {
      await this.updateComplete;
      await (page as DocsyPage).focusHeading?.();
    }
  }

  #createPage(route: PageRoute | undefined, roles: readonly Role[] | undefined): HTMLElement {
    if (route && mayOpen(route, roles)) return document.createElement(route.tag);
    const status = document.createElement('docsy-status-page');
    status.kind = route ? 'forbidden' : 'not-found';
    return status;
  }

  #redirect(path: string): void {
    this.#router.navigate(path, { replace: true });
  }

  #services(): AppServices {
    return {
      api: this.api,
      session: this.session,
      account: this.session.account,
      navigate: (path, options) => this.#router.navigate(path, options),
      announce: (message) => {
        this.announcement = '';
        void this.updateComplete.then(() => (this.announcement = message));
      },
    };
  }

  readonly #onSessionChange = (event: Event): void => {
    const end = (event as CustomEvent<SessionEnd | undefined>).detail;
    this.services = this.#services();
    if (end === 'expired') {
      this.notice = 'Your session has ended. Please sign in again.';
      void this.showLocation();
    } else if (end === 'signed-out') {
      this.notice = 'You have signed out.';
      this.#router.navigate('/sign-in');
    } else this.notice = '';
  };

  private skipToMain(): void {
    const heading = (this.page as DocsyPage | undefined)?.renderRoot?.querySelector<HTMLElement>('h1');
    (heading ?? this.renderRoot.querySelector<HTMLElement>('main'))?.focus();
  }

  private renderNavigation() {
    const account = this.session.account;
    if (!account) {
      return html`<nav aria-label="Account">
        <ul>
          <li><a href="/sign-in" aria-current=${this.#current('/sign-in')}>Sign in</a></li>
          <li><a href="/register" aria-current=${this.#current('/register')}>Create an account</a></li>
        </ul>
      </nav>`;
    }
    const links = pageRoutes.filter((route) => route.nav && mayOpen(route, account.roles));
    // Only the most specific link is current: /record/access-log is not also "My record".
    const current = links
      .map((route) => route.path)
      .filter((path) => this.#current(path) === 'page')
      .sort((a, b) => b.length - a.length)[0];
    return html`<nav aria-label="Main">
        <ul>
          ${links.map((route) => html`<li><a href=${route.path} aria-current=${route.path === current ? 'page' : nothing}>${route.nav}</a></li>`)}
        </ul>
      </nav>
      <div class="account">
        <span class="who"
          >${account.name}<span class="roles"> · ${account.roles.map((role) => roleNames[role]).join(', ')}</span></span
        >
        <button type="button" @click=${() => void this.session.signOut()}>Sign out</button>
      </div>`;
  }

  #current(path: string): 'page' | typeof nothing {
    const here = location.pathname;
    return here === path || here.startsWith(`${path}/`) ? 'page' : nothing;
  }

  override render() {
    return html`
      <header>
        <button type="button" class="skip" @click=${this.skipToMain}>Skip to main content</button>
        <a class="brand" href="/">Docsy</a>
        ${this.renderNavigation()}
      </header>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <main id="main" tabindex="-1">${this.page ?? html`<p class="loading" role="status">Loading…</p>`}</main>
      <footer>${this.#health.render()}</footer>
      <div class="visually-hidden" aria-live="polite">${this.announcement}</div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-app': DocsyApp;
  }
}
