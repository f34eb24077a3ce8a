/**
 * Each widget of the form engine, driven in Chromium on the showcase template
 * (test/fixtures/form-engine/): what the user does, and the composition value it produces.
 * One page serves the whole file; each test checks its own elements.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { entryData, openGallery } from '../support/form-engine-server.js';

const { page, form, errors, context } = await openGallery();
test.after(() => context.close());

test('defaults are filled in when the form opens', async () => {
  const data = await entryData(page);
  assert.equal(data.severity, { code: 'mild', terminology: 'local', value: 'Mild' });
  assert.is(data.episodes, 0);
  assert.ok(await form.getByRole('radio', { name: 'Mild', exact: true }).isChecked());
});

test('text and multi-line text', async () => {
  await form.getByRole('textbox', { name: 'Summary', exact: true }).fill('Feels better');
  await form.getByLabel('Narrative').fill('Line one\nLine two');
  assert.is(await form.getByLabel('Narrative').evaluate((element) => element.tagName), 'TEXTAREA');
  const data = await entryData(page);
  assert.is(data.summary, 'Feels better');
  assert.is(data.narrative, 'Line one\nLine two');
  await form.getByLabel('Narrative').fill('');
  assert.not.ok('narrative' in (await entryData(page)), 'an emptied text is left out, not an empty string');
});

test('help text is linked to its input', async () => {
  const described = await form.getByRole('textbox', { name: 'Summary', exact: true }).getAttribute('aria-describedby');
  assert.match(String(described), 'help');
  assert.ok(await form.getByText('One line of free text.').isVisible());
});

test('coded text: buttons for few options, a select for more', async () => {
  await form.getByRole('radio', { name: 'Severe', exact: true }).check();
  await form.getByLabel('Body site').selectOption({ label: 'Left arm' });
  const data = await entryData(page);
  assert.equal(data.severity, { code: 'severe', terminology: 'local', value: 'Severe' });
  assert.equal(data.body_site, { code: 'left_arm', terminology: 'local', value: 'Left arm' });
  await form.getByRole('button', { name: 'Clear Severity' }).click();
  assert.not.ok('severity' in (await entryData(page)), 'an optional choice can be cleared');
});

test('ordinal: a ranked choice records its rank', async () => {
  await form.getByRole('radio', { name: '2: Moderate' }).check();
  assert.equal((await entryData(page)).pain_score, {
    ordinal: 2,
    code: 'moderate',
    terminology: 'local',
    value: 'Moderate',
  });
});

test('terminology search: suggestions as you type, picked with the keyboard', async () => {
  const finding = form.getByRole('combobox', { name: 'Finding' });
  await finding.fill('asthma');
  const listbox = form.getByRole('listbox', { name: 'Finding suggestions' });
  await listbox.getByRole('option').first().waitFor();
  await finding.press('ArrowDown');
  assert.is(await finding.getAttribute('aria-activedescendant'), 'option-0');
  const first = (await listbox.getByRole('option').first().textContent())!.trim();
  await finding.press('Enter');
  const value = (await entryData(page)).finding as { code: string; terminology: string; value: string };
  assert.is(value.terminology, 'SNOMED-CT');
  assert.ok(first.startsWith(value.value), `${first} was picked`);
  assert.is(await finding.getAttribute('aria-expanded'), 'false');
  await finding.fill('Wheeze after exercise');
  assert.is((await entryData(page)).finding, 'Wheeze after exercise', 'a text-or-coded element keeps free text');
});

test('coded text from a terminology needs a picked concept', async () => {
  const substance = form.getByRole('combobox', { name: 'Substance' });
  await substance.fill('penicillin');
  await form.getByRole('listbox', { name: 'Substance suggestions' }).getByRole('option').first().click();
  const value = (await entryData(page)).substance as { terminology: string };
  assert.is(value.terminology, 'SNOMED-CT');
});

test('quantity: changing the unit changes the allowed range', async () => {
  const temperature = form.getByLabel('Temperature', { exact: true });
  const field = form.locator('docsy-quantity-input', { has: page.getByText('Body temperature') });
  await temperature.fill('50');
  assert.ok(await field.getByText('Allowed: at least 25 and less than 45 °C').isVisible());
  await field.getByText('Temperature: must be less than 45 °C').waitFor();
  await form.getByLabel('Temperature unit').selectOption({ label: '°F' });
  assert.ok(await field.getByText('Allowed: at least 77 and less than 113 °F').isVisible());
  await field.getByText('Temperature: must be at least 77 °F').waitFor();
  await temperature.fill('98.6');
  await field.locator('[part=error]:empty').waitFor({ state: 'attached' });
  assert.equal((await entryData(page)).temperature, { magnitude: 98.6, unit: '[degF]' });
  assert.is(await temperature.getAttribute('aria-invalid'), 'false');
});

test('quantity without units takes any UCUM unit, with suggestions', async () => {
  await form.getByLabel('Level', { exact: true }).fill('5.4');
  await form.getByLabel('Level unit (UCUM)').fill('mmol/L');
  assert.equal((await entryData(page)).level, { magnitude: 5.4, unit: 'mmol/L' });
});

test('count, proportion as a percentage and as a ratio', async () => {
  await form.getByLabel('Episodes').fill('3');
  await form.getByLabel('Saturation').fill('97');
  await form.getByLabel('Dilution numerator').fill('1');
  await form.getByLabel('Dilution denominator').fill('40');
  const data = await entryData(page);
  assert.is(data.episodes, 3);
  assert.equal(data.saturation, { numerator: 97, denominator: 100 });
  assert.equal(data.dilution, { numerator: 1, denominator: 40 });
});

test('boolean: a checkbox, and yes/no buttons that tell no from not recorded', async () => {
  await form.getByLabel('Smoker').check();
  await form.locator('docsy-boolean-input', { hasText: 'Fasting' }).getByRole('radio', { name: 'No' }).check();
  let data = await entryData(page);
  assert.is(data.smoker, true);
  assert.is(data.fasting, false);
  await form.getByLabel('Smoker').uncheck();
  await form.getByRole('button', { name: 'Clear Fasting' }).click();
  data = await entryData(page);
  assert.not.ok('smoker' in data);
  assert.not.ok('fasting' in data);
});

test('partial dates: a year, a year and month, a full date', async () => {
  const onset = form.getByLabel('Onset date', { exact: true });
  const precision = form.getByLabel('Onset date: precision');
  await precision.selectOption({ label: 'Year' });
  await onset.fill('2019');
  assert.is((await entryData(page)).onset_date, '2019');
  await precision.selectOption({ label: 'Year and month' });
  await onset.fill('2019-06');
  assert.is((await entryData(page)).onset_date, '2019-06');
  await precision.selectOption({ label: 'Full date' });
  await onset.fill('2019-06-14');
  assert.is((await entryData(page)).onset_date, '2019-06-14');
  await precision.selectOption({ label: 'Year' });
  assert.is((await entryData(page)).onset_date, '2019', 'a coarser precision keeps what it can');
});

test('date-time with the time zone, time, and a partial date-time', async () => {
  await form.getByLabel('Observed at', { exact: true }).fill('2026-03-02T09:30:15');
  assert.match(String((await entryData(page)).observed_at), /^2026-03-02T09:30:15(Z|[+-]\d{2}:\d{2})$/);
  await form.getByLabel('Observed at: precision').selectOption({ label: 'Year and month' });
  assert.is((await entryData(page)).observed_at, '2026-03');
  await form.getByLabel('Time taken').fill('08:30:00');
  assert.is((await entryData(page)).taken_at, '08:30:00');
});

test('duration: an amount and a unit, stored as ISO 8601', async () => {
  await form.getByLabel('Treatment length', { exact: true }).fill('2');
  await form.getByLabel('Treatment length unit').selectOption({ label: 'weeks' });
  assert.is((await entryData(page)).treatment_length, 'P2W');
  await form.getByLabel('Treatment length unit').selectOption({ label: 'hours' });
  assert.is((await entryData(page)).treatment_length, 'PT2H');
});

test('identifier and web address', async () => {
  const identifier = form.locator('docsy-identifier-input', { hasText: 'Sample identifier' });
  await identifier.getByLabel('ID').fill('S-123');
  await identifier.getByLabel('Issuer').fill('Lab one');
  await form.getByLabel('Guideline').fill('https://example.org/guide');
  const data = await entryData(page);
  assert.equal(data.sample_id, { id: 'S-123', issuer: 'Lab one' });
  assert.is(data.guideline, 'https://example.org/guide');
});

test('choice of data types: pick the kind of value, then enter it', async () => {
  const onset = form.locator('docsy-choice-input', { hasText: 'When it started' });
  await onset.getByLabel('Kind of value').selectOption({ label: 'Duration' });
  await onset.getByLabel('Onset: Duration', { exact: true }).fill('3');
  await onset.getByLabel('Onset: Duration unit').selectOption({ label: 'days' });
  assert.equal((await entryData(page)).onset, { type: 'duration', value: 'P3D' });
  await onset.getByLabel('Kind of value').selectOption({ label: 'Text' });
  await onset.getByLabel('Onset: Text').fill('After the fall');
  assert.equal((await entryData(page)).onset, { type: 'text', value: 'After the fall' });
});

test('attachment: the file is uploaded through the injected upload, and can be removed', async () => {
  await form.evaluate((element) => {
    (element as unknown as { uploadAttachment: (file: File) => Promise<unknown> }).uploadAttachment = async (file) => ({
      id: '7d444840-9dc0-4e3f-9a3b-2f7c1c0f5a11',
      mediaType: file.type,
      size: file.size,
      sha256: 'a'.repeat(64),
      name: file.name,
    });
  });
  const input = form.getByLabel('Report file');
  await input.setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 test') });
  await form.getByText('report.pdf (application/pdf, 13 bytes)').waitFor();
  assert.equal((await entryData(page)).report_file, {
    id: '7d444840-9dc0-4e3f-9a3b-2f7c1c0f5a11',
    mediaType: 'application/pdf',
    size: 13,
    sha256: 'a'.repeat(64),
    name: 'report.pdf',
  });
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain') });
  await form.getByText('notes.txt is of type text/plain; allowed: application/pdf, image/png.').waitFor();
  await form.getByRole('button', { name: 'Remove report.pdf' }).click();
  assert.not.ok('report_file' in (await entryData(page)));
});

test('no console errors on the way', () => {
  assert.equal(errors, []);
});

test.run();
