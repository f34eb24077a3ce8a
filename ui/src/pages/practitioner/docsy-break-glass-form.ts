import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocsyApi } from '../../api.js';
import '../../app/docsy-problem.js';
import { fieldErrors, focusFirstInvalid, formField, formValues } from '../../app/form-field.js';
import { pageStyles } from '../../app/page.styles.js';

/**
 * Emergency access to a record outside the practitioner's care (`POST /api/ehr/{ehr_id}/break-glass`):
 * a reason, which the patient will read. Fires `docsy-break-glass` `{access}` once opened.
 *
 * @fires docsy-break-glass - the access was opened; the chart loads again
 */
@customElement('docsy-break-glass-form')
export class DocsyBreakGlassForm extends LitElement {
  static override styles = pageStyles;

  @property({ attribute: false }) api: DocsyApi | undefined = undefined;
  @property({ attribute: 'ehr-id' }) ehrId = '';
  /** The patient's name, for the explanation. */
  @property({ attribute: 'patient-name' }) patientName = 'this patient';

  @state() private problem: unknown;
  @state() private busy = false;

  private async open(event: Event): Promise<void> {
    event.preventDefault();
    const { reason = '' } = formValues(event);
    this.busy = true;
    this.problem = undefined;
    try {
      const access = await this.api!.breakGlass(this.ehrId, reason);
      this.dispatchEvent(new CustomEvent('docsy-break-glass', { detail: { access }, bubbles: true, composed: true }));
    } catch (error) {
      this.problem = error;
      await focusFirstInvalid(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const errors = fieldErrors(this.problem);
    return html`<section class="warning" aria-labelledby="break-glass">
      <h2 id="break-glass">Emergency access</h2>
      <p>
        ${this.patientName} is not in your care, so their record is closed to you. In an emergency you may open it for
        60 minutes. Your reason is recorded and shown to the patient.
      </p>
      <form class="stacked" @submit=${this.open} novalidate>
        <docsy-problem .problem=${this.problem} .labels=${{ '/reason': 'Reason' }}></docsy-problem>
        ${formField({
          name: 'reason',
          label: 'Reason for emergency access',
          type: 'textarea',
          required: true,
          maxlength: 1000,
          error: errors['/reason'],
        })}
        <div class="actions">
          <button class="danger" type="submit" ?disabled=${this.busy}>Open the record in an emergency</button>
        </div>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-break-glass-form': DocsyBreakGlassForm;
  }
  interface HTMLElementEventMap {
    'docsy-break-glass': CustomEvent<{ access: unknown }>;
  }
}
