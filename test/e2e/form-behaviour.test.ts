/**
 * How the form engine behaves as a whole, in Chromium: repeats at their bounds, conditional
 * display with its hidden-value policies, validation that says what the server says, the error
 * summary and focus, and entry with the keyboard alone.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { KnowledgeRegistry } from '../../server/knowledge/knowledge-registry.js';
import {
  entryData,
  focusedControl,
  formEngineServer,
  formValue,
  openGallery,
  showcaseTemplate,
} from '../support/form-engine-server.js';
import { testDatabase } from '../support/test-app.js';

const gallery = await openGallery();
const { page, form } = gallery;
test.after(() => gallery.context.close());

test('a list stops at its bounds: Remove disabled at the minimum, Add at the maximum', async () => {
  const symptoms = form.locator('fieldset.list', { has: page.getByText('One to three symptoms.') });
  const add = symptoms.getByRole('button', { name: 'Add Symptom' });
  assert.ok(
    await symptoms.getByRole('button', { name: 'Remove Symptom 1' }).isDisabled(),
    'one symptom is the minimum',
  );
  await add.click();
  assert.is(await focusedControl(page), 'Symptom 2', 'focus moves to the new item');
  await add.click();
  assert.is(await symptoms.getByRole('textbox').count(), 3);
  assert.ok(await add.isDisabled(), 'three symptoms is the maximum');
  await symptoms.getByRole('button', { name: 'Remove Symptom 2' }).click();
  assert.ok(await add.isEnabled());
  assert.ok(await symptoms.getByRole('button', { name: 'Remove Symptom 1' }).isEnabled());
  await symptoms.getByRole('textbox', { name: 'Symptom 1' }).fill('Cough');
  await symptoms.getByRole('textbox', { name: 'Symptom 2' }).fill('Fever');
  assert.equal((await entryData(page)).symptoms, ['Cough', 'Fever']);
});

test('repeating clusters: an untouched one is left out, a filled one recorded, at most two', async () => {
  assert.not.ok('device' in (await entryData(page)), 'the device shown at first holds nothing entered');
  const add = form.getByRole('button', { name: 'Add Device' });
  await add.click();
  assert.ok(await add.isDisabled());
  await form.getByRole('textbox', { name: 'Device name' }).nth(1).fill('Thermometer');
  assert.equal((await entryData(page)).device, [
    { archetype: 'docsy-EHR-CLUSTER.form_showcase_device.v1', revision: '1.0.0', data: { device_name: 'Thermometer' } },
  ]);
  await form.getByRole('button', { name: 'Remove Device 1' }).click();
  assert.ok(await add.isEnabled());
});

test('conditional display: shown while its condition holds, a hidden value cleared on submit', async () => {
  const condition = form.getByRole('textbox', { name: 'As needed condition' });
  assert.is(await condition.count(), 0, 'hidden while As needed is not ticked');
  await form.getByRole('checkbox', { name: 'As needed' }).check();
  await condition.fill('Pain above 5');
  assert.is((await entryData(page)).as_needed_condition, 'Pain above 5');
  await form.getByRole('checkbox', { name: 'As needed' }).uncheck();
  assert.is(await condition.count(), 0);
  assert.not.ok('as_needed_condition' in (await entryData(page)), 'hiddenValues "clear": removed from the composition');
  await form.getByRole('checkbox', { name: 'As needed' }).check();
  assert.is(await condition.inputValue(), 'Pain above 5', 'shown again, the entry is still there');
});

test('conditional display with hiddenValues "keep": the hidden value stays, and is valid', async () => {
  await form.getByRole('radio', { name: 'Moderate', exact: true }).check();
  await form.getByRole('textbox', { name: 'Severity note' }).fill('Worse at night');
  await form.getByRole('radio', { name: 'Mild', exact: true }).check();
  assert.is(await form.getByRole('textbox', { name: 'Severity note' }).count(), 0);
  assert.is((await entryData(page)).severity_note, 'Worse at night');
  const errors = await form.evaluate((element) =>
    (element as unknown as { validate(): Promise<{ path: string }[]> }).validate(),
  );
  assert.equal(
    errors.map((error) => error.path),
    ['/content/0/data/summary'],
    'only the summary is missing',
  );
});

const fresh = await openGallery();
test.after(() => fresh.context.close());

test('the browser finds the errors the server finds, in the same words and at the same paths', async () => {
  await fresh.form.getByLabel('Temperature', { exact: true }).fill('50');
  await fresh.form.getByLabel('Episodes').fill('3.5');
  await fresh.form.getByRole('textbox', { name: 'Guideline' }).fill('not a web address');
  await fresh.form.getByLabel('Saturation').fill('ninety');
  const inBrowser = await fresh.form.evaluate((element) =>
    (element as unknown as { validate(): Promise<unknown[]> }).validate(),
  );
  const composition = await formValue(fresh.page);
  const registry = KnowledgeRegistry.open((await testDatabase()).db);
  const onServer = await registry.validateComposition(showcaseTemplate, '1.0.0', composition);
  assert.is(onServer.length, 6, 'summary, symptom and the four wrong values');
  assert.equal(inBrowser, onServer);
});

test('submitting shows every error next to its field, a summary, and focus on the first', async () => {
  await fresh.form.getByLabel('Episodes').fill('60');
  await fresh.form.getByRole('button', { name: 'Save' }).click();
  const summary = fresh.form.getByRole('alert');
  await summary.getByText('There are 6 problems to correct').waitFor();
  assert.is(await focusedControl(fresh.page), 'Summary', 'focus on the first field in error');
  const summaryInput = fresh.form.getByRole('textbox', { name: 'Summary', exact: true });
  assert.is(await summaryInput.getAttribute('aria-invalid'), 'true');
  assert.match(String(await summaryInput.getAttribute('aria-describedby')), 'error');
  const field = fresh.form.locator('docsy-text-input', { has: fresh.page.getByText('One line of free text.') });
  assert.is((await field.locator('#error').textContent())!.trim(), 'Summary: is required');
  await fresh.form.locator('docsy-count-input').getByText('Episodes: must be at most 50').waitFor();
  await fresh.form.locator('fieldset.list').getByText('Symptom: is required').first().waitFor();
  await summary.getByRole('button', { name: 'Episodes: must be at most 50' }).click();
  assert.is(await focusedControl(fresh.page), 'Episodes', 'a summary entry takes you to its field');
  assert.match((await fresh.page.locator('#composition').textContent())!, 'Nothing submitted yet');
});

test('a vital signs recording entered with the keyboard alone', async () => {
  const vitals = await openGallery({ template: 'docsy.vital_signs.v1' });
  const { page: on } = vitals;
  async function tabTo(label: string): Promise<void> {
    for (let presses = 0; presses < 80; presses++) {
      await on.keyboard.press('Tab');
      if ((await focusedControl(on)) === label) return;
    }
    throw new Error(`Tab never reached ${label}`);
  }
  await tabTo('Systolic');
  await on.keyboard.type('142');
  await on.keyboard.press('Tab');
  assert.is(await focusedControl(on), 'Diastolic');
  await on.keyboard.type('91');
  await tabTo('Standing');
  await on.keyboard.press('ArrowDown');
  await tabTo('Location of measurement');
  await on.keyboard.press('ArrowDown');
  await on.keyboard.press('ArrowDown');
  await tabTo('Temperature');
  await on.keyboard.type('37.8');
  await tabTo('Save');
  await on.keyboard.press('Enter');
  await on.locator('#composition', { hasText: 'blood_pressure' }).waitFor();
  const submitted = JSON.parse((await on.locator('#composition').textContent())!) as {
    content: { slot: string; data: Record<string, unknown> }[];
  };
  const pressure = submitted.content.find((entry) => entry.slot === 'blood_pressure')!.data;
  assert.equal(pressure.systolic, { magnitude: 142, unit: 'mm[Hg]' });
  assert.equal(pressure.diastolic, { magnitude: 91, unit: 'mm[Hg]' });
  assert.equal(pressure.position, { code: 'sitting', terminology: 'local', value: 'Sitting' });
  assert.equal(pressure.location_of_measurement, { code: 'left_arm', terminology: 'local', value: 'Left arm' });
  const temperature = submitted.content.find((entry) => entry.slot === 'body_temperature')!.data;
  assert.equal(temperature.temperature, { magnitude: 37.8, unit: 'Cel' });
  await vitals.context.close();
});

test('a 30-analyte lab report loaded to amend: every part rendered, and it comes back unchanged', async () => {
  const lab = await openGallery({ template: 'docsy.lab_report.v1' });
  const { app, doctor } = await formEngineServer();
  const example = (
    await app.inject({ url: '/api/templates/docsy.lab_report.v1/example', headers: doctor.headers })
  ).json<{
    content: { data: { test_result: unknown[] } }[];
  }>();
  const analyte = example.content[0]!.data.test_result[0];
  example.content[0]!.data.test_result = Array.from({ length: 30 }, () => analyte);
  const shown = await lab.form.evaluate(async (element, composition) => {
    const form = element as unknown as { value: unknown; updateComplete: Promise<boolean> };
    form.value = composition;
    await form.updateComplete;
    return JSON.stringify(form.value);
  }, example);
  assert.is(await lab.form.getByRole('combobox', { name: 'Analyte name' }).count(), 30);
  assert.is(await lab.form.locator('.pending').count(), 0);
  assert.equal(JSON.parse(shown), example);
  await lab.context.close();
});

test('no console errors on the way', async () => {
  await formEngineServer();
  assert.equal(gallery.errors, []);
});

test.run();
