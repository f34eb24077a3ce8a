import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { signedIn, signedInPatient, type SignedIn } from './accounts.js';
import { careFor } from './care.js';

type Json = Record<string, unknown>;

/** A patient's EHR and a clinician allowed to write in it. */
export interface Chart {
  ehrId: string;
  clinician: SignedIn;
  /** `/api/ehr/{ehrId}` */
  base: string;
}

/**
 * A fresh patient (with an EHR) and a signed-in doctor in whose care they are (an appointment today).
 *
 * @example
 * const { ehrId, clinician, base } = await openChart(app);
 */
export async function openChart(app: FastifyInstance): Promise<Chart> {
  const patient = await signedInPatient(app);
  const clinician = await signedIn(app, 'doctor', { name: 'Dr Ada Example' });
  await careFor(clinician, patient);
  return { ehrId: patient.ehrId, clinician, base: `/api/ehr/${patient.ehrId}` };
}

const examples = new Map<string, Json>();

/**
 * A valid composition of a template (its `GET /api/templates/{id}/example`), a fresh copy each time.
 *
 * @example
 * const body = await exampleOf(app, chart.clinician, 'docsy.vital_signs.v1');
 */
export async function exampleOf(app: FastifyInstance, user: SignedIn, templateId: string): Promise<Json> {
  let example = examples.get(templateId);
  if (!example) {
    const response = await app.inject({ url: `/api/templates/${templateId}/example`, headers: user.headers });
    if (response.statusCode !== 200) throw new Error(`no example of ${templateId}: ${response.body}`);
    example = response.json<Json>();
    examples.set(templateId, example);
  }
  return structuredClone(example);
}

/** Sends a request as the chart's clinician. */
export function asClinician(
  app: FastifyInstance,
  chart: Chart,
  request: { method?: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: unknown; headers?: Json },
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: request.method ?? 'GET',
    url: request.url,
    ...(request.payload !== undefined ? { payload: request.payload as Json } : {}),
    headers: { ...chart.clinician.headers, ...(request.headers as Record<string, string> | undefined) },
  });
}

/**
 * Commits a composition as the chart's clinician and returns the response (201 expected).
 *
 * @example
 * const created = await commit(app, chart, body);
 * created.headers.etag; // '"<uuid>::docsy.local::1"'
 */
export async function commit(app: FastifyInstance, chart: Chart, body: unknown): Promise<LightMyRequestResponse> {
  const response = await asClinician(app, chart, { method: 'POST', url: `${chart.base}/compositions`, payload: body });
  if (response.statusCode !== 201) throw new Error(`commit failed: ${response.statusCode} ${response.body}`);
  return response;
}

/** The composition uuid and version id of a commit's response. */
export function committedIds(response: LightMyRequestResponse): { uid: string; versionUid: string } {
  const { uid, versionUid } = response.json<{ uid: string; versionUid: string }>();
  return { uid, versionUid };
}
