import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import { collectionOf, listKnowledge, type KnowledgeKind, type KnowledgeSummary } from './knowledge-client.js';
import { lifecycleBadge } from './lifecycle-badge.js';

/**
 * The modeller workspace's start page (SPEC §6): every template and archetype with its latest
 * revision, title, lifecycle and category or entry class, filterable, each linking to its
 * revisions; and the way to the editor.
 */
@customElement('docsy-knowledge-page')
export class DocsyKnowledgePage extends DocsyPage {
  @state() private filter = '';

  private knowledge = new Loader(
    this,
    async () => {
      const [templates, archetypes] = await Promise.all([
        listKnowledge(this.api, 'template'),
        listKnowledge(this.api, 'archetype'),
      ]);
      return { templates, archetypes };
    },
    () => [this.app?.account?.id],
  );

  override render() {
    return html`<h1 tabindex="-1">Clinical knowledge</h1>
      <p class="lead">Templates and archetypes in the registry, each at its latest revision.</p>
      <div class="actions">
        <a class="button primary" href="/modeller/editor">Open the editor</a>
        <label for="filter">Filter by id or title</label>
        <input
          id="filter"
          type="search"
          .value=${this.filter}
          @input=${(event: Event) => (this.filter = (event.target as HTMLInputElement).value)}
        />
      </div>
      ${this.knowledge.render(
        ({ templates, archetypes }) =>
          html`<h2>Templates</h2>
            ${this.renderTable('template', templates)}
            <h2>Archetypes</h2>
            ${this.renderTable('archetype', archetypes)}`,
        'Loading templates and archetypes…',
      )}`;
  }

  private renderTable(kind: KnowledgeKind, all: KnowledgeSummary[]) {
    const words = this.filter.trim().toLowerCase();
    const items = words ? all.filter((item) => `${item.id} ${item.title}`.toLowerCase().includes(words)) : all;
    const plural = collectionOf[kind];
    if (items.length === 0)
      return html`<p class="empty">${words ? `No ${plural} match "${this.filter.trim()}".` : `No ${plural} yet.`}</p>`;
    return html`<table>
      <caption class="visually-hidden">
        ${kind === 'template' ? 'Templates' : 'Archetypes'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Id</th>
          <th scope="col">Title</th>
          <th scope="col">Revision</th>
          <th scope="col">Lifecycle</th>
          <th scope="col">${kind === 'template' ? 'Category' : 'Entry class'}</th>
        </tr>
      </thead>
      <tbody>
        ${items.map(
          (item) =>
            html`<tr>
              <td><a href=${`/modeller/${plural}/${encodeURIComponent(item.id)}`}>${item.id}</a></td>
              <td>${item.title}</td>
              <td>${item.revision}</td>
              <td>${lifecycleBadge(item.lifecycle)}</td>
              <td>${kind === 'template' ? item.category : item.entryClass}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-knowledge-page': DocsyKnowledgePage;
  }
}
