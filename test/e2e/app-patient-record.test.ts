/**
 * The patient portal's record pages in Chromium: the record by category, one entry with its
 * view, downloads and full history, hiding it from practitioners and sharing it again, and the
 * access log with emergency access shown first; axe scans of each page.
 */
import { readFile } from 'node:fs/promises';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn } from '../support/accounts.js';
import { assertAccessible, expectHeading, openApp, type AppPage } from '../support/app-pages.js';
import { formEngineServer } from '../support/form-engine-server.js';
import { patientRecord, type PatientRecord } from '../support/patient-record.js';

const { app } = await formEngineServer();
let record: PatientRecord;
let tab: AppPage;

test.before(async () => {
  record = await patientRecord(app, { patient: 'Paula Portal', doctor: 'Dr Rita Record' });
  tab = await openApp('/', { as: record.patient });
});
test.after(async () => {
  await tab.context.close();
});

test('a patient lands on their record, with a tab per category and its count', async () => {
  const { page } = tab;
  await expectHeading(page, 'My record');
  assert.match(page.url(), /\/record$/);
  const tabs = page.getByRole('navigation', { name: 'Record categories' });
  for (const [label, count] of [
    ['Prescriptions', 1],
    ['Allergies', 1],
    ['Problems', 0],
    ['Vitals', 1],
  ] as const)
    await tabs.getByRole('link', { name: `${label} (${count})` }).waitFor();
  await page.getByRole('table', { name: /Prescriptions: 1 entry/ }).waitFor();
  assert.ok(await page.getByRole('cell', { name: 'Dr Rita Record' }).isVisible());
  await assertAccessible(page, 'the record page');
});

test('a category tab lists its entries, and an empty one says so', async () => {
  const { page } = tab;
  const tabs = page.getByRole('navigation', { name: 'Record categories' });
  await tabs.getByRole('link', { name: /Problems/ }).click();
  await page.getByText('Nothing is recorded under problems.').waitFor();
  await tabs.getByRole('link', { name: /Allergies/ }).click();
  await page.getByRole('table', { name: /Allergies: 1 entry/ }).waitFor();
  assert.match(page.url(), /\/record\?category=allergies$/);
  assert.is(await tabs.getByRole('link', { name: /Allergies/ }).getAttribute('aria-current'), 'page');
});

test('an entry opens with its content, downloads and full history', async () => {
  const { page, errors } = tab;
  await page.getByRole('link', { name: 'Allergy record' }).click();
  await expectHeading(page, 'Allergy record');
  assert.match(page.url(), new RegExp(`/record/${record.allergyUid}$`));
  await page.locator('docsy-composition-view').getByText('Substance').first().waitFor();
  const [pdf] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PDF' }).click(),
  ]);
  assert.is(pdf.suggestedFilename(), 'allergy-record.pdf');
  assert.match((await readFile((await pdf.path())!)).subarray(0, 5).toString('latin1'), /^%PDF-/, 'a PDF document');
  const history = page.locator('docsy-history');
  await history.getByRole('cell', { name: 'Reaction confirmed' }).waitFor();
  assert.is(await history.locator('table[part=versions] tbody tr').count(), 2, 'both versions are listed');
  await assertAccessible(page, 'an entry of the record');
  assert.equal(errors, []);
});

test('the patient hides an entry from practitioners, who then cannot read it, and shares it again', async () => {
  const { page } = tab;
  const readAsDoctor = () =>
    app.inject({ url: `${record.chart.base}/compositions/${record.allergyUid}`, headers: record.doctor.headers });
  assert.is((await readAsDoctor()).statusCode, 200);
  await page.getByRole('button', { name: 'Hide from practitioners' }).click();
  await page.getByText('Hidden from practitioners.').waitFor();
  assert.is((await readAsDoctor()).statusCode, 404, 'the doctor no longer sees it');
  await page.getByRole('link', { name: 'Back to my record' }).click();
  await page.getByRole('link', { name: /Allergies/ }).click();
  await page.getByRole('cell', { name: 'Restricted' }).waitFor();
  await page.getByRole('link', { name: 'Allergy record' }).click();
  await page.getByRole('button', { name: 'Share with practitioners again' }).click();
  await page.getByText('Shared with the practitioners who care for you.').waitFor();
  assert.is((await readAsDoctor()).statusCode, 200);
});

test('the access log shows who accessed the record, with emergency access first and its reason', async () => {
  const stranger = await signedIn(app, 'doctor', { name: 'Dr Outside Care' });
  const glass = await app.inject({
    method: 'POST',
    url: `${record.chart.base}/break-glass`,
    headers: stranger.headers,
    payload: { reason: 'Unconscious in the emergency room' },
  });
  assert.is(glass.statusCode, 201, glass.body);
  const { page, errors } = tab;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Access log' }).click();
  await expectHeading(page, 'Who accessed my record');
  const emergency = page.getByRole('region', { name: 'Emergency access to your record' });
  await emergency.waitFor();
  assert.match(
    String(await emergency.textContent()),
    /Dr Outside Care \(Doctor\)[\s\S]*Unconscious in the emergency room/,
  );
  const table = page.getByRole('table', { name: 'Every access, newest first' });
  assert.ok(
    await table
      .getByRole('cell', { name: /Dr Rita Record/ })
      .first()
      .isVisible(),
  );
  assert.ok(await table.getByRole('cell', { name: 'Recorded an entry' }).first().isVisible());
  await assertAccessible(page, 'the access log');
  assert.equal(errors, []);
});

test.run();
