import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { ApiProblem } from '../../api.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import '../../form/docsy-form.js';
import type { DocsyForm } from '../../form/docsy-form.js';
import type { CompositionBody, FormDefinition } from '../../form/form-definition.js';
import { recordCatalog } from '../../record/record-catalog.js';
import { downloadsSection, historySection } from '../../record/entry-sections.js';
import '../../views/docsy-composition-view.js';
import type { DocsyHistory } from '../../views/docsy-history.js';
import { formDefinitionOf } from '../../views/form-definitions.js';
import { chartPath, patientLine } from './chart-links.js';
import { commitFromForm } from './chart-commit.js';

/**
 * One entry of a patient's chart (`/patients/{patient id}/entries/{uid}`): read it, download it,
 * amend it (the form of its own template revision, `If-Match` the version read) or delete it,
 * each with a reason, and read its history. Amending or deleting is offered to the template's
 * authoring roles; the server decides.
 */
@customElement('docsy-chart-entry-page')
export class DocsyChartEntryPage extends DocsyPage {
  @state() private mode: 'read' | 'amend' | 'delete' = 'read';
  @state() private definition: FormDefinition | undefined;
  @state() private reason = '';
  @state() private problem: unknown;
  @state() private busy = false;

  private entry = new Loader(
    this,
    async () => {
      const patient = await this.api.patient(this.params['patientId']!);
      const [composition, catalog] = await Promise.all([
        this.api.composition(patient.ehrId, this.params['uid']!),
        recordCatalog(this.api),
      ]);
      return { patient, composition, catalog };
    },
    () => (this.app?.account ? [this.params['patientId'], this.params['uid']] : undefined),
  );

  override get pageTitle(): string | undefined {
    const value = this.entry.value;
    return value ? `${value.catalog.titleOf(value.composition.template.id)} · ${value.patient.name}` : undefined;
  }

  private async startAmending(): Promise<void> {
    const { template } = this.entry.value!.composition;
    this.problem = undefined;
    try {
      this.definition = await formDefinitionOf(this.api, template.id, template.revision);
      this.mode = 'amend';
    } catch (error) {
      this.problem = error;
    }
  }

  private async amend(event: CustomEvent<{ value: CompositionBody }>): Promise<void> {
    const { patient, composition } = this.entry.value!;
    this.problem = undefined;
    const result = await commitFromForm(event.target as DocsyForm, () =>
      this.api.amendComposition(patient.ehrId, composition.uid!, composition.versionUid!, event.detail.value, {
        reason: this.reason || undefined,
      }),
    );
    if (!result.ok) {
      this.problem = result.problem;
      return;
    }
    await this.finish('Amendment saved');
  }

  private async deleteEntry(event: Event): Promise<void> {
    event.preventDefault();
    const { patient, composition } = this.entry.value!;
    this.busy = true;
    this.problem = undefined;
    try {
      await this.api.deleteComposition(patient.ehrId, composition.uid!, composition.versionUid!, {
        reason: this.reason || undefined,
      });
      this.app.announce('Entry deleted');
      this.app.navigate(chartPath(patient.id));
    } catch (error) {
      this.problem = error;
    } finally {
      this.busy = false;
    }
  }

  private async finish(message: string): Promise<void> {
    this.mode = 'read';
    this.reason = '';
    await this.entry.reload();
    await this.renderRoot.querySelector<DocsyHistory>('docsy-history')?.load();
    this.app.announce(message);
  }

  private renderReason() {
    return html`<div class="field">
      <label for="reason">Reason for the change</label>
      <input
        id="reason"
        name="reason"
        maxlength="1000"
        .value=${this.reason}
        @input=${(event: Event) => (this.reason = (event.target as HTMLInputElement).value)}
      />
    </div>`;
  }

  private renderStale() {
    if (!(this.problem instanceof ApiProblem) || this.problem.status !== 412) return nothing;
    return html`<p class="warning">
      Someone changed this entry after you opened it.
      <button type="button" @click=${() => this.finish('Latest version loaded')}>Load the latest version</button>
    </p>`;
  }

  /** The form's value is bound through `guard`: setting it again (every render) would reset what was typed. */
  private renderActions(mayAuthor: boolean) {
    if (this.mode === 'amend')
      return html`${this.renderReason()}
        <docsy-form
          .api=${this.api}
          .definition=${this.definition}
          .value=${guard([this.entry.value!.composition], () => this.entry.value!.composition)}
          ehr-id=${this.entry.value!.patient.ehrId}
          submit-label="Save amendment"
          @docsy-submit=${this.amend}
        >
          <button slot="actions" type="button" @click=${() => (this.mode = 'read')}>Cancel</button>
        </docsy-form>`;
    if (this.mode === 'delete')
      return html`<form class="stacked warning" @submit=${this.deleteEntry}>
        <p>The entry leaves the record; its history stays readable.</p>
        ${this.renderReason()}
        <div class="actions">
          <button class="danger" type="submit" ?disabled=${this.busy}>Delete the entry</button>
          <button type="button" @click=${() => (this.mode = 'read')}>Cancel</button>
        </div>
      </form>`;
    if (!mayAuthor) return nothing;
    return html`<div class="actions">
      <button type="button" class="primary" @click=${this.startAmending}>Amend</button>
      <button type="button" @click=${() => (this.mode = 'delete')}>Delete</button>
    </div>`;
  }

  override render() {
    const value = this.entry.value;
    const title = value ? value.catalog.titleOf(value.composition.template.id) : 'Entry';
    return html`${patientLine(value?.patient)}
      <h1 tabindex="-1">${title}</h1>
      ${this.entry.render(({ patient, composition, catalog }) => {
        const template = catalog.templates.find((candidate) => candidate.id === composition.template.id);
        const roles: readonly string[] = this.account.roles;
        const mayAuthor = !!template?.authorRoles.some((role) => roles.includes(role));
        return html`<docsy-problem .problem=${this.problem}></docsy-problem> ${this.renderStale()}
          ${this.renderActions(mayAuthor)}
          ${
            this.mode === 'amend'
              ? nothing
              : html`<docsy-composition-view .api=${this.api} .composition=${composition}></docsy-composition-view>`
          }
          ${downloadsSection(this.api, composition, title)} ${historySection(this.api, patient.ehrId, composition.uid!)}`;
      }, 'Loading the entry…')}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-chart-entry-page': DocsyChartEntryPage;
  }
}
