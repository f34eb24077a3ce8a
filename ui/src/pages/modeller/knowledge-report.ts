/**
 * The modeller's report on a draft: breaking changes and problems with paths into the file
 * being edited (the preview route names them relative to its request, `/template/…`).
 */
import { html } from 'lit';
import { ApiProblem } from '../../api.js';
import type { BreakingChange } from './knowledge-client.js';

/** The preview request's prefix of a path (`/template`, `/archetypes/0`), which the file does not have. */
const requestPrefix = /^\/(template|archetypes\/0)(: |(?=\/)|$)/;

/**
 * A problem of the preview route with its field paths made relative to the edited file.
 *
 * @example
 * fileRelativeProblem(problem).errors[0].path; // '/slots/0/archetype' (was '/template/slots/0/archetype')
 */
export function fileRelativeProblem(problem: unknown): unknown {
  if (!(problem instanceof ApiProblem) || problem.errors.length === 0) return problem;
  const { status, type, title, detail, requestId, headers } = problem;
  const errors = problem.errors.map((error) => ({ ...error, path: error.path.replace(requestPrefix, '') }));
  return new ApiProblem(status, { type, title, detail, requestId, errors }, headers);
}

/**
 * The compatibility report: each breaking change with where it is and why, or that there is none.
 *
 * @example
 * html`${breakingChanges(preview.breaking)}`
 */
export function breakingChanges(changes: BreakingChange[]) {
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
              <td><code>${change.path.replace(requestPrefix, '') || '(whole file)'}</code></td>
              <td>${change.kind}</td>
              <td>${change.message}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}
