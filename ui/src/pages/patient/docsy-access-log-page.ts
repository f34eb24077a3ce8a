import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import type { AccessLogEntry } from '../../record-types.js';
import { momentInWords } from '../../record/record-listing.js';
import { actionInWords, actorInWords } from './access-log-words.js';

/**
 * The patient's access log (`/record/access-log`): who read or changed their record and when,
 * newest first; every emergency (break-glass) access is listed first, with its reason.
 */
@customElement('docsy-access-log-page')
export class DocsyAccessLogPage extends DocsyPage {
  @state() private older: AccessLogEntry[] = [];
  @state() private next: string | undefined;
  @state() private olderProblem: unknown;

  private log = new Loader(
    this,
    async () => {
      const page = await this.api.accessLog(this.account.ehrId!);
      this.older = [];
      this.next = page.next;
      return page.items;
    },
    () => (this.app?.account ? [this.app.account.ehrId] : undefined),
  );

  private async showOlder(): Promise<void> {
    this.olderProblem = undefined;
    try {
      const page = await this.api.accessLog(this.account.ehrId!, this.next);
      this.older = [...this.older, ...page.items];
      this.next = page.next;
    } catch (error) {
      this.olderProblem = error;
    }
  }

  private renderEmergencies(entries: readonly AccessLogEntry[]) {
    const emergencies = entries.filter((entry) => entry.action === 'break-glass');
    if (emergencies.length === 0) return html`<p class="notice">Nobody has used emergency access to your record.</p>`;
    return html`<section class="warning" aria-labelledby="emergency">
      <h2 id="emergency">Emergency access to your record</h2>
      <p>
        A practitioner outside your care may open your record in an emergency, for one hour, by giving a reason.
        ${emergencies.length === 1 ? 'This happened once:' : `This happened ${emergencies.length} times:`}
      </p>
      <ul>
        ${emergencies.map(
          (entry) =>
            html`<li>
              <strong>${actorInWords(entry)}</strong> on ${momentInWords(entry.at)}. Reason given:
              <q>${entry.breakGlassReason ?? 'none recorded'}</q>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderTable(entries: readonly AccessLogEntry[]) {
    if (entries.length === 0) return html`<p class="empty">Nobody has accessed your record yet.</p>`;
    return html`<table>
      <caption>
        Every access, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Outcome</th>
        </tr>
      </thead>
      <tbody>
        ${entries.map(
          (entry) =>
            html`<tr>
              <td>${momentInWords(entry.at)}</td>
              <td>${actorInWords(entry)}</td>
              <td>
                ${actionInWords(entry)}
                ${
                  entry.breakGlassReason
                    ? html`<span class="badge alert">Emergency access: ${entry.breakGlassReason}</span>`
                    : nothing
                }
              </td>
              <td>${entry.outcome === 'success' ? 'Done' : entry.outcome === 'denied' ? 'Refused' : 'Failed'}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    return html`<p><a href="/record">Back to my record</a></p>
      <h1 tabindex="-1">Who accessed my record</h1>
      ${this.log.render((first) => {
        const entries = [...first, ...this.older];
        return html`${this.renderEmergencies(entries)} ${this.renderTable(entries)}
          ${
            this.next
              ? html`<div class="actions">
                  <button type="button" @click=${this.showOlder}>Show older entries</button>
                </div>`
              : nothing
          } <docsy-problem .problem=${this.olderProblem}></docsy-problem>`;
      }, 'Loading the access log…')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-access-log-page': DocsyAccessLogPage;
  }
}
