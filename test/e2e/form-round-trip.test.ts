/**
 * The round trip: a form filled in Chromium submits a composition the server accepts, the
 * read-only view shows what was entered, and the history compares it with an amendment. Then
 * the form (with its errors showing), the view and the history pass an axe scan.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { formEngineServer, openGallery } from '../support/form-engine-server.js';

const server = await formEngineServer();
const gallery = await openGallery({ ehrId: server.patient.ehrId });
const { page, form } = gallery;
test.after(() => gallery.context.close());

async function accessibilityViolations(on: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: on }).analyze();
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((node) => node.target.join(' ')).join(', ')})`);
}

let uid = '';

test('a filled form submits a composition that the server accepts', async () => {
  await form.getByRole('textbox', { name: 'Summary', exact: true }).fill('Feels better');
  await form.getByRole('textbox', { name: 'Symptom 1' }).fill('Dry cough');
  await form.getByRole('radio', { name: 'Severe', exact: true }).check();
  await form.getByLabel('Body site').selectOption({ label: 'Chest' });
  const finding = form.getByRole('combobox', { name: 'Finding' });
  await finding.fill('asthma');
  await form.getByRole('listbox', { name: 'Finding suggestions' }).getByRole('option').first().click();
  await form.getByLabel('Temperature unit').selectOption({ label: '°F' });
  await form.getByLabel('Temperature', { exact: true }).fill('100.4');
  await form.getByLabel('Saturation').fill('94');
  await form.getByRole('radio', { name: '3: Severe' }).check();
  await form.getByLabel('Onset date: precision').selectOption({ label: 'Year and month' });
  await form.getByLabel('Onset date', { exact: true }).fill('2019-06');
  const onset = form.locator('docsy-choice-input', { hasText: 'When it started' });
  await onset.getByLabel('Kind of value').selectOption({ label: 'Duration' });
  await onset.getByLabel('Onset: Duration', { exact: true }).fill('3');
  await form.locator('docsy-identifier-input', { hasText: 'Sample identifier' }).getByLabel('ID').fill('S-123');
  await form.getByRole('checkbox', { name: 'As needed' }).check();
  await form.getByRole('textbox', { name: 'As needed condition' }).fill('Wheeze at night');
  await form.getByRole('textbox', { name: 'Device name' }).fill('Peak flow meter');
  await form.getByRole('button', { name: 'Save' }).click();
  const view = page.locator('docsy-composition-view#view');
  await view.waitFor();
  assert.equal(gallery.errors, []);
  uid = (await page.locator('docsy-history').getAttribute('composition-uid')) ?? '';
  assert.match(uid, /^[0-9a-f-]{36}$/);
});

test('the view shows what was entered, in words, from the form of its template revision', async () => {
  const view = page.locator('docsy-composition-view#view');
  const text = (await view.locator('article').innerText()).replace(/\s+/g, ' ');
  for (const shown of [
    'Form showcase',
    'Recorded by Dr Form Engine',
    'Summary Feels better',
    'Symptom 1 Dry cough',
    'Severity Severe',
    'Body site Chest',
    'Temperature 100.4 °F',
    'Saturation 94 %',
    'Pain score 3: Severe',
    'Onset date June 2019',
    'Onset 3 days (duration)',
    'Sample identifier S-123',
    'As needed Yes',
    'As needed condition Wheeze at night',
    'Device name Peak flow meter',
  ]) {
    assert.ok(text.includes(shown), `the view shows "${shown}"`);
  }
  assert.match(text, /Finding .*\(SNOMED-CT \d+\)/);
});

test('the history lists the versions and shows what an amendment changed, field by field', async () => {
  const stored = await server.app.inject({
    url: `/api/ehr/${server.patient.ehrId}/compositions/${uid}`,
    headers: server.doctor.headers,
  });
  assert.is(stored.statusCode, 200);
  const body = stored.json<
    { versionUid: string; content: { data: Record<string, unknown> }[] } & Record<string, unknown>
  >();
  const data = body.content[0]!.data;
  data.summary = 'Much better';
  delete data.body_site;
  data.episodes = 2;
  const { uid: _uid, versionUid, ehrId: _ehr, composer: _c, committedAt: _t, category: _k, ...amendment } = body;
  const amended = await server.app.inject({
    method: 'PUT',
    url: `/api/ehr/${server.patient.ehrId}/compositions/${uid}?reason=Patient%20reviewed`,
    headers: { ...server.doctor.headers, 'if-match': `"${versionUid}"` },
    payload: amendment,
  });
  assert.is(amended.statusCode, 200, amended.body);
  const history = page.locator('docsy-history');
  await history.evaluate((element) => (element as unknown as { load(): Promise<void> }).load());
  await history.getByRole('cell', { name: 'Patient reviewed' }).waitFor();
  assert.is(await history.locator('table[part=versions] tbody tr').count(), 2);
  const rows = history.locator('table[part=changes] tbody tr');
  await rows.first().waitFor();
  const changes = (await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim());
  assert.ok(changes.includes('Showcase › Summary changed Feels better Much better'), changes.join('\n'));
  assert.ok(changes.includes('Showcase › Body site removed Chest'), changes.join('\n'));
  assert.ok(changes.includes('Showcase › Episodes changed 0 2'), changes.join('\n'));
  await history.getByRole('button', { name: 'Show version 1' }).click();
  await history.locator('docsy-composition-view').getByText('Feels better').waitFor();
});

test('the form, the view and the history have no accessibility violations', async () => {
  assert.equal(await accessibilityViolations(page), []);
  const fresh = await openGallery();
  await fresh.form.getByLabel('Temperature', { exact: true }).fill('50');
  await fresh.form.getByRole('button', { name: 'Save' }).click();
  await fresh.form.getByRole('alert').waitFor();
  assert.equal(await accessibilityViolations(fresh.page), [], 'with errors and the summary showing');
  await fresh.context.close();
});

test.run();
