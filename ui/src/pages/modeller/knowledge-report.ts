/**
 * The modeller's report on a draft: breaking changes and problems with paths into the file
 * being edited (the preview route names them relative to its request, `/template/…`).
 */
import { html, nothing } from 'lit';
import { ApiProblem } from '../../api.js';
import '../../app/docsy-problem.js';
import type { BreakingChange } from './knowledge-client.js';
import { fileRelativePath } from './request-paths.js';
import type { SourceLocation } from './source-locations.js';

/** Finds a path of the report in the edited file, and selects a place there. */
export interface FileLinks {
  locate(path: string): SourceLocation | undefined;
  show(at: SourceLocation): void;
}

/**
 * A problem of the draft as an alert (`<docsy-problem>`): title, detail, and each field error
 * with its path and a button that selects its line in the file (when the file has that place).
 *
 * @example
 * html`${fileProblems(this.previewProblem, { locate, show })}`
 */
export function fileProblems(problem: unknown, links: FileLinks) {
  if (!problem) return nothing;
  if (!(problem instanceof ApiProblem) || problem.errors.length === 0)
    return html`<docsy-problem .problem=${problem}></docsy-problem>`;
  const { status, type, title, detail, requestId, headers } = problem;
  const summary = new ApiProblem(status, { type, title, detail, requestId }, headers);
  return html`<docsy-problem .problem=${summary}>
    <ul class="problems">
      ${problem.errors.map(
        (error) =>
          html`<li>
            ${lineButton(links, error.path)} <code>${error.path || '(whole file)'}</code>: ${error.message}
          </li>`,
      )}
    </ul>
  </docsy-problem>`;
}

function lineButton(links: FileLinks, path: string) {
  const at = links.locate(path);
  return at
    ? html`<button type="button" class="link" @click=${() => links.show(at)}>
        <span class="visually-hidden">Go to </span>line ${at.line}
      </button>`
    : nothing;
}

/**
 * The compatibility report: each breaking change with where it is (and a button to its line)
 * and why, or that there is none.
 *
 * @example
 * html`${breakingChanges(preview.breaking, { locate, show })}`
 */
export function breakingChanges(changes: BreakingChange[], links: FileLinks) {
  if (changes.length === 0)
    return html`<p class="success">No breaking changes against the latest released revision.</p>`;
  return html`<div class="warning">
    <p>
      <strong>${changes.length} breaking change${changes.length === 1 ? '' : 's'}</strong> against the latest released
      revision. Publishing this revision will be refused: a breaking change needs a new major version (a new id).
    </p>
    <table>
      <caption class="visually-hidden">
        Breaking changes
      </caption>
      <thead>
        <tr>
          <th scope="col">Where</th>
          <th scope="col">Change</th>
          <th scope="col">Why it breaks</th>
        </tr>
      </thead>
      <tbody>
        ${changes.map(
          (change) =>
            html`<tr>
              <td>
                <code>${fileRelativePath(change.path) || '(whole file)'}</code>
                ${lineButton(links, fileRelativePath(change.path))}
              </td>
              <td>${change.kind}</td>
              <td>${change.message}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
