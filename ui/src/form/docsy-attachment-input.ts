import { consume } from '@lit/context';
import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AttachmentValue } from '../api.js';
import { DocsyField } from './docsy-field.js';
import { sizeInWords } from './file-sizes.js';
import { formServicesContext, type FormServices } from './form-services.js';

/**
 * A file attached to the record. The file chosen is uploaded at once through the form's
 * services (`uploadAttachment`, by default `POST /api/ehr/{ehr_id}/attachments`), and the value
 * recorded is what the upload answers: `{id, mediaType, size, sha256, name}`. A file of a type
 * or size the element does not allow is refused before upload.
 *
 * @event docsy-change - `{value}`: the attachment, or undefined when removed
 * @csspart control - the file input
 * @csspart error - the error text
 */
@customElement('docsy-attachment-input')
export class DocsyAttachmentInput extends DocsyField<AttachmentValue> {
  /** The media types allowed (`application/pdf`…); absent: any. */
  @property({ attribute: false }) mediaTypes: readonly string[] | undefined = undefined;
  /** The largest file allowed, in bytes. */
  @property({ type: Number, attribute: 'max-bytes' }) maxBytes: number | undefined = undefined;

  @consume({ context: formServicesContext, subscribe: true })
  @state()
  private services: FormServices | undefined;

  @state() private uploading = '';
  @state() private problem = '';

  protected override get shownError(): string {
    return this.problem || super.shownError;
  }

  private async onFile(event: Event): Promise<void> {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    this.problem = this.refusal(file);
    if (this.problem) return;
    if (!this.services) {
      this.problem = 'Files cannot be uploaded here.';
      return;
    }
    this.uploading = file.name;
    try {
      this.changeValue(await this.services.uploadAttachment(file));
    } catch (error) {
      this.problem = `${file.name} was not uploaded: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      this.uploading = '';
    }
  }

  private refusal(file: File): string {
    if (this.mediaTypes && !this.mediaTypes.includes(file.type))
      return `${file.name} is of type ${file.type || 'unknown'}; allowed: ${this.mediaTypes.join(', ')}.`;
    if (this.maxBytes !== undefined && file.size > this.maxBytes)
      return `${file.name} is ${sizeInWords(file.size)}; at most ${sizeInWords(this.maxBytes)} is allowed.`;
    return '';
  }

  private removeFile(): void {
    this.problem = '';
    this.changeValue(undefined);
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#control')?.focus());
  }

  override render() {
    const file = this.value;
    return html`
      ${this.renderLabel()} ${this.renderHelp()}
      ${
        file
          ? html`<p id="file" class="row">
              <span>${file.name ?? file.id} (${file.mediaType}, ${sizeInWords(file.size)})</span>
              <button type="button" ?disabled=${this.disabled} @click=${this.removeFile}>
                Remove<span class="visually-hidden"> ${file.name ?? 'file'}</span>
              </button>
            </p>`
          : nothing
      }
      <input
        id="control"
        part="control"
        type="file"
        accept=${this.mediaTypes?.join(',') ?? nothing}
        ?disabled=${this.disabled || this.uploading !== ''}
        aria-required=${this.required ? 'true' : 'false'}
        aria-invalid=${this.invalid}
        aria-describedby=${this.describedBy(...(file ? ['file'] : []), 'upload')}
        @change=${this.onFile}
      />
      <span id="upload" class="note" role="status">${this.uploading ? `Uploading ${this.uploading}…` : ''}</span>
      ${this.renderError()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-attachment-input': DocsyAttachmentInput;
  }
}
