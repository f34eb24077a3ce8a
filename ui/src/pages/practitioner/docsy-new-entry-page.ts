import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import '../../form/docsy-form.js';
import type { DocsyForm } from '../../form/docsy-form.js';
import type { CompositionBody } from '../../form/form-definition.js';
import { chartPath, patientLine } from './chart-links.js';
import { commitFromForm } from './chart-commit.js';

/**
 * A new entry in a patient's chart (`/patients/{patient id}/new/{template id}`): the template's
 * form (its latest revision); saving commits it and opens the entry.
 */
@customElement('docsy-new-entry-page')
export class DocsyNewEntryPage extends DocsyPage {
  @state() private problem: unknown;

  private form = new Loader(
    this,
    async () => {
      const [patient, definition] = await Promise.all([
        this.api.patient(this.params['patientId']!),
        this.api.formDefinition(this.params['templateId']!),
      ]);
      return { patient, definition };
    },
    () => (this.app?.account ? [this.params['patientId'], this.params['templateId']] : undefined),
  );

  override get pageTitle(): string | undefined {
    return this.form.value ? `New ${this.form.value.definition.template.title.toLowerCase()}` : undefined;
  }

  private async save(event: CustomEvent<{ value: CompositionBody }>): Promise<void> {
    const { patient } = this.form.value!;
    this.problem = undefined;
    const result = await commitFromForm(event.target as DocsyForm, () =>
      this.api.createComposition(patient.ehrId, event.detail.value),
    );
    if (!result.ok) {
      this.problem = result.problem;
      return;
    }
    const uid = result.value.composition?.uid ?? result.value.versionUid.split('::')[0]!;
    this.app.announce('Entry saved');
    this.app.navigate(chartPath(patient.id, { entry: uid }));
  }

  override render() {
    const value = this.form.value;
    return html`${patientLine(value?.patient)}
      <h1 tabindex="-1">${value ? `New ${value.definition.template.title.toLowerCase()}` : 'New entry'}</h1>
      ${this.form.render(
        ({ patient, definition }) =>
          html`<docsy-problem .problem=${this.problem}></docsy-problem>
            <docsy-form
              .api=${this.api}
              .definition=${definition}
              ehr-id=${patient.ehrId}
              @docsy-submit=${this.save}
            ></docsy-form>
            <p><a href=${chartPath(patient.id)}>Cancel and return to the chart</a></p>`,
        'Loading the form…',
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-new-entry-page': DocsyNewEntryPage;
  }
}
