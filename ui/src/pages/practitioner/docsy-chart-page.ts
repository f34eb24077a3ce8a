import { html, nothing } from 'lit';
import { customElement } from 'lit/decorators.js';
import { ApiProblem } from '../../api.js';
import { hasRole } from '../../app/account.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import { CategoryBrowser, type LoadedRecord } from '../../record/category-browser.js';
import type { RecordCatalog } from '../../record/record-catalog.js';
import type { PatientSummary } from '../../record-types.js';
import { chartPath, patientLine } from './chart-links.js';
import './docsy-break-glass-form.js';
import './docsy-chart-orders.js';
import './docsy-chart-summary.js';

/**
 * A patient's chart (`/patients/{patient id}`): the summary (active allergies, active problems,
 * current medications), "New entry" for every template the practitioner's roles may author, and
 * the record by category, and the open lab and imaging orders. A record outside the practitioner's care (403) shows the emergency
 * access form, then loads.
 */
@customElement('docsy-chart-page')
export class DocsyChartPage extends DocsyPage {
  private patient = new Loader(
    this,
    () => this.api.patient(this.params['patientId']!),
    () => (this.app?.account ? [this.params['patientId']] : undefined),
  );

  private browser = new CategoryBrowser(this, () => this.patient.value?.ehrId, {
    category: (id) => chartPath(this.params['patientId']!, { category: id }),
    entry: (uid) => chartPath(this.params['patientId']!, { entry: uid }),
  });

  override get pageTitle(): string | undefined {
    return this.patient.value ? `Chart of ${this.patient.value.name}` : undefined;
  }

  private renderNewEntry(patient: PatientSummary, catalog: RecordCatalog) {
    const roles: readonly string[] = this.account.roles;
    const authorable = catalog.templates.filter(
      (template) => template.lifecycle !== 'deprecated' && template.authorRoles.some((role) => roles.includes(role)),
    );
    if (authorable.length === 0) return nothing;
    return html`<section aria-labelledby="new-entry">
      <h2 id="new-entry">New entry</h2>
      <ul class="actions">
        ${authorable.map(
          (template) =>
            html`<li>
              <a class="button" href=${chartPath(patient.id, { newOf: template.id })}>${template.title}</a>
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private renderRecord(patient: PatientSummary, record: LoadedRecord) {
    return html`<section aria-labelledby="summary">
        <h2 id="summary">Summary</h2>
        <docsy-chart-summary
          .api=${this.api}
          ehr-id=${record.summary.ehrId}
          .hrefOf=${(uid: string) => chartPath(patient.id, { entry: uid })}
        ></docsy-chart-summary>
      </section>
      ${
        hasRole(this.account, ['doctor', 'nurse', 'lab_technician'])
          ? html`<section aria-labelledby="orders">
              <h2 id="orders">Lab and imaging orders</h2>
              <docsy-chart-orders
                .api=${this.api}
                ehr-id=${record.summary.ehrId}
                .roles=${this.account.roles}
                @docsy-announce=${(event: CustomEvent<{ message: string }>) => this.app.announce(event.detail.message)}
              ></docsy-chart-orders>
            </section>`
          : nothing
      }
      ${this.renderNewEntry(patient, record.catalog)}
      <section aria-labelledby="entries">
        <h2 id="entries">Record</h2>
        ${this.browser.render(record, 3)}
      </section>`;
  }

  override render() {
    const patient = this.patient.value;
    const closed = this.browser.record.problem instanceof ApiProblem && this.browser.record.problem.status === 403;
    return html`<h1 tabindex="-1">${patient ? patient.name : 'Chart'}</h1>
      ${this.patient.render(
        (patient) =>
          html`${patientLine(patient, false)}
          ${
            closed
              ? html`<docsy-break-glass-form
                  .api=${this.api}
                  ehr-id=${patient.ehrId}
                  patient-name=${patient.name}
                  @docsy-break-glass=${() => {
                    this.app.announce('Emergency access opened for 60 minutes');
                    void this.browser.record.reload();
                  }}
                ></docsy-break-glass-form>`
              : this.browser.record.render((record) => this.renderRecord(patient, record), 'Loading the record…')
          }`,
        'Loading the patient…',
      )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-chart-page': DocsyChartPage;
  }
}
