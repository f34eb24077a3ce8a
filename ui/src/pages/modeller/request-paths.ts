/**
 * The preview route names places relative to its request (`/template/slots/0`, `/archetypes/0:
 * /systolic`); the editor shows them relative to the file being edited.
 */
import { ApiProblem } from '../../api.js';

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
  const errors = problem.errors.map((error) => ({ ...error, path: fileRelativePath(error.path) }));
  return new ApiProblem(status, { type, title, detail, requestId, errors }, headers);
}

/**
 * A path of the preview request (`/template: slot:pulse`) as a path of the file (`slot:pulse`).
 *
 * @example
 * fileRelativePath('/archetypes/0: /systolic'); // '/systolic'
 */
export function fileRelativePath(path: string): string {
  return path.replace(requestPrefix, '');
}
