import { html, nothing, type TemplateResult } from 'lit';

/** One choice offered by a coded or ordinal field. */
export interface OptionItem {
  code: string;
  text: string;
  description?: string | undefined;
}

/** How a field offers its options: radio buttons in its fieldset, or a select. */
export interface OptionControlsInput {
  options: readonly OptionItem[];
  selected: string | undefined;
  name: string;
  label: string;
  required: boolean;
  disabled: boolean;
  invalid: 'true' | 'false';
  describedBy: string | typeof nothing;
  onPick: (code: string | undefined) => void;
}

/**
 * Radio buttons, one per option, and a button that clears the choice of an optional field
 * (a radio group cannot be emptied otherwise). Arrow keys move between the radios.
 *
 * @example
 * html`<fieldset><legend>Position</legend>${radioOptions(input)}</fieldset>`
 */
export function radioOptions(input: OptionControlsInput): TemplateResult {
  return html`
    <div class="options" part="options">
      ${input.options.map(
        (option) =>
          html`<label class="option" title=${option.description ?? nothing}>
            <input
              type="radio"
              name=${input.name}
              .value=${option.code}
              .checked=${option.code === input.selected}
              ?disabled=${input.disabled}
              aria-invalid=${input.invalid}
              aria-describedby=${input.describedBy}
              @change=${() => input.onPick(option.code)}
            />${option.text}</label
          >`,
      )}
      ${
        !input.required && input.selected !== undefined
          ? html`<button
              type="button"
              class="clear"
              ?disabled=${input.disabled}
              @click=${() => input.onPick(undefined)}
            >
              Clear<span class="visually-hidden"> ${input.label}</span>
            </button>`
          : nothing
      }
    </div>
  `;
}

/**
 * A select with an empty first entry (nothing chosen) and one entry per option.
 *
 * @example
 * html`${this.renderLabel()}${selectOptions(input)}`
 */
export function selectOptions(input: OptionControlsInput): TemplateResult {
  return html`<select
    id="control"
    part="control"
    ?disabled=${input.disabled}
    aria-required=${input.required ? 'true' : 'false'}
    aria-invalid=${input.invalid}
    aria-describedby=${input.describedBy}
    @change=${(event: Event) => input.onPick((event.target as HTMLSelectElement).value || undefined)}
  >
    <option value="" ?selected=${input.selected === undefined}>—</option>
    ${input.options.map(
      (option) =>
        html`<option
          value=${option.code}
          ?selected=${option.code === input.selected}
          title=${option.description ?? nothing}
        >
          ${option.text}
        </option>`,
    )}
  </select>`;
}
