import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocsyApi } from '../api.js';
import type { FormDefinition, StoredComposition } from '../form/form-definition.js';
import { dateInWords } from './format-value.js';
import { formDefinitionOf } from './form-definitions.js';
import { readComposition, type ReadItem } from './read-composition.js';
import { viewStyles } from './views.styles.js';

/**
 * A composition, read-only, rendered from the form definition of its own template revision
 * (fetched with `?revision=` through `api` unless `definition` is given): the labels of the
 * form, values in words, groups nested, lists numbered.
 *
 * @csspart title - the heading
 * @csspart meta - the line with composer and commit time
 * @csspart entry - the section of one entry
 */
@customElement('docsy-composition-view')
export class DocsyCompositionView extends LitElement {
  static override styles = viewStyles;

  /** The composition to show (as the API answers it). */
  @property({ attribute: false }) composition: StoredComposition | undefined = undefined;
  /** The form definition of the composition's template revision; fetched when absent. */
  @property({ attribute: false }) definition: FormDefinition | undefined = undefined;
  /** The API client that fetches the definition. */
  @property({ attribute: false }) api: DocsyApi | undefined = undefined;
  /** The heading level of the title (2 by default); entries use the next level. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private fetched: FormDefinition | undefined;
  @state() private problem = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has('composition') || changed.has('definition') || changed.has('api')) && !this.definition)
      void this.fetchDefinition();
  }

  private async fetchDefinition(): Promise<void> {
    const template = this.composition?.template;
    if (!template || !this.api) return;
    if (this.fetched?.template.id === template.id && this.fetched.template.revision === template.revision) return;
    try {
      this.problem = '';
      this.fetched = await formDefinitionOf(this.api, template.id, template.revision);
    } catch (error) {
      this.problem = `The form of ${template.id} ${template.revision} could not be loaded: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private heading(level: number, text: string, part?: string): TemplateResult {
    const clamped = Math.min(Math.max(level, 1), 6);
    return html`<div role="heading" aria-level=${clamped} class=${`h${clamped}`} part=${part ?? nothing}>${text}</div>`;
  }

  private renderItems(items: readonly ReadItem[]): TemplateResult {
    return html`<dl>
      ${items.map(
        (item) =>
          html`<dt>${item.label}</dt>
            <dd>${item.children ? this.renderItems(item.children) : item.text}</dd>`,
      )}
    </dl>`;
  }

  override render() {
    const composition = this.composition;
    if (!composition) return html`<p class="note">No composition.</p>`;
    const definition = this.definition ?? this.fetched;
    if (!definition && !this.problem && this.api) return html`<p class="note" role="status">Loading…</p>`;
    const [context, ...entries] = readComposition(definition, composition);
    const title = definition?.template.title ?? composition.template.id;
    const meta = [
      composition.composer ? `Recorded by ${composition.composer.name}` : '',
      composition.committedAt ? `committed ${dateInWords(composition.committedAt)}` : '',
      `${composition.template.id} ${composition.template.revision}`,
    ].filter(Boolean);
    return html`<article>
      ${this.heading(this.headingLevel, title, 'title')}
      <p class="meta" part="meta">${meta.join(' · ')}</p>
      ${this.problem ? html`<p class="error" role="alert">${this.problem}</p>` : nothing}
      ${context?.children?.length ? this.renderItems(context.children) : nothing}
      ${entries.map(
        (entry) =>
          html`<section part="entry">
            ${this.heading(this.headingLevel + 1, entry.label)} ${this.renderItems(entry.children ?? [])}
          </section>`,
      )}
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-composition-view': DocsyCompositionView;
  }
}
