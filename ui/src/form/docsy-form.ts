import { provide } from '@lit/context';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AttachmentValue, DocsyApi, TerminologyConcept } from '../api.js';
import './docsy-coded-input.js';
import './docsy-date-time-input.js';
import { DocsyField } from './docsy-field.js';
import { formStyles } from './docsy-form.styles.js';
import './docsy-text-input.js';
import { newDraft, valueAt, withValueAt, type DraftPath, type DraftValue, type FormDraft } from './form-draft.js';
import type { CompositionBody, FieldError, FormDefinition } from './form-definition.js';
import { formServicesContext, type FormServices } from './form-services.js';
import { renderSlots, type TreeHost } from './form-tree.js';
import { sharedFormValidator } from './form-validator.js';
import { draftOfComposition } from './load-composition.js';
import { nowWithOffset } from './partial-dates.js';
import { partOf, serializeDraft, type SerializedDraft } from './serialize-draft.js';

/**
 * Renders any form definition (`GET /api/templates/{id}/form`) as a form, with no code of its
 * own per template, and produces the composition of docs/modelling.md. It validates in the
 * browser with the definition's schema and the server's Ajv setup; errors show next to their
 * fields once a field was changed, and all of them after a submit attempt, with a summary and
 * focus on the first.
 *
 * @slot actions - buttons beside the submit button (Cancel…)
 * @event docsy-change - `{value}`: the composition, after every change
 * @event docsy-submit - `{value}`: the valid composition, when submitted
 * @event docsy-invalid - `{errors}`: the field errors, when a submit attempt found some
 * @csspart summary - the error summary
 * @csspart context - the composition context (start time, setting, facility)
 * @csspart slot - the section of one template slot
 * @csspart group - a group or cluster
 * @csspart list - a repeating element
 * @csspart item - one item of a list
 * @csspart actions - the row of the submit button
 * @csspart submit - the submit button
 */
@customElement('docsy-form')
export class DocsyForm extends LitElement implements TreeHost {
  static formAssociated = true;
  static override styles = formStyles;

  /** The form definition to render. */
  @property({ attribute: false }) definition: FormDefinition | undefined = undefined;
  /** The API client behind the default terminology search and attachment upload. */
  @property({ attribute: false }) api: DocsyApi | undefined = undefined;
  /** The EHR that uploaded attachments go to. */
  @property({ attribute: 'ehr-id' }) ehrId = '';
  /** The facility a new composition starts with. */
  @property() facility = '';
  /** The submit button's text. */
  @property({ attribute: 'submit-label' }) submitLabel = 'Save';
  /** While set, the submit button is disabled and says so (the page is saving). */
  @property({ type: Boolean, reflect: true }) busy = false;
  /** The name under which a native form submits the composition (as JSON). */
  @property({ reflect: true }) name = '';
  /** Replaces the terminology search (default: `api.searchTerminology`). */
  @property({ attribute: false }) searchTerminology: FormServices['searchTerminology'] | undefined = undefined;
  /** Replaces the attachment upload (default: `api.uploadAttachment` to `ehr-id`). */
  @property({ attribute: false }) uploadAttachment: FormServices['uploadAttachment'] | undefined = undefined;

  @provide({ context: formServicesContext })
  @state()
  protected services: FormServices | undefined;

  @state() private draft: FormDraft | undefined;
  @state() private errors: FieldError[] = [];
  @state() private submitted = false;

  /** How many repeated parts the next render may show (see `admitPart`); all of them once caught up. */
  @state() private partBudget = firstScreenParts;
  #admitted = 0;
  #deferred = 0;
  #caughtUp: Promise<void> = Promise.resolve();
  #catchUp: (() => void) | undefined;
  #initial: CompositionBody | undefined;
  #serialized: SerializedDraft | undefined;
  #errorsByPart = new Map<string, string[]>();
  #changed = new Set<string>();
  #validation: Promise<FieldError[]> = Promise.resolve([]);
  #validationRun = 0;
  readonly #internals = this.attachInternals();

  /** The composition as entered so far (undefined before the definition is set). */
  get value(): CompositionBody | undefined {
    return this.#serialized?.composition;
  }

  /** A composition to edit (an amendment); without one the form starts a new composition. */
  set value(composition: CompositionBody | undefined) {
    this.#initial = composition;
    this.draft = undefined;
    this.requestUpdate();
  }

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }

  get validity(): ValidityState {
    return this.#internals.validity;
  }

  get validationMessage(): string {
    return this.#internals.validationMessage;
  }

  /** Whether the composition, as last validated, is valid. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }

  /** Like checkValidity(), and shows the errors as a submit attempt would. */
  reportValidity(): boolean {
    if (this.errors.length > 0) void this.showErrors(this.errors);
    return this.errors.length === 0;
  }

  /**
   * Validates the composition as it stands, as the server would, and answers its field errors.
   *
   * @example
   * const errors = await form.validate(); // [] when valid
   */
  async validate(): Promise<FieldError[]> {
    await this.updateComplete;
    return this.#validation;
  }

  /**
   * Submits: validates, then either fires `docsy-submit` with the composition (answering true)
   * or shows every error with a summary, moves focus to the first and fires `docsy-invalid`.
   *
   * @example
   * form.addEventListener('docsy-submit', (event) => api.createComposition(ehrId, event.detail.value));
   */
  async submit(): Promise<boolean> {
    const errors = await this.validate();
    if (errors.length > 0) {
      await this.showErrors(errors);
      this.dispatchEvent(new CustomEvent('docsy-invalid', { detail: { errors }, bubbles: true, composed: true }));
      return false;
    }
    this.dispatchEvent(
      new CustomEvent('docsy-submit', { detail: { value: this.value }, bubbles: true, composed: true }),
    );
    return true;
  }

  /**
   * Shows errors next to their fields with the summary and focuses the first: after a submit
   * attempt, or for the errors of a 422 answer (`ApiProblem.errors`).
   *
   * @example
   * catch (problem) { if (problem instanceof ApiProblem) await form.showErrors(problem.errors); }
   */
  async showErrors(errors: FieldError[]): Promise<void> {
    this.#setErrors(errors);
    this.submitted = true;
    await this.updateComplete;
    this.#focusFirstError();
  }

  /** Resolves once every part is rendered, not only the first screen. */
  protected override async getUpdateComplete(): Promise<boolean> {
    await super.getUpdateComplete();
    await this.#caughtUp;
    return super.getUpdateComplete();
  }

  admitPart(): boolean {
    if (this.#admitted < this.partBudget) {
      this.#admitted++;
      return true;
    }
    this.#deferred++;
    return false;
  }

  /** The error text shown at a part of the form (TreeHost). */
  errorText(part: string): string {
    if (!this.submitted && !this.#changed.has(part)) return '';
    return (this.#errorsByPart.get(part) ?? []).join(' ');
  }

  get slotsDraft(): FormDraft['slots'] {
    return this.draft?.slots ?? {};
  }

  addItem(path: string, item: DraftValue): void {
    const items = (valueAt(this.draft, segments(path)) as DraftValue[] | undefined) ?? [];
    this.#edit(segments(path), [...items, item]);
    void this.updateComplete.then(() => this.#focusPart(`${path}/${items.length}`));
  }

  removeItem(path: string, index: number): void {
    const items = (valueAt(this.draft, segments(path)) as DraftValue[] | undefined) ?? [];
    this.#edit(
      segments(path),
      items.filter((_, at) => at !== index),
    );
    void this.updateComplete.then(() =>
      this.#focusPart(
        index > 0 ? `${path}/${index - 1}` : path,
        this.renderRoot.querySelector<HTMLElement>(`[data-add="${path}"]`),
      ),
    );
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (
      changed.has('api') ||
      changed.has('ehrId') ||
      changed.has('searchTerminology') ||
      changed.has('uploadAttachment')
    )
      this.services = this.#services();
    if (changed.has('definition')) this.draft = undefined;
    if (this.definition && !this.draft) {
      void sharedFormValidator()
        .prepare(this.definition)
        .catch(() => undefined);
      this.#changed.clear();
      this.submitted = false;
      this.draft = this.#initial
        ? draftOfComposition(this.definition, this.#initial)
        : newDraft(this.definition, {
            startTime: nowWithOffset(),
            ...(this.facility ? { facility: this.facility } : {}),
          });
    }
    if (changed.has('draft') && this.definition && this.draft) {
      this.#serialized = serializeDraft(this.definition, this.draft);
      this.#startValidation(this.definition, this.#serialized.composition);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#deferred === 0) {
      if (this.partBudget !== Infinity) this.partBudget = Infinity;
      this.#catchUp?.();
      this.#catchUp = undefined;
      return;
    }
    if (!this.#catchUp) this.#caughtUp = new Promise((resolve) => (this.#catchUp = resolve));
    // After this frame is painted, the next parts; the page answers input in between.
    requestAnimationFrame(() => setTimeout(() => (this.partBudget += partsPerFrame)));
  }

  #services(): FormServices {
    const api = this.api;
    return {
      searchTerminology:
        this.searchTerminology ??
        ((valueSet: string, q: string, signal?: AbortSignal): Promise<TerminologyConcept[]> =>
          api ? api.searchTerminology(valueSet, q, signal) : Promise.resolve([])),
      uploadAttachment:
        this.uploadAttachment ??
        ((file: File, signal?: AbortSignal): Promise<AttachmentValue> => {
          if (!api || !this.ehrId) return Promise.reject(new Error('this form has no record to upload to'));
          return api.uploadAttachment(this.ehrId, file, signal);
        }),
    };
  }

  #startValidation(definition: FormDefinition, composition: CompositionBody): void {
    const run = ++this.#validationRun;
    this.#validation = sharedFormValidator()
      .validate(definition, composition as never)
      .then((errors) => {
        if (run === this.#validationRun) this.#setErrors(errors);
        return errors;
      });
  }

  #setErrors(errors: FieldError[]): void {
    this.errors = errors;
    this.#errorsByPart = new Map();
    for (const error of errors) {
      const part = this.#serialized ? partOf(this.#serialized.parts, error.path) : '';
      this.#errorsByPart.set(part, [...(this.#errorsByPart.get(part) ?? []), error.message]);
    }
    this.#internals.setFormValue(this.value ? JSON.stringify(this.value) : null);
    const anchor = this.renderRoot.querySelector<HTMLElement>('button[type=submit]') ?? undefined;
    if (errors.length > 0) this.#internals.setValidity({ customError: true }, errors[0]!.message, anchor);
    else this.#internals.setValidity({});
  }

  #edit(path: DraftPath, value: DraftValue): void {
    this.draft = withValueAt(this.draft, path, value);
  }

  private onFieldChange(event: CustomEvent<{ value: DraftValue }>): void {
    const path = (event.target as HTMLElement).dataset.path;
    if (path === undefined) return;
    event.stopPropagation();
    this.#changed.add(path);
    this.#edit(segments(path), event.detail.value);
    void this.updateComplete.then(() =>
      this.dispatchEvent(
        new CustomEvent('docsy-change', { detail: { value: this.value }, bubbles: true, composed: true }),
      ),
    );
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    if (!this.busy) void this.submit();
  }

  /** The first part in the order of the page that shows an error. */
  #focusFirstError(): void {
    const parts = [...this.renderRoot.querySelectorAll<HTMLElement>('[data-path]')];
    const first = parts.find((element) => this.errorText(element.dataset.path ?? '') !== '');
    if (first) this.#focusElement(first);
    else this.renderRoot.querySelector<HTMLElement>('.summary')?.focus();
  }

  #focusPart(path: string, fallback?: HTMLElement | null): void {
    const selector = path === '' || path === '/slots' ? 'section.slot' : `[data-path="${CSS.escape(path)}"]`;
    const element = this.renderRoot.querySelector<HTMLElement>(selector);
    if (element) this.#focusElement(element);
    else fallback?.focus();
  }

  /** A field takes focus itself (its inner control); a group, list or slot gives it to its first control. */
  #focusElement(element: HTMLElement): void {
    if (element instanceof DocsyField) return element.focus();
    const controls = [...element.querySelectorAll<HTMLElement>('*')];
    const first = controls.find(
      (inner) => inner instanceof DocsyField || (inner instanceof HTMLButtonElement && !inner.disabled),
    );
    first?.focus();
  }

  private renderSummary() {
    if (!this.submitted || this.errors.length === 0) return nothing;
    const count = this.errors.length;
    return html`<div class="summary" part="summary" role="alert" tabindex="-1" aria-labelledby="summary-title">
      <h3 id="summary-title">${count === 1 ? 'There is 1 problem' : `There are ${count} problems`} to correct</h3>
      <ul>
        ${this.errors.map(
          (error) =>
            html`<li>
              <button
                type="button"
                @click=${() => this.#focusPart(partOf(this.#serialized?.parts ?? new Map(), error.path))}
              >
                ${error.message}
              </button>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderContext(definition: FormDefinition, draft: FormDraft) {
    const context = draft.context;
    return html`<fieldset class="context" part="context">
      <legend>Context</legend>
      <docsy-date-time-input
        data-path="/context/startTime"
        label="Start time"
        help="When the care event began."
        required
        exact
        .error=${this.errorText('/context/startTime')}
        .value=${context.startTime as string | undefined}
      ></docsy-date-time-input>
      <docsy-coded-input
        data-path="/context/setting"
        label="Setting"
        terminology="openehr"
        .codes=${definition.context.settings}
        .error=${this.errorText('/context/setting')}
        .value=${context.setting as never}
      ></docsy-coded-input>
      <docsy-text-input
        data-path="/context/facility"
        label="Facility"
        .error=${this.errorText('/context/facility')}
        .value=${context.facility as string | undefined}
      ></docsy-text-input>
    </fieldset>`;
  }

  override render() {
    this.#admitted = 0;
    this.#deferred = 0;
    const { definition, draft } = this;
    if (!definition || !draft) return html`<p class="note" role="status">Loading the form…</p>`;
    const contentError = this.errorText('/slots') || this.errorText('');
    return html`<form novalidate @submit=${this.onSubmit} @docsy-change=${this.onFieldChange}>
      <h2 part="title">${definition.template.title}</h2>
      ${definition.template.description ? html`<p class="description">${definition.template.description}</p>` : nothing}
      ${this.renderSummary()} ${this.renderContext(definition, draft)}
      <p class="error" id="content-error">${contentError}</p>
      ${renderSlots(definition, this)}
      <div class="actions" part="actions">
        <button type="submit" part="submit" ?disabled=${this.busy}>${this.busy ? 'Saving…' : this.submitLabel}</button>
        <slot name="actions"></slot>
      </div>
    </form>`;
  }
}

/** Repeated parts (groups, clusters, slot occurrences) rendered at first, and then per frame. */
const firstScreenParts = 2;
const partsPerFrame = 4;

/** A part's path as draft path segments; list indexes become numbers. */
function segments(path: string): DraftPath {
  return path
    .split('/')
    .slice(1)
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-form': DocsyForm;
  }
}
