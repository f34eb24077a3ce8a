import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocsyApi, VersionSummary } from '../api.js';
import type { StoredComposition } from '../form/form-definition.js';
import { diffValues, type ValueChange } from './composition-diff.js';
import './docsy-composition-view.js';
import { dateInWords } from './format-value.js';
import { formDefinitionOf } from './form-definitions.js';
import { readComposition, readValues, type ReadValue } from './read-composition.js';
import { viewStyles } from './views.styles.js';

/**
 * Every version of a composition (`GET /api/ehr/{ehr_id}/compositions/{uuid}/versions`) with
 * who committed it, when, the kind of change and the reason; any version can be shown, and any
 * two compared field by field (labels from each version's form definition; values added,
 * removed and changed). By default the two latest versions are compared.
 *
 * @event docsy-history-loaded - `{versions}`: the versions, once listed
 * @csspart versions - the table of versions
 * @csspart compare - the version pickers
 * @csspart changes - the table of differences
 */
@customElement('docsy-history')
export class DocsyHistory extends LitElement {
  static override styles = viewStyles;

  @property({ attribute: false }) api: DocsyApi | undefined = undefined;
  @property({ attribute: 'ehr-id' }) ehrId = '';
  /** The composition's uuid. */
  @property({ attribute: 'composition-uid' }) compositionUid = '';

  @state() private versions: VersionSummary[] = [];
  @state() private from = 0;
  @state() private to = 0;
  @state() private shown: StoredComposition | undefined;
  @state() private changes: ValueChange[] | undefined;
  @state() private problem = '';

  #contents = new Map<number, Promise<StoredComposition | undefined>>();

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('api') || changed.has('ehrId') || changed.has('compositionUid')) void this.load();
  }

  /** Lists the versions again (after an amendment, say). */
  async load(): Promise<void> {
    const { api, ehrId, compositionUid } = this;
    if (!api || !ehrId || !compositionUid) return;
    this.#contents.clear();
    try {
      this.problem = '';
      this.versions = await api.compositionVersions(ehrId, compositionUid);
      const last = this.versions.at(-1)?.version ?? 0;
      this.to = last;
      this.from = this.versions.at(-2)?.version ?? last;
      this.dispatchEvent(
        new CustomEvent('docsy-history-loaded', { detail: { versions: this.versions }, bubbles: true, composed: true }),
      );
      await this.compare();
    } catch (error) {
      this.problem = `The history could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  /** A version's content; a deleted version (a tombstone) has none. */
  private content(version: number): Promise<StoredComposition | undefined> {
    let content = this.#contents.get(version);
    if (!content) {
      const summary = this.versions.find((candidate) => candidate.version === version);
      content =
        summary?.lifecycle === 'deleted' || !this.api
          ? Promise.resolve(undefined)
          : this.api
              .compositionVersion(this.ehrId, this.compositionUid, version)
              .then((entry) => entry.composition ?? undefined);
      this.#contents.set(version, content);
    }
    return content;
  }

  private async valuesOf(version: number): Promise<ReadValue[]> {
    const composition = await this.content(version);
    if (!composition || !this.api) return [];
    const definition = await formDefinitionOf(this.api, composition.template.id, composition.template.revision);
    return readValues(readComposition(definition, composition));
  }

  private async compare(): Promise<void> {
    if (this.from === 0 || this.to === 0) return;
    try {
      const [before, after] = await Promise.all([this.valuesOf(this.from), this.valuesOf(this.to)]);
      this.changes = this.from === this.to ? [] : diffValues(before, after);
    } catch (error) {
      this.problem = `The versions could not be compared: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async show(version: number): Promise<void> {
    try {
      this.shown = await this.content(version);
    } catch (error) {
      this.problem = `Version ${version} could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#shown')?.focus();
  }

  private picker(id: 'from' | 'to', label: string) {
    return html`<label for=${id}>${label}</label>
      <select
        id=${id}
        @change=${(event: Event) => {
          this[id] = Number((event.target as HTMLSelectElement).value);
          void this.compare();
        }}
      >
        ${this.versions.map((v) => html`<option value=${v.version} ?selected=${v.version === this[id]}>Version ${v.version}</option>`)}
      </select>`;
  }

  private renderChanges() {
    if (!this.changes) return nothing;
    if (this.changes.length === 0) return html`<p class="note" role="status">No differences.</p>`;
    return html`<table part="changes">
      <caption class="visually-hidden">
        Differences between version ${this.from} and version ${this.to}
      </caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Change</th>
          <th scope="col">Version ${this.from}</th>
          <th scope="col">Version ${this.to}</th>
        </tr>
      </thead>
      <tbody>
        ${this.changes.map(
          (change) =>
            html`<tr class=${change.change} data-key=${change.key}>
              <th scope="row">${change.label}</th>
              <td>${change.change}</td>
              <td>${change.before !== undefined ? html`<del>${change.before}</del>` : nothing}</td>
              <td>${change.after !== undefined ? html`<ins>${change.after}</ins>` : nothing}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override render() {
    return html`
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      <table part="versions">
        <caption class="visually-hidden">
          Versions
        </caption>
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Committed</th>
            <th scope="col">By</th>
            <th scope="col">Change</th>
            <th scope="col">Reason</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.versions.map(
            (v) =>
              html`<tr>
                <td>${v.version}</td>
                <td>${v.committedAt ? dateInWords(v.committedAt) : ''}</td>
                <td>${v.committer?.name ?? ''}</td>
                <td>${v.changeType}</td>
                <td>${v.reason ?? ''}</td>
                <td>
                  <button
                    type="button"
                    ?disabled=${v.changeType === 'deleted'}
                    @click=${() => void this.show(v.version)}
                  >
                    Show<span class="visually-hidden"> version ${v.version}</span>
                  </button>
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        this.versions.length > 1
          ? html`<div class="h3" role="heading" aria-level="3">Compare versions</div>
              <p part="compare">${this.picker('from', 'From')} ${this.picker('to', 'to')}</p>
              ${this.renderChanges()}`
          : nothing
      }
      ${
        this.shown
          ? html`<section id="shown" tabindex="-1" aria-label="Shown version">
              <docsy-composition-view
                .composition=${this.shown}
                .api=${this.api}
                heading-level="3"
              ></docsy-composition-view>
            </section>`
          : nothing
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-history': DocsyHistory;
  }
}
