import { html, nothing, type TemplateResult } from 'lit';
import type { PatientSummary } from '../../record-types.js';
import { dateInWords } from '../../views/format-value.js';

/**
 * The chart's paths: the chart, one entry, a new entry of a template.
 *
 * @example
 * chartPath(patientId, { entry: uid }); // '/patients/4f1e…/entries/9a2c…'
 */
export function chartPath(patientId: string, to: { entry?: string; newOf?: string; category?: string } = {}): string {
  const base = `/patients/${encodeURIComponent(patientId)}`;
  if (to.entry) return `${base}/entries/${encodeURIComponent(to.entry)}`;
  if (to.newOf) return `${base}/new/${encodeURIComponent(to.newOf)}`;
  return to.category ? `${base}?category=${encodeURIComponent(to.category)}` : base;
}

/**
 * The line naming whose chart this is, with a link back to it.
 *
 * @example
 * html`${patientLine(patient)}<h1 tabindex="-1">New allergy record</h1>`;
 */
export function patientLine(patient: PatientSummary | undefined, withLink = true): TemplateResult {
  if (!patient) return html``;
  const name = withLink ? html`<a href=${chartPath(patient.id)}>${patient.name}</a>` : patient.name;
  return html`<p class="meta">${name}${patient.birthDate ? `, born ${dateInWords(patient.birthDate)}` : nothing}</p>`;
}
