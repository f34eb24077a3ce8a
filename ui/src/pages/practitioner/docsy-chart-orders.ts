import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DocsyApi } from '../../api.js';
import type { Role } from '../../app/account.js';
import '../../app/docsy-problem.js';
import { fieldErrors, formField, formValues } from '../../app/form-field.js';
import { Loader } from '../../app/loader.js';
import { pageStyles } from '../../app/page.styles.js';
import { momentInWords } from '../../record/record-listing.js';
import type { Order } from '../../record-types.js';

/**
 * A record's open lab and imaging orders (`GET /api/ehr/{ehr_id}/orders?status=open`): doctors
 * place one (kind and what is ordered); doctors and lab technicians close one as fulfilled or
 * cancelled. An open order is what lets a lab technician record results for the patient.
 */
@customElement('docsy-chart-orders')
export class DocsyChartOrders extends LitElement {
  static override styles = pageStyles;

  @property({ attribute: false }) api: DocsyApi | undefined = undefined;
  @property({ attribute: 'ehr-id' }) ehrId = '';
  /** The signed-in account's roles: who may order, who may close. */
  @property({ attribute: false }) roles: readonly Role[] = [];

  @state() private problem: unknown;
  @state() private busy = false;

  private open = new Loader(
    this,
    () => this.api!.orders(this.ehrId),
    () => (this.api && this.ehrId ? [this.ehrId] : undefined),
  );

  private async run(action: () => Promise<unknown>, message: string): Promise<boolean> {
    this.busy = true;
    this.problem = undefined;
    try {
      await action();
      this.dispatchEvent(new CustomEvent('docsy-announce', { detail: { message }, bubbles: true, composed: true }));
      return true;
    } catch (error) {
      this.problem = error;
      return false;
    } finally {
      this.busy = false;
    }
  }

  private async place(event: Event): Promise<void> {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const { kind = 'lab', description = '' } = formValues(event);
    const placed = await this.run(async () => {
      await this.api!.placeOrder(this.ehrId, { kind: kind as Order['kind'], description });
      await this.open.reload();
    }, 'Order placed');
    if (placed) form.reset();
  }

  /** Closes an order and drops it from the list (not a reload: for a lab technician the open order may have been the only way into the record). */
  private async close(order: Order, status: 'fulfilled' | 'cancelled'): Promise<void> {
    await this.api!.closeOrder(this.ehrId, order.id, status);
    this.open.value = this.open.value?.filter((open) => open.id !== order.id);
  }

  private closeButton(order: Order, status: 'fulfilled' | 'cancelled', label: string) {
    return html`<button
      type="button"
      aria-label=${`${label}: ${order.description}`}
      ?disabled=${this.busy}
      @click=${() => this.run(() => this.close(order, status), `Order ${status}`)}
    >
      ${label}
    </button>`;
  }

  private renderOrders(orders: Order[]) {
    if (orders.length === 0) return html`<p class="empty">No open order.</p>`;
    const mayClose = this.roles.some((role) => role === 'doctor' || role === 'lab_technician');
    return html`<ul class="plain">
      ${orders.map(
        (order) =>
          html`<li>
            <strong>${order.kind === 'lab' ? 'Lab test' : 'Imaging study'}:</strong> ${order.description}
            <span class="meta">ordered ${momentInWords(order.orderedAt)} by ${order.orderedBy.name}</span>
            ${
              mayClose
                ? html`<div class="actions">
                    ${this.closeButton(order, 'fulfilled', 'Mark fulfilled')}
                    ${this.closeButton(order, 'cancelled', 'Cancel order')}
                  </div>`
                : nothing
            }
          </li>`,
      )}
    </ul>`;
  }

  override render() {
    const errors = fieldErrors(this.problem);
    return html`${this.open.render((orders) => this.renderOrders(orders), 'Loading orders…')}
      <docsy-problem .problem=${this.problem} .labels=${{ '/description': 'What is ordered' }}></docsy-problem>
      ${
        this.roles.includes('doctor')
          ? html`<form class="stacked" aria-label="Place an order" @submit=${this.place} novalidate>
              <div class="field">
                <label for="kind">Kind of order</label>
                <select id="kind" name="kind">
                  <option value="lab">Lab test</option>
                  <option value="imaging">Imaging study</option>
                </select>
              </div>
              ${formField({
                name: 'description',
                label: 'What is ordered',
                type: 'textarea',
                required: true,
                maxlength: 2000,
                error: errors['/description'],
              })}
              <div class="actions"><button type="submit" ?disabled=${this.busy}>Place order</button></div>
            </form>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-chart-orders': DocsyChartOrders;
  }
}
