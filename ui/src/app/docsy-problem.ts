import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { ApiProblem } from '../api.js';

/**
 * An error as the user reads it: for a problem document of the API (docs/api-errors.md) its
 * title, its detail and every field error (with the field's label when `labels` names it),
 * and the request id to quote; for anything else its message. An alert, so it is announced.
 *
 * @example
 * html`<docsy-problem .problem=${this.problem} .labels=${{ '/email': 'Email' }}></docsy-problem>`
 * @slot - more about the problem, inside the alert after the field errors (a page's own list of them)
 * @csspart problem - the alert box
 */
@customElement('docsy-problem')
export class DocsyProblem extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    .problem {
      margin: 0 0 1rem;
      padding: 0.75rem 1rem;
      border: 2px solid var(--docsy-danger, #a4161a);
      border-radius: 6px;
      background: #fdf1f1;
      color: var(--docsy-text, #1d2733);
    }
    p {
      margin: 0 0 0.25rem;
    }
    .title {
      font-weight: 700;
      color: var(--docsy-danger, #a4161a);
    }
    ul {
      margin: 0.25rem 0 0;
      padding-left: 1.25rem;
    }
    .reference {
      font-size: 0.8rem;
      color: var(--docsy-muted, #4b5a6a);
    }
  `;

  /** An `ApiProblem`, an `Error`, or undefined (shows nothing). */
  @property({ attribute: false }) problem: unknown = undefined;
  /** Labels of the fields, by JSON Pointer, for the field errors. */
  @property({ attribute: false }) labels: Record<string, string> = {};

  override render() {
    const problem = this.problem;
    if (!problem) return nothing;
    if (!(problem instanceof ApiProblem)) {
      const message = problem instanceof Error ? problem.message : String(problem);
      return html`<div class="problem" part="problem" role="alert">
        <p class="title">Something went wrong</p>
        <p>${message}</p>
      </div>`;
    }
    const title = problem.title || (problem.status ? `Error ${problem.status}` : 'The server cannot be reached');
    return html`<div class="problem" part="problem" role="alert">
      <p class="title">${title}</p>
      ${problem.detail && problem.detail !== title ? html`<p class="detail">${problem.detail}</p>` : nothing}
      ${
        problem.errors.length > 0
          ? html`<ul>
              ${problem.errors.map(
                (error) => html`<li>${this.labels[error.path] ?? (error.path || 'Request')}: ${error.message}</li>`,
              )}
            </ul>`
          : nothing
      }
      <slot></slot>
      ${problem.requestId ? html`<p class="reference">Reference: ${problem.requestId}</p>` : nothing}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-problem': DocsyProblem;
  }
}
