import { consume } from '@lit/context';
import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DocsyApi } from '../api.js';
import type { Account } from './account.js';
import { appContext, type AppServices } from './app-context.js';
import { pageStyles } from './page.styles.js';

/**
 * The base of every page (docs/ui.md, "Adding a page"): the shell's services (`app`: the API
 * client, the session, navigation), the route's `params` and `query`, and the shared styles.
 * A page renders one `<h1 tabindex="-1">`; the shell moves focus to it after each navigation.
 *
 * @example
 * @customElement('docsy-hello-page')
 * export class HelloPage extends DocsyPage {
 *   override render() { return html`<h1 tabindex="-1">Hello ${this.account.name}</h1>`; }
 * }
 */
export class DocsyPage extends LitElement {
  static override styles = pageStyles;
  /** Whether the page is for visitors who are not signed in (sign-in, registration). */
  static forVisitors = false;

  @consume({ context: appContext, subscribe: true })
  @state()
  protected app!: AppServices;

  /** The route's path parameters (`/patients/:ehrId` gives `ehrId`). */
  @property({ attribute: false }) params: Record<string, string> = {};
  /** The location's query string. */
  @property({ attribute: false }) query: URLSearchParams = new URLSearchParams();

  get api(): DocsyApi {
    return this.app.api;
  }

  /** The signed-in account (pages other than sign-in and registration have one). */
  get account(): Account {
    return this.app.account!;
  }

  /** A page for signed-in accounts stops rendering the moment the session ends (the shell then leaves it). */
  protected override shouldUpdate(changed: PropertyValues): boolean {
    return (this.constructor as typeof DocsyPage).forVisitors || this.app?.account !== undefined
      ? super.shouldUpdate(changed)
      : false;
  }

  /** The document title, when the route's own is not the one to show. */
  get pageTitle(): string | undefined {
    return undefined;
  }

  /** Moves focus to the page's heading (the shell calls it after a navigation). */
  async focusHeading(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus();
  }
}
