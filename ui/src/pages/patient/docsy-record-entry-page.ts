import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiProblem } from '../../api.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import { recordCatalog } from '../../record/record-catalog.js';
import { downloadsSection, historySection } from '../../record/entry-sections.js';
import type { Restriction } from '../../record-types.js';
import '../../views/docsy-composition-view.js';

/**
 * One composition of the patient's own record (`/record/{uid}`): read it, download it, hide it
 * from practitioners or share it again, and read its full version history.
 */
@customElement('docsy-record-entry-page')
export class DocsyRecordEntryPage extends DocsyPage {
  @state() private restriction: Restriction | undefined;
  @state() private restrictionProblem: unknown;
  @state() private busy = false;

  private entry = new Loader(
    this,
    async () => {
      const ehrId = this.account.ehrId!;
      const uid = this.params['uid']!;
      const composition = await this.api.composition(ehrId, uid);
      const [restriction, catalog] = await Promise.all([this.api.restriction(ehrId, uid), recordCatalog(this.api)]);
      this.restriction = restriction;
      return { composition, catalog };
    },
    () => (this.app?.account ? [this.params['uid']] : undefined),
  );

  override get pageTitle(): string | undefined {
    const value = this.entry.value;
    return value ? value.catalog.titleOf(value.composition.template.id) : undefined;
  }

  private async setRestricted(restricted: boolean): Promise<void> {
    this.busy = true;
    this.restrictionProblem = undefined;
    try {
      this.restriction = await this.api.restrict(this.account.ehrId!, this.params['uid']!, restricted);
      this.app.announce(restricted ? 'Hidden from practitioners' : 'Shared with practitioners again');
    } catch (error) {
      this.restrictionProblem = error;
    } finally {
      this.busy = false;
    }
  }

  private renderRestriction() {
    const restricted = this.restriction?.restricted ?? false;
    return html`<section class="card" aria-labelledby="visibility">
      <h2 id="visibility">Who can see this entry</h2>
      ${
        restricted
          ? html`<p class="warning">
              Hidden from practitioners. Only
              you${
                this.restriction!.allowed.length
                  ? html`, ${this.restriction!.allowed.map((person) => person.name).join(', ')}`
                  : ''
              }
              and anyone who uses emergency access can read it.
            </p>`
          : html`<p>Shared with the practitioners who care for you.</p>`
      }
      <div class="actions">
        <button type="button" ?disabled=${this.busy} @click=${() => this.setRestricted(!restricted)}>
          ${restricted ? 'Share with practitioners again' : 'Hide from practitioners'}
        </button>
      </div>
      <docsy-problem .problem=${this.restrictionProblem}></docsy-problem>
    </section>`;
  }

  override render() {
    const value = this.entry.value;
    const title = value ? value.catalog.titleOf(value.composition.template.id) : 'Record entry';
    if (this.entry.problem instanceof ApiProblem && this.entry.problem.status === 410)
      return html`<h1 tabindex="-1">Deleted entry</h1>
        <p class="notice">This entry was deleted. Its earlier versions stay readable below.</p>
        ${this.renderHistory()}`;
    return html`<p><a href="/record">Back to my record</a></p>
      <h1 tabindex="-1">${title}</h1>
      ${this.entry.render(
        ({ composition }) =>
          html`<docsy-composition-view .api=${this.api} .composition=${composition}></docsy-composition-view>
            ${downloadsSection(this.api, composition, title)} ${this.renderRestriction()} ${this.renderHistory()}`,
        'Loading the entry…',
      )}`;
  }

  private renderHistory() {
    return historySection(this.api, this.account.ehrId!, this.params['uid']!);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-record-entry-page': DocsyRecordEntryPage;
  }
}
