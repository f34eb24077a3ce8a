import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { verifyAudit, type AuditVerification } from './admin-client.js';

/**
 * The audit log's verification (SPEC §4: tamper-evident, each event carrying its predecessor's
 * SHA-256): on request, every chain is checked and the page says how many events were checked
 * and, when one is broken, which chain and event and why.
 */
@customElement('docsy-audit-page')
export class DocsyAuditPage extends DocsyPage {
  @state() private result: (AuditVerification & { at: Date }) | undefined;
  @state() private busy = false;
  @state() private problem: unknown;

  private async verify(): Promise<void> {
    this.busy = true;
    this.problem = undefined;
    try {
      this.result = { ...(await verifyAudit(this.api)), at: new Date() };
    } catch (error) {
      this.problem = error;
    } finally {
      this.busy = false;
    }
  }

  override render() {
    return html`<h1 tabindex="-1">Audit log</h1>
      <p class="lead">
        Every read of clinical data, every change, every sign-in and every refusal is an audit event. Each event carries
        the SHA-256 of the one before it, so a changed or removed event breaks the chain. Verifying reads the whole log.
      </p>
      <div class="actions">
        <button type="button" class="primary" ?disabled=${this.busy} @click=${this.verify}>
          ${this.busy ? 'Verifying…' : 'Verify the audit log'}
        </button>
      </div>
      <docsy-problem .problem=${this.problem}></docsy-problem>
      <div role="status">${this.renderResult()}</div>`;
  }

  private renderResult() {
    const result = this.result;
    if (!result) return nothing;
    const when = result.at.toLocaleTimeString();
    if (result.ok)
      return html`<p class="success">
        The audit log is intact: ${result.checked} events checked, every chain unbroken (verified at ${when}).
      </p>`;
    const broken = result.firstBroken;
    return html`<div class="warning">
      <p><strong>The audit log has been tampered with.</strong> ${result.checked} events checked (at ${when}).</p>
      ${
        broken
          ? html`<dl class="facts">
              <dt>Chain</dt>
              <dd><code>${broken.chainKey}</code></dd>
              <dt>First broken event</dt>
              <dd>number ${broken.seq}</dd>
              <dt>Why</dt>
              <dd>${broken.reason}</dd>
            </dl>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-audit-page': DocsyAuditPage;
  }
}
