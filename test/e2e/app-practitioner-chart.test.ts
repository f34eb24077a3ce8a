/**
 * The practitioner's pages in Chromium: signing in to the dashboard, finding a patient in care,
 * the chart's summary and record, a new allergy recorded through the form that then shows in the
 * summary, an amendment with its history, and a patient outside the practitioner's care behind
 * the emergency access form; axe scans of each page.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, signedInPatient, testPassword } from '../support/accounts.js';
import { assertAccessible, expectHeading, openApp, type AppPage } from '../support/app-pages.js';
import { formEngineServer } from '../support/form-engine-server.js';
import { patientRecord, type PatientRecord } from '../support/patient-record.js';

const { app } = await formEngineServer();
const surname = `Chartwell${Date.now().toString(36)}`;
let record: PatientRecord;
let tab: AppPage;

test.before(async () => {
  record = await patientRecord(app, { patient: `Carla ${surname}`, doctor: 'Dr Chart Reader' });
  tab = await openApp('/sign-in');
});
test.after(async () => {
  await tab.context.close();
});

test('a doctor signs in to the dashboard and finds a patient in their care', async () => {
  const { page } = tab;
  await page.getByLabel('Email').fill(record.doctor.email);
  await page.getByLabel('Password').fill(testPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, 'Dashboard');
  await page.getByLabel('Find a patient').fill(surname);
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByRole('table', { name: `Patients matching “${surname}”` }).waitFor();
  await assertAccessible(page, 'the dashboard with search results');
  await page.getByRole('link', { name: `Carla ${surname}` }).click();
  await expectHeading(page, `Carla ${surname}`);
});

test('the chart summarises active allergies and current medications, and lists the record by category', async () => {
  const { page, errors } = tab;
  const allergies = page.getByRole('region', { name: 'Active allergies' });
  await allergies.getByRole('link', { name: 'Penicillin' }).waitFor();
  await page.getByRole('region', { name: 'Current medications' }).getByRole('link', { name: 'Amoxicillin' }).waitFor();
  await page
    .getByRole('region', { name: 'Active problems' })
    .getByText('No active problem recorded that you can see.')
    .waitFor();
  const tabs = page.getByRole('navigation', { name: 'Record categories' });
  await tabs.getByRole('link', { name: 'Vitals (1)' }).waitFor();
  await assertAccessible(page, 'the chart');
  assert.equal(errors, []);
});

test('a new allergy recorded through the form shows in the summary', async () => {
  const { page } = tab;
  const newEntry = page.getByRole('region', { name: 'New entry' });
  await newEntry.getByRole('link', { name: 'Allergy record' }).waitFor();
  assert.is(await newEntry.getByRole('link', { name: 'Dispensation' }).count(), 0, 'only what a doctor may author');
  await newEntry.getByRole('link', { name: 'Allergy record' }).click();
  await expectHeading(page, 'New allergy record');
  const form = page.locator('docsy-form');
  await form.getByRole('button', { name: 'Save' }).waitFor();
  await assertAccessible(page, 'the new entry form');
  await form.getByRole('combobox', { name: /Substance/ }).fill('Latex');
  await form.getByRole('button', { name: 'Save' }).click();
  await expectHeading(page, 'Allergy record');
  await page.locator('docsy-composition-view').getByText('Latex').waitFor();
  await page.getByRole('link', { name: `Carla ${surname}` }).click();
  await page.getByRole('region', { name: 'Active allergies' }).getByRole('link', { name: 'Latex' }).waitFor();
});

test('an entry is amended with a reason and its history shows both versions', async () => {
  const { page, errors } = tab;
  await page.getByRole('region', { name: 'Active allergies' }).getByRole('link', { name: 'Latex' }).click();
  await expectHeading(page, 'Allergy record');
  await page.getByRole('button', { name: 'Amend' }).click();
  const form = page.locator('docsy-form');
  await form.evaluate((element) => (element as unknown as { updateComplete: Promise<boolean> }).updateComplete);
  assert.is(await form.getByRole('combobox', { name: /Substance/ }).inputValue(), 'Latex', 'the form holds the entry');
  await form.getByRole('combobox', { name: /Substance/ }).fill('Natural rubber latex');
  await page.getByLabel('Reason for the change').fill('More precise substance');
  await form.getByRole('button', { name: 'Save amendment' }).click();
  await page.locator('docsy-composition-view').getByText('Natural rubber latex').waitFor();
  const history = page.locator('docsy-history');
  await history.getByRole('cell', { name: 'More precise substance' }).waitFor();
  assert.is(await history.locator('table[part=versions] tbody tr').count(), 2);
  await assertAccessible(page, 'an entry of the chart');
  assert.equal(errors, []);
});

test('the doctor orders a lab test; the lab technician finds it on the worklist and marks it fulfilled', async () => {
  const { page } = tab;
  await page
    .getByRole('link', { name: `Carla ${surname}` })
    .first()
    .click();
  const orders = page.getByRole('region', { name: 'Lab and imaging orders' });
  await orders.getByText('No open order.').waitFor();
  const form = orders.getByRole('form', { name: 'Place an order' });
  await form.getByLabel('Kind of order').selectOption('lab');
  await form.getByLabel('What is ordered').fill('Full blood count');
  await form.getByRole('button', { name: 'Place order' }).click();
  await orders.getByText('Full blood count').waitFor();

  const technician = await signedIn(app, 'lab_technician', { name: 'Lab Lee' });
  const lab = await openApp('/dashboard', { as: technician });
  const worklist = lab.page.getByRole('region', { name: 'Worklist' });
  await worklist.getByRole('cell', { name: 'Lab: Full blood count' }).waitFor();
  await assertAccessible(lab.page, 'the lab technician’s dashboard');
  await worklist
    .getByRole('link', { name: `Carla ${surname}` })
    .first()
    .click();
  await expectHeading(lab.page, `Carla ${surname}`);
  const newEntry = lab.page.getByRole('region', { name: 'New entry' });
  // The templates the role authors load after the heading: wait for them, then check the list.
  await newEntry.getByRole('link', { name: 'Laboratory report' }).waitFor();
  assert.is(await newEntry.getByRole('link', { name: 'Allergy record' }).count(), 0);
  const labOrders = lab.page.getByRole('region', { name: 'Lab and imaging orders' });
  await labOrders.getByRole('button', { name: 'Mark fulfilled: Full blood count' }).click();
  await labOrders.getByText('No open order.').waitFor();
  assert.equal(lab.errors, []);
  await lab.context.close();
});

test('a patient outside the doctor’s care shows the emergency access form, which opens the record', async () => {
  const stranger = await signedInPatient(app, { name: 'Sam Stranger' });
  const { page } = tab;
  await page.goto(`${tab.baseUrl}/patients/${stranger.user.id}`);
  await expectHeading(page, 'Sam Stranger');
  const glass = page.getByRole('region', { name: 'Emergency access' });
  await glass.waitFor();
  await assertAccessible(page, 'the emergency access form');
  await glass.getByRole('button', { name: 'Open the record in an emergency' }).click();
  const reason = glass.getByLabel('Reason for emergency access');
  // The label is there before the click: wait for the refusal itself, which marks the field.
  await reason.and(page.locator('[aria-invalid="true"]')).waitFor();
  assert.is(await reason.getAttribute('aria-invalid'), 'true');
  await reason.fill('Collapsed in the waiting room');
  await glass.getByRole('button', { name: 'Open the record in an emergency' }).click();
  await page
    .getByRole('region', { name: 'Active allergies' })
    .getByText('No active allergy recorded that you can see.')
    .waitFor();
  const log = await app.inject({ url: `/api/ehr/${stranger.ehrId}/access-log`, headers: stranger.headers });
  const reasons = log.json<{ items: { breakGlassReason?: string }[] }>().items.map((item) => item.breakGlassReason);
  assert.ok(reasons.includes('Collapsed in the waiting room'), 'the patient sees the reason');
});

test.run();
