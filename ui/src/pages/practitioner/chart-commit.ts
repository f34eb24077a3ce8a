import { ApiProblem } from '../../api.js';
import type { DocsyForm } from '../../form/docsy-form.js';

/**
 * Runs a commit from a clinical form: the form is busy meanwhile, a 422's field errors are shown
 * next to their fields; any other problem is returned for the page to show.
 *
 * @example
 * const problem = await commitFromForm(form, () => api.createComposition(ehrId, value));
 */
export async function commitFromForm<T>(
  form: DocsyForm,
  commit: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; problem: unknown }> {
  form.busy = true;
  try {
    return { ok: true, value: await commit() };
  } catch (problem) {
    if (problem instanceof ApiProblem && problem.errors.length > 0) await form.showErrors(problem.errors);
    return { ok: false, problem };
  } finally {
    form.busy = false;
  }
}
