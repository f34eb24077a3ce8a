import { html, nothing, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import '../../form/docsy-form.js';
import {
  collectionOf,
  knowledgeFile,
  knowledgeRevisions,
  previewKnowledge,
  publishKnowledge,
  type KnowledgeKind,
  type KnowledgePreview,
  type PublishResult,
} from './knowledge-client.js';
import { valueOffsets } from './json-syntax.js';
import { breakingChanges, fileProblems, type FileLinks } from './knowledge-report.js';
import { fileRelativeProblem } from './request-paths.js';
import { keepDraft, keptDraft } from './kept-draft.js';
import { skeleton } from './knowledge-skeletons.js';
import { draftFrom, kindOf, parseSource, type ParsedSource } from './knowledge-source.js';
import { breakingPointer, locatePointer, type SourceLocation } from './source-locations.js';
import { modellerStyles } from './modeller.styles.js';

/** How long typing must pause before the preview is asked for. */
const previewDelayMs = 400;
/** The registry's size limit of a file (docs/modelling.md, "Limits on what a file may contain"). */
const maxFileBytes = 1024 * 1024;

/**
 * The modeller's editor (`/modeller/editor`, SPEC §2 and §6): a template or archetype file as
 * text, started from a stored revision (`?kind=template&id=…&revision=…`), an uploaded file or
 * pasted; a live preview beside it (`POST /api/knowledge/preview` a moment after typing stops)
 * with the form it makes, its problems and its compatibility report; "Check" and "Publish".
 */
@customElement('docsy-knowledge-editor-page')
export class DocsyKnowledgeEditorPage extends DocsyPage {
  static override styles = modellerStyles;

  @state() private source = '';
  @state() private parsed: ParsedSource | undefined;
  /** Where the text came from, in words. */
  @state() private origin = '';
  @state() private loadProblem: unknown;
  @state() private loading = false;
  @state() private preview: KnowledgePreview | undefined;
  @state() private previewProblem: unknown;
  @state() private previewing = false;
  @state() private outcome: (PublishResult & { dryRun: boolean }) | undefined;
  @state() private publishProblem: unknown;
  @state() private busy: 'check' | 'publish' | undefined;
  @state() private entryChecked = false;

  #startedFrom: string | undefined;
  #offsets: { text: string; offsets: Map<string, number> } | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #previewRun = 0;
  #previewAbort: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#timer);
    this.#previewAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!changed.has('query')) return;
    const { kind, id, revision } = Object.fromEntries(this.query) as Record<string, string | undefined>;
    const key = `${kind}:${id}:${revision}`;
    if (!id || (kind !== 'template' && kind !== 'archetype')) return this.restoreKeptDraft();
    if (key === this.#startedFrom) return;
    this.#startedFrom = key;
    void this.startFrom(kind, id, revision);
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('source') || changed.has('origin')) keepDraft({ source: this.source, origin: this.origin });
  }

  /** Opened without a revision to start from: the draft this tab was working on, if any. */
  private restoreKeptDraft(): void {
    const kept = this.source ? undefined : keptDraft();
    if (!kept) return;
    this.setSource(kept.source, true);
    this.origin =
      `Your draft from before you left the editor. ${kept.origin.replace(/^Your draft from before you left the editor\. /, '')}`.trim();
  }

  private clear(): void {
    this.#previewRun++;
    this.#previewAbort?.abort();
    this.setSource('');
    this.origin = '';
    this.preview = undefined;
    this.previewProblem = undefined;
    this.app.announce('The text is cleared.');
  }

  /** Loads a stored revision into the editor; a released one becomes the next minor revision. */
  private async startFrom(kind: KnowledgeKind, id: string, revision: string | undefined): Promise<void> {
    this.loading = true;
    this.loadProblem = undefined;
    try {
      const [file, revisions] = await Promise.all([
        knowledgeFile(this.api, kind, id, revision),
        knowledgeRevisions(this.api, kind, id),
      ]);
      const chosen = revisions.find((r) => r.revision === revision) ?? revisions.at(-1)!;
      const latest = revisions.at(-1)!.revision;
      const draft = chosen.lifecycle === 'draft' ? file : draftFrom(kind, file, latest);
      this.setSource(`${JSON.stringify(draft, null, 2)}\n`, true);
      this.origin =
        chosen.lifecycle === 'draft'
          ? `Editing the draft ${id} revision ${chosen.revision}.`
          : `Started from ${id} revision ${chosen.revision}; the revision is set to ${sourceRevision(draft)}, the next after ${latest}.`;
    } catch (error) {
      this.loadProblem = error;
    } finally {
      this.loading = false;
    }
  }

  private async upload(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    this.loadProblem = undefined;
    if (file.size > maxFileBytes) {
      this.loadProblem = new Error(`${file.name} is larger than 1 MiB, the registry's limit for one file.`);
      return;
    }
    this.setSource(await file.text(), true);
    this.origin = `Loaded from the file ${file.name}.`;
  }

  private startNew(kind: KnowledgeKind): void {
    this.setSource(skeleton(kind), true);
    this.origin =
      kind === 'template'
        ? 'A new template: rename its id, then pin the archetypes its slots use.'
        : 'A new archetype: rename its id, then describe its elements.';
    this.loadProblem = undefined;
  }

  /** New text: parsed at once, previewed when typing pauses (or at once). */
  private setSource(text: string, immediate = false): void {
    this.source = text;
    this.parsed = parseSource(text);
    this.outcome = undefined;
    this.publishProblem = undefined;
    this.entryChecked = false;
    clearTimeout(this.#timer);
    if (immediate) void this.runPreview();
    else this.#timer = setTimeout(() => void this.runPreview(), previewDelayMs);
  }

  private get draft(): { kind: KnowledgeKind; document: unknown } | undefined {
    if (!this.parsed?.ok) return undefined;
    const kind = kindOf(this.parsed.value);
    return kind ? { kind, document: this.parsed.value } : undefined;
  }

  private async runPreview(): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    const run = ++this.#previewRun;
    this.#previewAbort?.abort();
    const abort = (this.#previewAbort = new AbortController());
    this.previewing = true;
    try {
      const preview = await previewKnowledge(this.api, draft.kind, draft.document, abort.signal);
      if (run !== this.#previewRun) return;
      this.preview = preview;
      this.previewProblem = undefined;
    } catch (error) {
      if (run !== this.#previewRun || abort.signal.aborted) return;
      this.previewProblem = fileRelativeProblem(error);
    } finally {
      if (run === this.#previewRun) this.previewing = false;
    }
  }

  private async publish(dryRun: boolean): Promise<void> {
    const draft = this.draft;
    if (!draft) return;
    this.busy = dryRun ? 'check' : 'publish';
    this.outcome = undefined;
    this.publishProblem = undefined;
    try {
      const result = await publishKnowledge(this.api, draft.kind, draft.document, { dryRun });
      this.outcome = { ...result, dryRun };
      this.app.announce(outcomeText(this.outcome));
    } catch (error) {
      this.publishProblem = error;
    } finally {
      this.busy = undefined;
    }
  }

  /** Where each value of the text starts (computed once per text). */
  private offsets(): Map<string, number> {
    if (this.#offsets?.text !== this.source) this.#offsets = { text: this.source, offsets: valueOffsets(this.source) };
    return this.#offsets.offsets;
  }

  /** Selects the whole line of a place in the text and scrolls it into view. */
  private showInFile(at: SourceLocation): void {
    const textarea = this.renderRoot.querySelector<HTMLTextAreaElement>('#source');
    if (!textarea) return;
    const start = this.source.lastIndexOf('\n', at.offset - 1) + 1;
    const end = this.source.indexOf('\n', at.offset);
    textarea.focus();
    textarea.setSelectionRange(start, end < 0 ? this.source.length : end);
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 18;
    textarea.scrollTop = Math.max(0, (at.line - 4) * lineHeight);
  }

  private readonly problemLinks: FileLinks = {
    locate: (pointer) => (pointer.startsWith('/') ? locatePointer(this.source, this.offsets(), pointer) : undefined),
    show: (at) => this.showInFile(at),
  };

  private readonly breakingLinks: FileLinks = {
    locate: (path) => {
      const draft = this.draft;
      const pointer = draft && breakingPointer(draft.kind, draft.document, path);
      return pointer ? locatePointer(this.source, this.offsets(), pointer) : undefined;
    },
    show: (at) => this.showInFile(at),
  };

  override render() {
    return html`<p class="meta"><a href="/modeller">Clinical knowledge</a> › editor</p>
      <h1 tabindex="-1">Knowledge editor</h1>
      <p class="lead">
        Edit a template or an archetype as JSON. The preview beside the file follows as you type: the form it makes, its
        problems, and what would break for records made with the released revision.
      </p>
      <docsy-problem .problem=${this.loadProblem}></docsy-problem>
      <div class="workspace">
        <section aria-labelledby="file-heading">
          <h2 id="file-heading">File</h2>
          ${this.renderSourceField()} ${this.renderPublishing()}
        </section>
        <section aria-labelledby="report-heading">${this.renderPreview()}</section>
      </div>`;
  }

  private renderSourceField() {
    const problem = this.parsed && !this.parsed.ok ? this.parsed.problem : undefined;
    const draft = this.draft;
    const recognised = draft
      ? `Recognised as ${draft.kind === 'template' ? 'a template' : 'an archetype'}.`
      : this.parsed?.ok
        ? 'Not recognised: a template has "slots", an archetype "x-archetype".'
        : 'Paste a file, upload one, or start from a revision in the knowledge list.';
    return html`<div class="field">
        <label for="upload">Upload a file</label>
        <input id="upload" type="file" accept=".json,application/json" @change=${this.upload} />
      </div>
      ${
        this.source.trim() === ''
          ? html`<div class="actions">
              <span>Or start a new</span>
              <button type="button" @click=${() => this.startNew('template')}>Template</button>
              <button type="button" @click=${() => this.startNew('archetype')}>Archetype</button>
            </div>`
          : nothing
      }
      ${this.loading ? html`<p class="loading" role="status">Loading the revision…</p>` : nothing}
      ${this.origin ? html`<p class="notice">${this.origin}</p>` : nothing}
      <div class="field">
        <label for="source">Template or archetype (JSON)</label>
        <span class="help" id="source-help">${recognised}</span>
        <textarea
          id="source"
          class="source"
          spellcheck="false"
          autocapitalize="off"
          autocomplete="off"
          rows="30"
          .value=${this.source}
          aria-describedby=${problem ? 'source-help source-error' : 'source-help'}
          aria-invalid=${problem && this.source ? 'true' : 'false'}
          @input=${(event: Event) => this.setSource((event.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${
          problem && this.source
            ? html`<span class="field-error" id="source-error"
                >Line ${problem.line}, column ${problem.column}: ${problem.message}</span
              >`
            : nothing
        }
      </div>`;
  }

  private renderPublishing() {
    const ready = this.draft !== undefined && this.busy === undefined;
    return html`<div class="actions">
        <button type="button" ?disabled=${!ready} @click=${() => this.publish(true)}>
          ${this.busy === 'check' ? 'Checking…' : 'Check'}
        </button>
        <button type="button" class="primary" ?disabled=${!ready} @click=${() => this.publish(false)}>
          ${this.busy === 'publish' ? 'Publishing…' : 'Publish'}
        </button>
        ${this.source ? html`<button type="button" ?disabled=${this.busy !== undefined} @click=${this.clear}>Clear the text</button>` : nothing}
      </div>
      ${fileProblems(this.publishProblem, this.problemLinks)}
      ${
        this.outcome
          ? html`<p class="success">
              ${outcomeText(this.outcome)}
              ${
                this.outcome.dryRun
                  ? nothing
                  : html`<a
                      href=${`/modeller/${collectionOf[this.draft?.kind ?? 'template']}/${encodeURIComponent(this.outcome.id)}`}
                      >See its revisions</a
                    >`
              }
            </p>`
          : nothing
      }`;
  }

  private renderPreview() {
    const stale = this.preview && (this.previewProblem || !this.parsed?.ok);
    return html`<h2 id="report-heading">Compatibility and problems</h2>
      <p class="meta" role="status">${this.previewing ? 'Updating the preview…' : ''}</p>
      ${fileProblems(this.previewProblem, this.problemLinks)}
      ${this.preview ? breakingChanges(this.preview.breaking, this.breakingLinks) : nothing}
      <h2>Form preview</h2>
      ${
        this.preview
          ? html`${stale ? html`<p class="note">The preview shows the last text that resolved.</p>` : nothing}
              <div class="preview">
                <docsy-form
                  .definition=${this.preview.form}
                  .api=${this.api}
                  .uploadAttachment=${noUploads}
                  submit-label="Check the entry"
                  @docsy-submit=${() => {
                    this.entryChecked = true;
                    this.app.announce('The entry is valid for this draft.');
                  }}
                ></docsy-form>
              </div>
              ${this.entryChecked ? html`<p class="success">The entry is valid for this draft.</p>` : nothing}`
          : html`<p class="empty">
              The form appears here once the file is a template or an entry archetype that resolves.
            </p>`
      }`;
  }
}

/** The preview has no patient record to upload to. */
const noUploads = (): Promise<never> => Promise.reject(new Error('Files are not uploaded in the preview.'));

function sourceRevision(document: unknown): string {
  const file = document as { revision?: string; 'x-archetype'?: { revision?: string } };
  return file.revision ?? file['x-archetype']?.revision ?? '';
}

function outcomeText(outcome: PublishResult & { dryRun: boolean }): string {
  const which = `${outcome.id} revision ${outcome.revision}`;
  switch (outcome.outcome) {
    case 'checked':
      return `The check passed: ${which} can be published.`;
    case 'created':
      return `Published ${which} (${outcome.lifecycle}).`;
    case 'updated':
      return `Stored ${which} (${outcome.lifecycle}).`;
    case 'unchanged':
      return `${which} is already stored with this content; nothing changed.`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-knowledge-editor-page': DocsyKnowledgeEditorPage;
  }
}
