import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { pageStyles } from '../app/page.styles.js';

/**
 * The account's calendar feed address (`calendarUrl` of `GET /api/me`) with a Copy button, to
 * subscribe to in a calendar application. The address is a secret: whoever has it reads the feed.
 */
@customElement('docsy-calendar-feed')
export class DocsyCalendarFeed extends LitElement {
  static override styles = pageStyles;

  /** The feed's address (a path is taken on this page's origin: a calendar application needs it whole). */
  @property() url = '';

  private get address(): string {
    return this.url ? new URL(this.url, location.origin).href : '';
  }

  @state() private copied = '';

  private async copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(this.address);
      this.copied = 'Copied.';
    } catch {
      this.renderRoot.querySelector<HTMLInputElement>('input')?.select();
      this.copied = 'Copying was refused by the browser; the address is selected, copy it with Ctrl+C.';
    }
  }

  override render() {
    return html`<div class="field">
        <label for="feed">Calendar feed address</label>
        <span class="help" id="feed-help"
          >Subscribe to it in your calendar application to see your appointments and medication reminders. Keep it to
          yourself: anyone with the address can read the feed.</span
        >
        <input id="feed" type="url" readonly .value=${this.address} aria-describedby="feed-help" />
      </div>
      <div class="actions">
        <button type="button" @click=${this.copy}>Copy the address</button>
        <span role="status">${this.copied}</span>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-calendar-feed': DocsyCalendarFeed;
  }
}
