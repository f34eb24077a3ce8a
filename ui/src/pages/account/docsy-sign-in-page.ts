import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { fieldErrors, focusFirstInvalid, formField, formValues } from '../../app/form-field.js';

const labels = { '/email': 'Email', '/password': 'Password' };

/** Sign-in (`POST /api/auth/login`); afterwards the page asked for (`?next=`) or the role's start page. */
@customElement('docsy-sign-in-page')
export class DocsySignInPage extends DocsyPage {
  static override forVisitors = true;

  @state() private problem: unknown;
  @state() private busy = false;
  @state() private email = '';

  private async signIn(event: Event): Promise<void> {
    event.preventDefault();
    const { email = '', password = '' } = formValues(event);
    this.email = email;
    this.busy = true;
    this.problem = undefined;
    try {
      await this.app.session.signIn(email, password);
      const next = this.query.get('next');
      this.app.navigate(next?.startsWith('/') && !next.startsWith('//') ? next : '/', { replace: true });
    } catch (error) {
      this.problem = error;
      await focusFirstInvalid(this);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const errors = fieldErrors(this.problem);
    return html`<h1 tabindex="-1">Sign in</h1>
      <form class="stacked" @submit=${this.signIn} novalidate>
        <docsy-problem .problem=${this.problem} .labels=${labels}></docsy-problem>
        ${formField({ name: 'email', label: 'Email', type: 'email', required: true, autocomplete: 'username', value: this.email, error: errors['/email'] })}
        ${formField({ name: 'password', label: 'Password', type: 'password', required: true, autocomplete: 'current-password', error: errors['/password'] })}
        <div class="actions">
          <button class="primary" type="submit" ?disabled=${this.busy}>${this.busy ? 'Signing in…' : 'Sign in'}</button>
        </div>
      </form>
      <p>New to Docsy? <a href="/register">Create an account</a>.</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-sign-in-page': DocsySignInPage;
  }
}
