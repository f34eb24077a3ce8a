import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { modellerStyles } from './modeller.styles.js';
import { Loader } from '../../app/loader.js';
import type { FormDefinition, JsonObject } from '../../form/form-definition.js';
import '../../form/docsy-form.js';
import {
  knowledgeFile,
  knowledgeRevisions,
  previewKnowledge,
  publishKnowledge,
  type KnowledgeKind,
  type RevisionEntry,
} from './knowledge-client.js';
import { lifecycleBadge } from './lifecycle-badge.js';

const kinds: Record<string, KnowledgeKind> = { archetypes: 'archetype', templates: 'template' };

/**
 * One template or archetype (`/modeller/templates/:id`, `/modeller/archetypes/:id`): every
 * revision with its lifecycle, author, date and listed changes, the file of the latest, and
 * "Edit as a new revision" for any of them.
 */
@customElement('docsy-knowledge-detail-page')
export class DocsyKnowledgeDetailPage extends DocsyPage {
  static override styles = modellerStyles;

  @state() private entryChecked = false;
  @state() private deprecating: string | undefined;
  @state() private deprecation: { problem?: unknown; done?: string } = {};

  private get kind(): KnowledgeKind | undefined {
    return kinds[this.params.collection ?? ''];
  }

  private details = new Loader(
    this,
    async () => {
      const kind = this.kind!;
      const id = this.params.id!;
      const [revisions, file] = await Promise.all([
        knowledgeRevisions(this.api, kind, id),
        knowledgeFile(this.api, kind, id),
      ]);
      const form = await this.formOf(kind, id, revisions.at(-1)!.revision, file).then(
        (definition) => ({ definition, problem: undefined as unknown }),
        (problem: unknown) => ({ definition: undefined, problem }),
      );
      return { kind, id, revisions, file, form };
    },
    () => (this.kind ? [this.params.collection, this.params.id] : undefined),
  );

  /** The form the latest revision makes: a template's own, an entry archetype's in a one-slot form; none for a cluster. */
  private async formOf(
    kind: KnowledgeKind,
    id: string,
    revision: string,
    file: JsonObject,
  ): Promise<FormDefinition | undefined> {
    if (kind === 'template') return this.api.formDefinition(id, revision);
    if (id.includes('-EHR-CLUSTER.')) return undefined;
    return (await previewKnowledge(this.api, 'archetype', file)).form;
  }

  /**
   * Deprecates a published revision: the same file with lifecycle `deprecated` (the registry's
   * one allowed change to a released revision). Its compositions stay valid and readable; new
   * compositions need a published revision.
   */
  private async deprecate(kind: KnowledgeKind, revision: RevisionEntry): Promise<void> {
    this.deprecating = revision.revision;
    this.deprecation = {};
    try {
      const file = await knowledgeFile(this.api, kind, revision.id, revision.revision);
      const deprecated =
        kind === 'template'
          ? { ...file, lifecycle: 'deprecated' }
          : { ...file, 'x-archetype': { ...(file['x-archetype'] as JsonObject), lifecycle: 'deprecated' } };
      await publishKnowledge(this.api, kind, deprecated);
      this.deprecation = { done: `Revision ${revision.revision} is deprecated.` };
      this.app.announce(this.deprecation.done!);
      await this.details.reload();
    } catch (problem) {
      this.deprecation = { problem };
    } finally {
      this.deprecating = undefined;
    }
  }

  override get pageTitle(): string {
    return this.params.id ?? 'Knowledge';
  }

  override render() {
    const kind = this.kind;
    if (!kind)
      return html`<h1 tabindex="-1">Page not found</h1>
        <p>There is no kind of knowledge called "${this.params.collection}".</p>
        <p><a href="/modeller">Back to the knowledge list</a></p>`;
    return html`<p class="meta"><a href="/modeller">Clinical knowledge</a> › ${kind}</p>
      <h1 tabindex="-1">${this.details.value?.revisions.at(-1)?.title ?? this.params.id}</h1>
      ${this.details.render(({ id, revisions, file, form }) => {
        const latest = revisions.at(-1)!;
        return html`<dl class="facts">
            <dt>Id</dt>
            <dd><code>${id}</code></dd>
            <dt>Kind</dt>
            <dd>${kind}</dd>
            <dt>Latest revision</dt>
            <dd>${latest.revision} ${lifecycleBadge(latest.lifecycle)}</dd>
          </dl>
          <div class="actions">
            <a class="button primary" href=${editorLink(kind, id, latest.revision)}>Edit as a new revision</a>
          </div>
          <h2>Revisions</h2>
          <docsy-problem .problem=${this.deprecation.problem}></docsy-problem>
          ${this.deprecation.done ? html`<p class="success">${this.deprecation.done}</p>` : nothing}
          ${this.renderRevisions(kind, revisions)}
          <details>
            <summary>File of revision ${latest.revision}</summary>
            <pre class="source">${JSON.stringify(file, null, 2)}</pre>
          </details>
          <h2>Form of revision ${latest.revision}</h2>
          ${
            form.definition
              ? html`<div class="preview">
                    <docsy-form
                      .definition=${form.definition}
                      .api=${this.api}
                      submit-label="Check the entry"
                      @docsy-submit=${() => {
                        this.entryChecked = true;
                        this.app.announce('The entry is valid for this revision.');
                      }}
                    ></docsy-form>
                  </div>
                  ${this.entryChecked ? html`<p class="success">The entry is valid for this revision.</p>` : nothing}`
              : form.problem
                ? html`<docsy-problem .problem=${form.problem}></docsy-problem>`
                : html`<p class="note">
                    A cluster has no form of its own: it shows inside the archetypes that use it.
                  </p>`
          }`;
      }, 'Loading the revisions…')}`;
  }

  private renderRevisions(kind: KnowledgeKind, revisions: RevisionEntry[]) {
    return html`<table>
      <caption class="visually-hidden">
        Revisions, newest first
      </caption>
      <thead>
        <tr>
          <th scope="col">Revision</th>
          <th scope="col">Lifecycle</th>
          <th scope="col">Stored</th>
          <th scope="col">By</th>
          <th scope="col">Changes</th>
          <th scope="col"><span class="visually-hidden">Actions</span></th>
        </tr>
      </thead>
      <tbody>
        ${[...revisions].reverse().map(
          (revision) =>
            html`<tr>
              <td>${revision.revision}</td>
              <td>${lifecycleBadge(revision.lifecycle)}</td>
              <td>${new Date(revision.createdAt).toLocaleString()}</td>
              <td>${revision.createdBy}</td>
              <td>
                ${
                  revision.changes?.length
                    ? html`<ul>
                        ${revision.changes.map((change) => html`<li>${change}</li>`)}
                      </ul>`
                    : nothing
                }
              </td>
              <td>
                <a href=${editorLink(kind, revision.id, revision.revision)}
                  >Start from ${revision.revision}<span class="visually-hidden"> in the editor</span></a
                >
                ${
                  revision.lifecycle === 'published'
                    ? html`<button
                        type="button"
                        ?disabled=${this.deprecating !== undefined}
                        @click=${() => this.deprecate(kind, revision)}
                      >
                        ${this.deprecating === revision.revision ? 'Deprecating…' : `Deprecate ${revision.revision}`}
                      </button>`
                    : nothing
                }
              </td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

function editorLink(kind: KnowledgeKind, id: string, revision: string): string {
  return `/modeller/editor?${new URLSearchParams({ kind, id, revision })}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-knowledge-detail-page': DocsyKnowledgeDetailPage;
  }
}
