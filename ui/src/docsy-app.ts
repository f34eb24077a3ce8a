import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';

type ServerState =
  { kind: 'checking' } | { kind: 'ok'; engine: string; version: string } | { kind: 'down'; detail: string };

/**
 * The application shell: the Docsy header and the server's health. Pages mount inside it.
 *
 * @slot - page content
 */
@customElement('docsy-app')
export class DocsyApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font-family: system-ui, sans-serif;
      color: #1d2733;
    }
    header {
      display: flex;
      align-items: baseline;
      gap: 1rem;
      padding: 0.75rem 1.5rem;
      border-bottom: 1px solid #d8dee6;
    }
    h1 {
      margin: 0;
      font-size: 1.5rem;
    }
    .status {
      font-size: 0.875rem;
      color: #4b5a6a;
    }
    .status[data-kind='down'] {
      color: #a4161a;
    }
    main {
      padding: 1.5rem;
    }
  `;

  @state() private server: ServerState = { kind: 'checking' };

  override connectedCallback(): void {
    super.connectedCallback();
    void this.checkServer();
  }

  private async checkServer(): Promise<void> {
    try {
      const response = await fetch('/api/health', { headers: { accept: 'application/json' } });
      const body = (await response.json()) as { engine?: string; version?: string; detail?: string };
      this.server = response.ok
        ? { kind: 'ok', engine: body.engine ?? '?', version: body.version ?? '?' }
        : { kind: 'down', detail: body.detail ?? response.statusText };
    } catch {
      this.server = { kind: 'down', detail: 'the server does not answer' };
    }
  }

  private renderStatus() {
    switch (this.server.kind) {
      case 'checking':
        return 'Checking the server…';
      case 'ok':
        return `Server ok · ${this.server.engine} database · version ${this.server.version}`;
      case 'down':
        return `Server unavailable: ${this.server.detail}`;
    }
  }

  override render() {
    return html`
      <header>
        <h1>Docsy</h1>
        <span class="status" role="status" data-kind=${this.server.kind}>${this.renderStatus()}</span>
      </header>
      <main><slot></slot></main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-app': DocsyApp;
  }
}
