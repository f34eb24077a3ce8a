import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import './docsy-problem.js';

/**
 * Loads what a page shows, again whenever its inputs change, and renders the three states a
 * page has: loading, a problem (with its details), or the data. A reload keeps the data shown
 * until the new answer arrives; an answer that arrives after a newer request started is dropped.
 *
 * @example
 * private appointments = new Loader(this, () => listAppointments(this.api), () => [this.app?.account?.id]);
 * render() { return this.appointments.render((page) => html`…`, 'Loading appointments…'); }
 */
export class Loader<T> implements ReactiveController {
  value: T | undefined;
  problem: unknown;
  loading = false;
  #key: string | undefined;
  #run = 0;
  readonly #host: ReactiveControllerHost;
  readonly #task: () => Promise<T>;
  readonly #inputs: () => readonly unknown[] | undefined;

  /**
   * @param task - what to load
   * @param inputs - what it depends on; it loads again when they change (undefined: not yet)
   */
  constructor(host: ReactiveControllerHost, task: () => Promise<T>, inputs: () => readonly unknown[] | undefined) {
    this.#host = host;
    this.#task = task;
    this.#inputs = inputs;
    host.addController(this);
  }

  hostUpdate(): void {
    const inputs = this.#inputs();
    if (inputs === undefined) return;
    const key = JSON.stringify(inputs);
    if (key === this.#key) return;
    this.#key = key;
    void this.reload();
  }

  /** Loads again (after a change the page made). */
  async reload(): Promise<void> {
    const run = ++this.#run;
    this.loading = true;
    this.problem = undefined;
    this.#host.requestUpdate();
    try {
      const value = await this.#task();
      if (run === this.#run) this.value = value;
    } catch (error) {
      if (run === this.#run) this.problem = error;
    } finally {
      if (run === this.#run) {
        this.loading = false;
        this.#host.requestUpdate();
      }
    }
  }

  /** The data through `ready`, or the loading line, or the problem. */
  render(ready: (value: T) => unknown, loadingText = 'Loading…'): TemplateResult {
    if (this.problem) return html`<docsy-problem .problem=${this.problem}></docsy-problem>`;
    if (this.value === undefined) return html`<p class="loading" role="status">${loadingText}</p>`;
    return html`${ready(this.value)}`;
  }
}
