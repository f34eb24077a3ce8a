import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocsyApi } from '../../api.js';
import '../../app/docsy-problem.js';
import { fieldErrors, formField, formValues } from '../../app/form-field.js';
import { pageStyles } from '../../app/page.styles.js';
import type { PatientSummary } from '../../record-types.js';
import { dateInWords } from '../../views/format-value.js';
import { chartPath } from './chart-links.js';

/**
 * Patient search for practitioners (`GET /api/patients?q=`: name words, birth date or email);
 * each patient found opens their chart. Finding a patient does not open their record.
 */
@customElement('docsy-patient-search')
export class DocsyPatientSearch extends LitElement {
  static override styles = pageStyles;

  @property({ attribute: false }) api: DocsyApi | undefined = undefined;

  @state() private found: PatientSummary[] | undefined;
  @state() private q = '';
  @state() private problem: unknown;
  @state() private busy = false;

  private async search(event: Event): Promise<void> {
    event.preventDefault();
    this.q = formValues(event)['q']?.trim() ?? '';
    this.busy = true;
    this.problem = undefined;
    try {
      this.found = (await this.api!.searchPatients(this.q)).items;
    } catch (error) {
      this.problem = error;
      this.found = undefined;
    } finally {
      this.busy = false;
    }
  }

  private renderFound(found: PatientSummary[]) {
    if (found.length === 0) return html`<p class="empty" role="status">No patient matches “${this.q}”.</p>`;
    return html`<table>
      <caption>
        Patients matching “${this.q}”
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Born</th>
        </tr>
      </thead>
      <tbody>
        ${found.map(
          (patient) =>
            html`<tr>
              <td><a href=${chartPath(patient.id)}>${patient.name}</a></td>
              <td>${patient.birthDate ? dateInWords(patient.birthDate) : 'not recorded'}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    const errors = fieldErrors(this.problem);
    return html`<form class="stacked" role="search" @submit=${this.search} novalidate>
        ${formField({
          name: 'q',
          label: 'Find a patient',
          type: 'search',
          value: this.q,
          help: 'Name, birth date (YYYY-MM-DD) or email; at least 2 characters.',
          error: errors['/q'] ?? errors['/querystring/q'],
        })}
        <div class="actions"><button class="primary" type="submit" ?disabled=${this.busy}>Search</button></div>
      </form>
      <docsy-problem .problem=${this.problem} .labels=${{ '/q': 'Find a patient' }}></docsy-problem>
      ${this.found ? this.renderFound(this.found) : nothing}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-patient-search': DocsyPatientSearch;
  }
}
