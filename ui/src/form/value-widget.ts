import { nothing, type TemplateResult } from 'lit';
import { html, literal, type StaticValue } from 'lit/static-html.js';
import './docsy-attachment-input.js';
import './docsy-boolean-input.js';
import './docsy-coded-input.js';
import './docsy-count-input.js';
import './docsy-date-input.js';
import './docsy-date-time-input.js';
import './docsy-duration-input.js';
import './docsy-identifier-input.js';
import './docsy-ordinal-input.js';
import './docsy-proportion-input.js';
import './docsy-quantity-input.js';
import './docsy-terminology-input.js';
import './docsy-text-input.js';
import './docsy-time-input.js';
import type { Json, ValueSpec } from './form-definition.js';
import { setProperties } from './set-properties.js';

/** What a widget shows besides its constraints. `path` names the form part it edits (`data-path`). */
export interface WidgetBinding {
  label: string;
  help?: string | undefined;
  required: boolean;
  error: string;
  value: Json | undefined;
  path: string;
}

/** The element that edits a value spec, and the properties its constraints give it. */
function widgetFor(spec: ValueSpec): { tag: StaticValue; properties: Record<string, unknown> } {
  switch (spec.type) {
    case 'text':
    case 'text_or_coded_text':
      if (spec.widget === 'search' && spec.terminology)
        return { tag: literal`docsy-terminology-input`, properties: { valueSet: spec.terminology, allowText: true } };
      return { tag: literal`docsy-text-input`, properties: { multiline: spec.widget === 'textarea' } };
    case 'coded_text':
      if (!spec.codes)
        return { tag: literal`docsy-terminology-input`, properties: { valueSet: spec.terminology ?? '' } };
      return {
        tag: literal`docsy-coded-input`,
        properties: { codes: spec.codes, widget: spec.widget === 'buttons' ? 'buttons' : 'select' },
      };
    case 'ordinal':
      return { tag: literal`docsy-ordinal-input`, properties: { ordinals: spec.ordinals, widget: spec.widget } };
    case 'quantity':
      return { tag: literal`docsy-quantity-input`, properties: { units: spec.units } };
    case 'count':
      return { tag: literal`docsy-count-input`, properties: { minimum: spec.minimum, maximum: spec.maximum } };
    case 'proportion':
      return { tag: literal`docsy-proportion-input`, properties: { kind: spec.kind } };
    case 'boolean':
      return { tag: literal`docsy-boolean-input`, properties: { widget: spec.widget } };
    case 'date':
      return { tag: literal`docsy-date-input`, properties: {} };
    case 'date_time':
      return { tag: literal`docsy-date-time-input`, properties: {} };
    case 'time':
      return { tag: literal`docsy-time-input`, properties: {} };
    case 'duration':
      return { tag: literal`docsy-duration-input`, properties: {} };
    case 'identifier':
      return { tag: literal`docsy-identifier-input`, properties: {} };
    case 'uri':
      return { tag: literal`docsy-text-input`, properties: { inputType: 'url' } };
    case 'attachment':
      return {
        tag: literal`docsy-attachment-input`,
        properties: { mediaTypes: spec.mediaTypes, maxBytes: spec.maxBytes },
      };
  }
}

/**
 * The widget element for one value of a data type, configured from its value spec (the form
 * definition's `value`, with its `widget` filled in by the server).
 *
 * @example
 * valueWidget(node.value, { label: node.label, required: node.required, error: '', value, path: '/slots/bp/0/systolic' });
 */
export function valueWidget(spec: ValueSpec, binding: WidgetBinding): TemplateResult {
  const { tag, properties } = widgetFor(spec);
  return html`<${tag}
    data-path=${binding.path}
    label=${binding.label}
    help=${binding.help ?? nothing}
    ?required=${binding.required}
    ${setProperties({ ...properties, error: binding.error, value: binding.value })}
  ></${tag}>`;
}
