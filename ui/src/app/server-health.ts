import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';

type ServerState =
  { kind: 'checking' } | { kind: 'ok'; engine: string; version: string } | { kind: 'down'; detail: string };

/**
 * The server's health (`GET /api/health`) as the shell's footer shows it, checked once when the
 * shell connects.
 *
 * @example
 * readonly #health = new ServerHealth(this);
 * render() { return html`<footer>${this.#health.render()}</footer>`; }
 */
export class ServerHealth implements ReactiveController {
  #state: ServerState = { kind: 'checking' };
  readonly #host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    void this.#check();
  }

  async #check(): Promise<void> {
    try {
      const response = await fetch('/api/health', { headers: { accept: 'application/json' } });
      const body = (await response.json()) as { engine?: string; version?: string; detail?: string };
      this.#state = response.ok
        ? { kind: 'ok', engine: body.engine ?? '?', version: body.version ?? '?' }
        : { kind: 'down', detail: body.detail ?? response.statusText };
    } catch {
      this.#state = { kind: 'down', detail: 'the server does not answer' };
    }
    this.#host.requestUpdate();
  }

  render() {
    const state = this.#state;
    const text =
      state.kind === 'checking'
        ? 'Checking the server…'
        : state.kind === 'ok'
          ? `Server ok · ${state.engine} database · version ${state.version}`
          : `Server unavailable: ${state.detail}`;
    return html`<span class="status" role="status" data-kind=${state.kind}>${text}</span>`;
  }
}
