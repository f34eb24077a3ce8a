import { html, nothing, type TemplateResult } from 'lit';
import './docsy-choice-input.js';
import { newGroup, newSingle, type DraftGroup, type DraftValue } from './form-draft.js';
import type { FormDefinition, FormNode, Json } from './form-definition.js';
import { hiddenKeys } from './show-if.js';
import { valueWidget } from './value-widget.js';

/** What the tree's parts need from the form that renders them. */
export interface TreeHost {
  readonly slotsDraft: Record<string, DraftGroup[]>;
  /** The error to show at a part (a draft path such as `/slots/bp/0/systolic`), or ''. */
  errorText(part: string): string;
  /** Appends an item to the list at `path`. */
  addItem(path: string, item: DraftValue): void;
  /** Removes item `index` of the list at `path`. */
  removeItem(path: string, index: number): void;
  /**
   * Whether one more repeated part (an analyte of thirty) is rendered in this pass; the others
   * wait for the next frames, so that a long form is interactive from its first screen.
   */
  admitPart(): boolean;
}

/** An id for a form part, unique in the form's shadow root. */
export function partId(prefix: string, path: string): string {
  return `${prefix}${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/**
 * Every slot of the template: a section per slot, its occurrences between the slot's min and max.
 *
 * @example
 * html`<form>${renderSlots(definition, host)}</form>`
 */
export function renderSlots(definition: FormDefinition, host: TreeHost): TemplateResult[] {
  return definition.slots.map((slot) => {
    const path = `/slots/${slot.id}`;
    const headingId = partId('heading', path);
    return html`<section class="slot" part="slot" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${slot.label}</h3>
      ${slot.help ? html`<p class="help">${slot.help}</p>` : nothing}
      ${renderList(host, {
        label: slot.label,
        path,
        min: slot.min,
        max: slot.max,
        required: slot.min > 0,
        items: host.slotsDraft[slot.id] ?? [],
        newItem: () => newGroup(slot.children),
        renderItem: (item, itemPath, legend) =>
          slot.max === 1
            ? html`<div data-path=${itemPath}>
                ${renderChildren(host, slot.children, item as DraftGroup, itemPath)}
              </div>`
            : renderGroupPart(host, {
                label: legend,
                path: itemPath,
                children: slot.children,
                group: item as DraftGroup,
                required: false,
              }),
        framed: false,
        ofParts: true,
      })}
    </section>`;
  });
}

/** The children of one group occurrence, without those their conditions hide. */
export function renderChildren(
  host: TreeHost,
  children: readonly FormNode[],
  group: DraftGroup,
  path: string,
): TemplateResult[] {
  const hidden = hiddenKeys(children, group as Record<string, Json | undefined>);
  return children
    .filter((child) => !hidden.has(child.key))
    .map((child) => {
      const childPath = `${path}/${child.key}`;
      if (!child.repeat) return renderSingle(host, child, group[child.key], childPath, child.label, true);
      return renderList(host, {
        label: child.label,
        help: child.help,
        path: childPath,
        min: child.repeat.min,
        max: child.repeat.max,
        required: child.required,
        items: Array.isArray(group[child.key]) ? (group[child.key] as DraftValue[]) : [],
        newItem: () => newSingle(child),
        renderItem: (item, itemPath, label) => renderSingle(host, child, item, itemPath, label, false),
        framed: true,
        ofParts: child.kind === 'group' || child.kind === 'cluster',
      });
    });
}

/** One value, group or cluster; an item of a list does not repeat the list's help. */
function renderSingle(
  host: TreeHost,
  node: FormNode,
  value: DraftValue,
  path: string,
  label: string,
  withHelp: boolean,
): TemplateResult {
  const error = host.errorText(path);
  const help = withHelp ? node.help : undefined;
  switch (node.kind) {
    case 'element':
      return valueWidget(node.value, { label, help, required: node.required, error, value: value as Json, path });
    case 'choice':
      return html`<docsy-choice-input
        data-path=${path}
        label=${label}
        help=${help ?? nothing}
        .error=${error}
        ?required=${node.required}
        .choices=${node.choices}
        .value=${value as never}
      ></docsy-choice-input>`;
    default:
      return renderGroupPart(host, {
        label,
        help,
        path,
        children: node.children,
        group: (value ?? {}) as DraftGroup,
        required: node.required,
      });
  }
}

interface GroupPart {
  label: string;
  help?: string | undefined;
  path: string;
  children: readonly FormNode[];
  group: DraftGroup;
  required: boolean;
}

function renderGroupPart(host: TreeHost, part: GroupPart): TemplateResult {
  const error = host.errorText(part.path);
  const errorId = partId('error', part.path);
  return html`<fieldset class="group" part="group" data-path=${part.path} aria-describedby=${error ? errorId : nothing}>
    <legend>${part.label}${part.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</legend>
    ${part.help ? html`<p class="help">${part.help}</p>` : nothing}
    <p class="error" id=${errorId}>${error}</p>
    ${renderChildren(host, part.children, part.group, part.path)}
  </fieldset>`;
}

interface ListPart {
  label: string;
  help?: string | undefined;
  path: string;
  min: number;
  max: number | null;
  required: boolean;
  items: readonly DraftValue[];
  newItem: () => DraftValue;
  renderItem: (item: DraftValue, itemPath: string, label: string) => TemplateResult;
  /** Inside its own fieldset with the label as legend (a slot's section has a heading instead). */
  framed: boolean;
  /** Its items are groups or clusters (laid out only when seen), not single values. */
  ofParts: boolean;
}

/**
 * A list of items between `min` and `max`: each item with a Remove button (disabled at the
 * minimum), and an Add button (disabled at the maximum).
 */
function renderList(host: TreeHost, list: ListPart): TemplateResult {
  const numbered = list.max !== 1;
  const error = host.errorText(list.path);
  const errorId = partId('error', list.path);
  const atMin = list.items.length <= list.min;
  const atMax = list.max !== null && list.items.length >= list.max;
  const fixed = list.max === list.min;
  const items = list.items.map((item, index) => {
    const itemLabel = numbered ? `${list.label} ${index + 1}` : list.label;
    if (list.ofParts && !host.admitPart()) return html`<div class="item pending" part="item">${itemLabel}…</div>`;
    return html`<div class=${list.ofParts ? 'item of-parts' : 'item'} part="item">
      ${list.renderItem(item, `${list.path}/${index}`, itemLabel)}
      ${
        fixed
          ? nothing
          : html`<button
              type="button"
              class="remove"
              ?disabled=${atMin}
              @click=${() => host.removeItem(list.path, index)}
            >
              Remove<span class="visually-hidden"> ${itemLabel}</span>
            </button>`
      }
    </div>`;
  });
  const body = html`
    ${list.help && list.framed ? html`<p class="help">${list.help}</p>` : nothing}
    <p class="error" id=${errorId}>${error}</p>
    ${items}
    ${
      fixed
        ? nothing
        : html`<button
            type="button"
            class="add"
            data-add=${list.path}
            ?disabled=${atMax}
            @click=${() => host.addItem(list.path, list.newItem())}
          >
            Add ${list.label}
          </button>`
    }
  `;
  if (!list.framed)
    return html`<div class="list" data-path=${list.path} aria-describedby=${error ? errorId : nothing}>${body}</div>`;
  return html`<fieldset class="list" part="list" data-path=${list.path} aria-describedby=${error ? errorId : nothing}>
    <legend>${list.label}${list.required ? html`<span class="required" aria-hidden="true"> *</span>` : nothing}</legend>
    ${body}
  </fieldset>`;
}
