import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocsyApi } from '../api.js';
import '../app/docsy-problem.js';
import { pageStyles } from '../app/page.styles.js';
import { sizeInWords } from '../form/file-sizes.js';
import type { StoredComposition } from '../form/form-definition.js';
import { referencedFiles, saveFile, type ReferencedFile } from './composition-files.js';

/**
 * The downloads of a composition: the composition as a PDF (`…/compositions/{uid}/pdf`) and each
 * file it references (`…/attachments/{id}`), fetched with the signed-in token and saved.
 * A refused download is shown as a problem under the buttons.
 */
@customElement('docsy-record-downloads')
export class DocsyRecordDownloads extends LitElement {
  static override styles = pageStyles;

  @property({ attribute: false }) api: DocsyApi | undefined = undefined;
  @property({ attribute: false }) composition: StoredComposition | undefined = undefined;
  /** The composition's title, which names the PDF file. */
  @property({ attribute: 'document-name' }) documentName = 'composition';

  @state() private problem: unknown;
  @state() private busy = '';

  private async download(path: string, filename: string): Promise<void> {
    if (!this.api) return;
    this.busy = path;
    this.problem = undefined;
    try {
      saveFile(await this.api.download(path), filename);
    } catch (error) {
      this.problem = error;
    } finally {
      this.busy = '';
    }
  }

  private fileButton(base: string, file: ReferencedFile, index: number) {
    const path = `${base}/attachments/${encodeURIComponent(file.id)}`;
    const name = file.name ?? `attachment-${index + 1}`;
    return html`<li>
      <button type="button" ?disabled=${this.busy === path} @click=${() => this.download(path, name)}>
        Download ${name}
      </button>
      <span class="meta">${file.mediaType}${file.size ? `, ${sizeInWords(file.size)}` : ''}</span>
    </li>`;
  }

  override render() {
    const composition = this.composition;
    if (!composition?.ehrId || !composition.uid) return nothing;
    const base = `/api/ehr/${encodeURIComponent(composition.ehrId)}`;
    const pdf = `${base}/compositions/${encodeURIComponent(composition.uid)}/pdf`;
    const files = referencedFiles(composition.content as never);
    const filename = `${this.documentName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`;
    return html`<div class="actions">
        <button type="button" ?disabled=${this.busy === pdf} @click=${() => this.download(pdf, filename)}>
          Download PDF
        </button>
      </div>
      ${
        files.length
          ? html`<ul class="plain" aria-label="Attached files">
              ${files.map((file, index) => this.fileButton(base, file, index))}
            </ul>`
          : nothing
      }
      <docsy-problem .problem=${this.problem}></docsy-problem>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-record-downloads': DocsyRecordDownloads;
  }
}
