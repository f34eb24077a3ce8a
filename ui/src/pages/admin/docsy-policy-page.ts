import { html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { roleNames, roles, type Role } from '../../app/account.js';
import '../../app/docsy-problem.js';
import { DocsyPage } from '../../app/docsy-page.js';
import { Loader } from '../../app/loader.js';
import { listKnowledge } from '../modeller/knowledge-client.js';
import { policyActions, permissionPolicy, replacePermissionPolicy, type PolicyEffect } from './admin-client.js';
import { entryClassTargets, policyRows, policyRules, sortRows, targetProblem, type PolicyRow } from './policy-table.js';

/**
 * The permission policy (docs/access.md, "The permission policy"): role × target (a template, an
 * entry class, or `*`) × read/create/amend/delete, each allowed, denied or without a rule. The
 * admin edits a working copy (rows added and removed, effects changed) and saves it as a whole
 * (`PUT /api/admin/policy`), or discards the changes.
 */
@customElement('docsy-policy-page')
export class DocsyPolicyPage extends DocsyPage {
  @state() private rows: PolicyRow[] | undefined;
  @state() private saved = '';
  @state() private roleFilter: Role | '' = '';
  @state() private newRole: Role = 'doctor';
  @state() private newTarget = '';
  @state() private newTargetError = '';
  @state() private busy = false;
  @state() private problem: unknown;
  @state() private done = '';

  private policy = new Loader(
    this,
    async () => {
      const [rules, templates] = await Promise.all([permissionPolicy(this.api), listKnowledge(this.api, 'template')]);
      this.rows = policyRows(rules);
      this.saved = JSON.stringify(policyRules(this.rows));
      return { templates: new Map(templates.map((t) => [t.id, t.title])) };
    },
    () => [this.app?.account?.id],
  );

  private get dirty(): boolean {
    return this.rows !== undefined && JSON.stringify(policyRules(this.rows)) !== this.saved;
  }

  private setEffect(row: PolicyRow, action: (typeof policyActions)[number], value: string): void {
    const effects = { ...row.effects };
    if (value === 'allow' || value === 'deny') effects[action] = value as PolicyEffect;
    else delete effects[action];
    this.rows = this.rows!.map((r) => (r === row ? { ...row, effects } : r));
    this.done = '';
  }

  private addRow(event: Event): void {
    event.preventDefault();
    const target = this.newTarget.trim();
    const problem = targetProblem(target);
    const exists = this.rows!.some((r) => r.role === this.newRole && r.target === target);
    this.newTargetError = problem ?? (exists ? `${roleNames[this.newRole]} already has a row for ${target}` : '');
    if (this.newTargetError) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#new-target')?.focus());
      return;
    }
    this.rows = sortRows([...this.rows!, { role: this.newRole, target, effects: {} }]);
    this.newTarget = '';
    this.done = '';
    this.app.announce(`Row added for ${roleNames[this.newRole]} on ${target}; choose its effects.`);
  }

  private async save(): Promise<void> {
    this.busy = true;
    this.problem = undefined;
    const rules = policyRules(this.rows!);
    try {
      const stored = await replacePermissionPolicy(this.api, rules);
      this.rows = policyRows(stored);
      this.saved = JSON.stringify(policyRules(this.rows));
      this.done = `Policy saved: ${stored.length} rules, in force now.`;
      this.app.announce(this.done);
    } catch (error) {
      this.problem = error;
    } finally {
      this.busy = false;
    }
  }

  private discard(): void {
    this.rows = policyRows(JSON.parse(this.saved) as Parameters<typeof policyRows>[0]);
    this.problem = undefined;
    this.app.announce('Changes discarded.');
  }

  /** Names of the rules by their place in the saved list, for the server's field errors. */
  private ruleLabels(): Record<string, string> {
    const labels: Record<string, string> = {};
    policyRules(this.rows ?? []).forEach((rule, index) => {
      const name = `${roleNames[rule.role]} · ${rule.target} · ${rule.action}`;
      for (const field of ['', '/role', '/target', '/action', '/effect']) labels[`/rules/${index}${field}`] = name;
    });
    return labels;
  }

  override render() {
    return html`<h1 tabindex="-1">Permission policy</h1>
      <p class="lead">
        What each role may do with the compositions of a template. For each role the most specific rules decide (a
        template, then its entry class, then <code>*</code>); at one level a deny beats an allow; no rule is a deny.
        Writing also needs the role among the template's author roles.
      </p>
      ${this.policy.render(({ templates }) => this.renderPolicy(templates), 'Loading the policy…')}`;
  }

  private renderPolicy(templates: Map<string, string>) {
    const rows = (this.rows ?? []).filter((row) => !this.roleFilter || row.role === this.roleFilter);
    return html`<div class="actions">
        <label for="role-filter">Show role</label>
        <select
          id="role-filter"
          @change=${(event: Event) => (this.roleFilter = (event.target as HTMLSelectElement).value as Role | '')}
        >
          <option value="" ?selected=${!this.roleFilter}>Every role</option>
          ${roles.map((role) => html`<option value=${role} ?selected=${role === this.roleFilter}>${roleNames[role]}</option>`)}
        </select>
      </div>
      ${
        rows.length === 0
          ? html`<p class="empty">
              No rules${this.roleFilter ? ` for ${roleNames[this.roleFilter]}` : ''}: nothing is allowed.
            </p>`
          : html`<table>
              <caption class="visually-hidden">
                Rules by role and target
              </caption>
              <thead>
                <tr>
                  <th scope="col">Role</th>
                  <th scope="col">Target</th>
                  ${policyActions.map((action) => html`<th scope="col">${action}</th>`)}
                  <th scope="col"><span class="visually-hidden">Remove</span></th>
                </tr>
              </thead>
              <tbody>
                ${rows.map((row) => this.renderRow(row, templates))}
              </tbody>
            </table>`
      }
      ${this.renderAddRow(templates)}
      <docsy-problem .problem=${this.problem} .labels=${this.ruleLabels()}></docsy-problem>
      ${this.done ? html`<p class="success">${this.done}</p>` : nothing}
      <div class="actions">
        <button type="button" class="primary" ?disabled=${!this.dirty || this.busy} @click=${this.save}>
          ${this.busy ? 'Saving…' : 'Save policy'}
        </button>
        <button type="button" ?disabled=${!this.dirty || this.busy} @click=${this.discard}>Discard changes</button>
        ${this.dirty ? html`<span class="meta" role="status">Unsaved changes</span>` : nothing}
      </div>`;
  }

  private renderRow(row: PolicyRow, templates: Map<string, string>) {
    const name = `${roleNames[row.role]} on ${row.target}`;
    return html`<tr>
      <th scope="row">${roleNames[row.role]}</th>
      <td><code>${row.target}</code>${targetNote(row.target, templates)}</td>
      ${policyActions.map(
        (action) =>
          html`<td>
            <select
              aria-label=${`${name}: ${action}`}
              @change=${(event: Event) => this.setEffect(row, action, (event.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${!row.effects[action]}>—</option>
              <option value="allow" ?selected=${row.effects[action] === 'allow'}>allow</option>
              <option value="deny" ?selected=${row.effects[action] === 'deny'}>deny</option>
            </select>
          </td>`,
      )}
      <td>
        <button
          type="button"
          @click=${() => {
            this.rows = this.rows!.filter((r) => r !== row);
            this.done = '';
          }}
        >
          Remove<span class="visually-hidden"> ${name}</span>
        </button>
      </td>
    </tr>`;
  }

  private renderAddRow(templates: Map<string, string>) {
    return html`<form class="actions" @submit=${this.addRow} novalidate>
      <label for="new-role">Add a row for</label>
      <select
        id="new-role"
        @change=${(event: Event) => (this.newRole = (event.target as HTMLSelectElement).value as Role)}
      >
        ${roles.map((role) => html`<option value=${role} ?selected=${role === this.newRole}>${roleNames[role]}</option>`)}
      </select>
      <label for="new-target">on target</label>
      <input
        id="new-target"
        list="targets"
        .value=${this.newTarget}
        placeholder="docsy.vital_signs.v1"
        aria-invalid=${this.newTargetError ? 'true' : 'false'}
        aria-describedby=${this.newTargetError ? 'new-target-error' : nothing}
        @input=${(event: Event) => (this.newTarget = (event.target as HTMLInputElement).value)}
      />
      <datalist id="targets">
        <option value="*">every template</option>
        ${entryClassTargets.map((target) => html`<option value=${target}></option>`)}
        ${[...templates].map(([id, title]) => html`<option value=${id}>${title}</option>`)}
      </datalist>
      <button type="submit">Add row</button>
      ${this.newTargetError ? html`<span class="field-error" id="new-target-error">${this.newTargetError}</span>` : nothing}
    </form>`;
  }
}

function targetNote(target: string, templates: Map<string, string>) {
  const note = target === '*' ? 'every template' : target.startsWith('class:') ? 'entry class' : templates.get(target);
  return note ? html` <span class="meta">${note}</span>` : nothing;
}

declare global {
  interface HTMLElementTagNameMap {
    'docsy-policy-page': DocsyPolicyPage;
  }
}
