import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { projectPath } from '../../server/project-root.js';
import { signedIn, signedInPatient, type SignedIn, type SignedInPatient } from './accounts.js';
import { sharedChromium } from './browser.js';
import { careFor } from './care.js';
import { buildTestApp } from './test-app.js';

/** The form engine's showcase template (every widget and feature), in test/fixtures/form-engine/. */
export const showcaseTemplate = 'docsy.form_showcase.v1';

const fixtureFiles = [
  ['archetypes', 'docsy-EHR-CLUSTER.form_showcase_device.v1.json'],
  ['archetypes', 'docsy-EHR-OBSERVATION.form_showcase.v1.json'],
  ['templates', 'docsy.form_showcase.v1.json'],
] as const;

/** A listening app with the showcase template published, and who uses it. */
export interface FormEngineServer {
  app: FastifyInstance;
  baseUrl: string;
  doctor: SignedIn;
  patient: SignedInPatient;
}

let shared: Promise<FormEngineServer> | undefined;

/**
 * The app the browser tests of the form engine share (one per test process): listening on a
 * free port, the showcase template published by a modeller, a doctor and a patient signed in,
 * the patient in the doctor's care.
 *
 * @example
 * const { baseUrl, doctor } = await formEngineServer();
 */
export function formEngineServer(): Promise<FormEngineServer> {
  shared ??= startFormEngineServer();
  return shared;
}

async function startFormEngineServer(): Promise<FormEngineServer> {
  const app = await buildTestApp();
  const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
  const modeller = await signedIn(app, 'modeller');
  for (const [collection, file] of fixtureFiles) {
    const response = await app.inject({
      method: 'POST',
      url: `/api/${collection}`,
      headers: modeller.headers,
      payload: JSON.parse(readFileSync(projectPath('test', 'fixtures', 'form-engine', file), 'utf8')) as object,
    });
    if (response.statusCode >= 300)
      throw new Error(`publishing ${file} failed: ${response.statusCode} ${response.body}`);
  }
  const doctor = await signedIn(app, 'doctor', { name: 'Dr Form Engine' });
  const patient = await signedInPatient(app);
  await careFor(doctor, patient);
  return { app, baseUrl, doctor, patient };
}

/** A gallery page, its errors, and its form. */
export interface GalleryPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  form: Locator;
}

/**
 * Opens the development gallery signed in as `user` (the doctor by default) with a template's
 * form (the showcase by default), and waits until the form is rendered.
 *
 * @example
 * const { page, form } = await openGallery({ template: 'docsy.vital_signs.v1' });
 */
export async function openGallery(
  options: { template?: string; ehrId?: string; user?: SignedIn } = {},
): Promise<GalleryPage> {
  const server = await formEngineServer();
  const context = await (await sharedChromium()).newContext({ viewport: { width: 1280, height: 900 } });
  const token = (options.user ?? server.doctor).token;
  await context.addInitScript({ content: `sessionStorage.setItem('docsy-gallery-token', ${JSON.stringify(token)})` });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const query = new URLSearchParams({ template: options.template ?? showcaseTemplate });
  if (options.ehrId) query.set('ehr', options.ehrId);
  await page.goto(`${server.baseUrl}/gallery.html?${query}`);
  const form = page.locator('docsy-form');
  await form.getByRole('button', { name: 'Save' }).waitFor();
  return { page, context, errors, form };
}

/**
 * The label of the control that has focus, looking through shadow roots.
 *
 * @example
 * assert.is(await focusedControl(page), 'Systolic');
 */
export async function focusedControl(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    const label = (active && active.labels && active.labels[0] && active.labels[0].textContent) ||
      (active && active.getAttribute('aria-label')) || (active && active.textContent) || '';
    return label.replace(/\\s+/g, ' ').replace(' *', '').trim();
  })()`);
}

/**
 * The composition the page's form stands for now (after its last change was handled).
 *
 * @example
 * const composition = await formValue(page);
 */
export async function formValue(
  page: Page,
): Promise<{ context: Record<string, unknown>; content: { slot: string; data: Record<string, unknown> }[] }> {
  return page.locator('docsy-form').evaluate(async (element) => {
    const form = element as unknown as { updateComplete: Promise<boolean>; value: unknown };
    await form.updateComplete;
    return JSON.parse(JSON.stringify(form.value)) as never;
  });
}

/**
 * The data of the first entry of the form's composition.
 *
 * @example
 * assert.equal((await entryData(page)).summary, 'Stable');
 */
export async function entryData(page: Page): Promise<Record<string, unknown>> {
  return (await formValue(page)).content[0]?.data ?? {};
}
