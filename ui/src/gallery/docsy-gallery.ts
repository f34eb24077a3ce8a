import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { ApiProblem, DocsyApi } from '../api.js';
import '../form/docsy-form.js';
import type { DocsyForm } from '../form/docsy-form.js';
import type { CompositionBody, FormDefinition, StoredComposition } from '../form/form-definition.js';
import '../views/docsy-composition-view.js';
import '../views/docsy-history.js';

/** Where the gallery keeps a bearer token for its API calls (set it from the console or a test). */
export const galleryTokenKey = 'docsy-gallery-token';

/**
 * The form engine's development gallery (`/gallery.html`): any template's form
 * (`?template=<id>&revision=<r>`, the showcase template by default), what it produces, and the
 * read-only view of it. With `?ehr=<ehr id>` a valid submission is committed to that EHR, read
 * back, and shown with its history.
 */
@customElement('docsy-gallery')
export class DocsyGallery extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: system-ui, sans-serif;
      color: #1d2733;
      padding: 1rem 1.5rem;
    }
    h1 {
      font-size: 1.5rem;
      margin: 0 0 0.5rem;
    }
    .layout {
      display: grid;
      grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
      gap: 2rem;
    }
    pre {
      background: #f1f4f8;
      padding: 0.75rem;
      overflow: auto;
      font-size: 0.8rem;
    }
    select,
    button {
      font: inherit;
    }
    :focus-visible {
      outline: 3px solid #1a5fb4;
      outline-offset: 2px;
    }
    .error {
      color: #a4161a;
      font-weight: 600;
    }
  `;

  readonly api = new DocsyApi({ token: () => sessionStorage.getItem(galleryTokenKey) ?? undefined });
  readonly params = new URLSearchParams(location.search);

  @state() private templates: { id: string; title: string }[] = [];
  @state() private definition: FormDefinition | undefined;
  @state() private submitted: CompositionBody | undefined;
  @state() private stored: StoredComposition | undefined;
  @state() private storedUid = '';
  @state() private problem = '';
  @state() private busy = false;
  @state() private needsSignIn = false;

  @query('docsy-form') form!: DocsyForm;

  get templateId(): string {
    return this.params.get('template') ?? 'docsy.form_showcase.v1';
  }

  get ehrId(): string {
    return this.params.get('ehr') ?? '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.needsSignIn = false;
    try {
      const [definition, list] = await Promise.all([
        this.api.formDefinition(this.templateId, this.params.get('revision') ?? undefined),
        this.api.json<{ items: { id: string; title: string }[] }>('GET', '/api/templates', { query: { limit: 500 } }),
      ]);
      this.templates = list.items;
      this.definition = definition;
    } catch (error) {
      this.needsSignIn = error instanceof ApiProblem && error.status === 401;
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private async signIn(event: Event): Promise<void> {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    try {
      const session = await this.api.login(String(data.get('email')), String(data.get('password')));
      sessionStorage.setItem(galleryTokenKey, session.accessToken);
      this.problem = '';
      await this.load();
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private renderSignIn() {
    return html`<form class="sign-in" @submit=${this.signIn}>
      <label for="email">Email</label> <input id="email" name="email" type="email" autocomplete="username" required />
      <label for="password">Password</label>
      <input id="password" name="password" type="password" autocomplete="current-password" required />
      <button type="submit">Sign in</button>
    </form>`;
  }

  private async onSubmit(event: CustomEvent<{ value: CompositionBody }>): Promise<void> {
    this.submitted = event.detail.value;
    if (!this.ehrId) return;
    this.busy = true;
    try {
      const commit = await this.api.createComposition(this.ehrId, event.detail.value);
      this.storedUid = commit.versionUid.split('::')[0] ?? '';
      this.stored = await this.api.composition(this.ehrId, this.storedUid);
      this.problem = '';
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
      if (error instanceof ApiProblem && error.errors.length > 0) await this.form.showErrors(error.errors);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`
      <header>
        <h1>Form engine gallery</h1>
        <p>
          <label for="template">Template</label>
          <select
            id="template"
            @change=${(event: Event) => (location.search = `?template=${(event.target as HTMLSelectElement).value}${this.ehrId ? `&ehr=${this.ehrId}` : ''}`)}
          >
            ${this.templates.map((t) => html`<option value=${t.id} ?selected=${t.id === this.templateId}>${t.title} (${t.id})</option>`)}
          </select>
        </p>
      </header>
      ${this.problem ? html`<p class="error" role="alert" id="problem">${this.problem}</p>` : nothing}
      ${this.needsSignIn ? this.renderSignIn() : nothing}
      <div class="layout">
        <main>
          <docsy-form
            .definition=${this.definition}
            .api=${this.api}
            ehr-id=${this.ehrId}
            facility="Docsy Clinic"
            ?busy=${this.busy}
            @docsy-submit=${this.onSubmit}
          ></docsy-form>
        </main>
        <aside aria-label="Result">
          <h2>Submitted composition</h2>
          <pre id="composition" tabindex="0">
${this.submitted ? JSON.stringify(this.submitted, null, 2) : 'Nothing submitted yet.'}</pre>
          ${
            this.submitted && !this.ehrId
              ? html`<docsy-composition-view
                  id="view"
                  .composition=${this.submitted}
                  .definition=${this.definition}
                ></docsy-composition-view>`
              : nothing
          }
          ${
            this.stored
              ? html`<docsy-composition-view
                    id="view"
                    .composition=${this.stored}
                    .api=${this.api}
                  ></docsy-composition-view>
                  <h2>History</h2>
                  <docsy-history
                    .api=${this.api}
                    ehr-id=${this.ehrId}
                    composition-uid=${this.storedUid}
                  ></docsy-history>`
              : nothing
          }
        </aside>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-gallery': DocsyGallery;
  }
}
