import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { ApiProblem } from '../../api.js';
import { roleNames, type Role } from '../../app/account.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { fieldErrors, focusFirstInvalid, formField, formValues } from '../../app/form-field.js';

const registrableRoles: Role[] = ['patient', 'doctor', 'nurse', 'lab_technician', 'pharmacist', 'modeller'];

const labels = {
  '/name': 'Full name',
  '/email': 'Email',
  '/password': 'Password',
  '/role': 'I register as',
  '/birthDate': 'Date of birth',
};

/** The password rules of docs/access.md, as the form states them. */
const passwordRules = 'At least 8 characters; not a common password such as "password1"; not your email address.';

/**
 * Registration (`POST /api/auth/register`): a patient is active at once and is signed in; any
 * other role waits for an administrator's approval, which the page says.
 */
@customElement('docsy-register-page')
export class DocsyRegisterPage extends DocsyPage {
  static override forVisitors = true;

  @state() private problem: unknown;
  @state() private busy = false;
  @state() private chosenRole: Role = 'patient';
  @state() private values: Record<string, string> = {};
  @state() private waiting: { name: string; role: Role } | undefined;

  private async register(event: Event): Promise<void> {
    event.preventDefault();
    const values = formValues(event);
    this.values = values;
    const { name = '', email = '', password = '', birthDate = '' } = values;
    this.busy = true;
    this.problem = undefined;
    try {
      await this.api.json('POST', '/api/auth/register', {
        body: { name, email, password, role: this.chosenRole, ...(this.chosenRole === 'patient' ? { birthDate } : {}) },
      });
      if (this.chosenRole === 'patient') {
        await this.app.session.signIn(email, password);
        this.app.navigate('/', { replace: true });
      } else {
        this.waiting = { name, role: this.chosenRole };
        await this.focusHeading();
      }
    } catch (error) {
      this.problem = this.explain(error);
      await focusFirstInvalid(this);
    } finally {
      this.busy = false;
    }
  }

  /** A taken email (409) is shown at the email field. */
  private explain(error: unknown): unknown {
    if (error instanceof ApiProblem && error.status === 409) {
      return new ApiProblem(409, {
        type: error.type,
        title: error.title,
        detail: 'Correct the field below.',
        errors: [{ path: '/email', message: error.detail || 'already has an account' }],
      });
    }
    return error;
  }

  override render() {
    if (this.waiting) {
      return html`<h1 tabindex="-1">Waiting for an administrator</h1>
        <p class="success" role="status">
          Thank you, ${this.waiting.name}. Your ${roleNames[this.waiting.role].toLowerCase()} account is created and is
          waiting for an administrator to approve it. You can sign in once it is approved.
        </p>
        <p><a href="/sign-in">Go to sign-in</a></p>`;
    }
    const errors = fieldErrors(this.problem);
    const values = this.values;
    return html`<h1 tabindex="-1">Create an account</h1>
      <p class="lead">
        Patients can use Docsy at once. Practitioners and modellers wait for an administrator to approve them.
      </p>
      <form class="stacked" @submit=${this.register} novalidate>
        <docsy-problem .problem=${this.problem} .labels=${labels}></docsy-problem>
        <div class="field">
          <label for="role">I register as</label>
          <select
            id="role"
            name="role"
            aria-describedby=${errors['/role'] ? 'role-error' : nothing}
            @change=${(event: Event) => (this.chosenRole = (event.target as HTMLSelectElement).value as Role)}
          >
            ${registrableRoles.map((role) => html`<option value=${role} ?selected=${role === this.chosenRole}>${roleNames[role]}</option>`)}
          </select>
          ${errors['/role'] ? html`<span class="field-error" id="role-error">${errors['/role']}</span>` : nothing}
        </div>
        ${formField({ name: 'name', label: 'Full name', required: true, autocomplete: 'name', value: values.name, error: errors['/name'], maxlength: 200 })}
        ${formField({ name: 'email', label: 'Email', type: 'email', required: true, autocomplete: 'email', value: values.email, error: errors['/email'] })}
        ${formField({ name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'new-password', help: passwordRules, error: errors['/password'] })}
        ${
          this.chosenRole === 'patient'
            ? formField({
                name: 'birthDate',
                label: 'Date of birth',
                type: 'date',
                required: true,
                autocomplete: 'bday',
                value: values.birthDate,
                error: errors['/birthDate'],
              })
            : html`<p class="notice">
                A ${roleNames[this.chosenRole].toLowerCase()} account is active once an administrator approves it.
              </p>`
        }
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>
            ${this.busy ? 'Creating…' : 'Create account'}
          </button>
        </div>
      </form>
      <p>Already registered? <a href="/sign-in">Sign in</a>.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-register-page': DocsyRegisterPage;
  }
}
