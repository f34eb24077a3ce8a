/**
 * The demo data in the browser, as someone trying Docsy meets it: doctor@ signs in with the demo
 * password, finds patient@ among the coming appointments and opens a chart full of history;
 * doctor2@ meets the care-relationship rule at patient2@'s chart.
 */
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { CalendarTokens } from '../../server/access/calendar-token.js';
import { buildApp } from '../../server/app.js';
import { findAccountByEmail } from '../../server/access/account-repository.js';
import { seedDemoData } from '../../server/demo/demo-seeding.js';
import { KnowledgeRegistry } from '../../server/knowledge/knowledge-registry.js';
import { assertAccessible, expectHeading, openApp } from '../support/app-pages.js';
import { separateTestDatabase, testConfig } from '../support/test-app.js';

// The demo loads only into a database without accounts: this file's own, not the suite's shared one.
const database = await separateTestDatabase();
const { db } = database;
const app = await buildApp({ config: testConfig, database }); // publishes the shipped knowledge
const seeded = await seedDemoData(
  {
    db,
    registry: KnowledgeRegistry.open(db),
    systemId: testConfig.systemId,
    calendar: new CalendarTokens(testConfig.jwtSecret),
  },
  new Date(),
);
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
test.after(async () => {
  await app.close();
  await database.close();
});

async function signInAs(email: string) {
  const tab = await openApp('/sign-in', { baseUrl });
  await tab.page.getByLabel('Email').fill(email);
  await tab.page.getByLabel('Password').fill('docsy-demo');
  await tab.page.getByRole('button', { name: 'Sign in' }).click();
  return tab;
}

test('the demo data loaded into the suite’s database', () => {
  assert.is(seeded.outcome, 'loaded');
});

test('doctor@ finds patient@ among the coming appointments and opens a chart with years of history', async () => {
  const { page, context, errors } = await signInAs('doctor@docsy.demo');
  await expectHeading(page, 'Dashboard');
  const appointments = page.getByRole('region', { name: 'Appointments' });
  await appointments.getByRole('cell', { name: 'Medication review' }).waitFor();
  await assertAccessible(page, 'the demo doctor’s dashboard');
  await appointments.getByRole('link', { name: 'Alex Morgan' }).first().click();
  await expectHeading(page, 'Alex Morgan');
  const problems = page.getByRole('region', { name: 'Active problems' });
  await problems.getByText('Essential hypertension').first().waitFor();
  await problems.getByText('Diabetes mellitus type 2').first().waitFor();
  const medications = page.getByRole('region', { name: 'Current medications' });
  await medications
    .getByText(/Amlodipine|Metformin/)
    .first()
    .waitFor();
  const allergies = page.getByRole('region', { name: 'Active allergies' });
  assert.ok((await allergies.getByRole('link').count()) >= 1, 'an active allergy is listed');
  const categories = page.getByRole('navigation', { name: 'Record categories' });
  await categories.getByRole('link', { name: /^Vitals \(\d+\)$/ }).waitFor();
  await assertAccessible(page, 'patient@’s chart');
  assert.equal(errors, []);
  await context.close();
});

test('doctor2@ has no appointment with patient2@: the chart offers emergency access instead', async () => {
  const patient2 = await findAccountByEmail(db, 'patient2@docsy.demo');
  const { page, context } = await signInAs('doctor2@docsy.demo');
  await expectHeading(page, 'Dashboard');
  await page.goto(`${baseUrl}/patients/${patient2!.id}`);
  await expectHeading(page, 'Sam Rivera');
  await page.getByRole('region', { name: 'Emergency access' }).waitFor();
  await context.close();
});

test.run();
