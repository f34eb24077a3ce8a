/**
 * Appointments in Chromium: a patient books a practitioner's free slot, moves it and cancels it
 * (each with a reason), and finds the calendar feed address; the practitioner's dashboard lists
 * the appointments with the patient's chart a click away; axe scans of both pages.
 */
import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, signedInPatient, type SignedIn, type SignedInPatient } from '../support/accounts.js';
import { assertAccessible, expectHeading, openApp, type AppPage } from '../support/app-pages.js';
import { formEngineServer } from '../support/form-engine-server.js';

const { app } = await formEngineServer();
const doctorName = `Dr Slot ${randomBytes(3).toString('hex')}`;
const weekdays = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
let doctor: SignedIn;
let patient: SignedInPatient;
let tab: AppPage;

test.before(async () => {
  doctor = await signedIn(app, 'doctor', { name: doctorName });
  const rules = weekdays.map((weekday) => ({
    weekday,
    start: '00:00',
    end: '23:30',
    slotMinutes: 30,
    location: 'Riverside clinic',
    timeZone: 'UTC',
  }));
  const availability = await app.inject({
    method: 'PUT',
    url: '/api/practitioners/me/availability',
    headers: doctor.headers,
    payload: { rules, exceptions: [] },
  });
  assert.is(availability.statusCode, 200, availability.body);
  patient = await signedInPatient(app, { name: 'Bea Booker' });
  tab = await openApp('/appointments', { as: patient });
});
test.after(async () => {
  await tab.context.close();
});

const upcoming = () => tab.page.getByRole('region', { name: 'Upcoming appointments' });

test('a patient books a free slot of a practitioner, with a reason', async () => {
  const { page } = tab;
  await expectHeading(page, 'Appointments');
  await upcoming().getByText('You have no upcoming appointment.').waitFor();
  const booking = page.getByRole('region', { name: 'Book an appointment' });
  await booking.getByLabel('Practitioner').selectOption({ label: doctorName });
  await booking.getByRole('radio').first().waitFor();
  await assertAccessible(page, 'the appointments page with free slots');
  await booking.getByRole('radio').first().check();
  await booking.getByLabel('Reason for the appointment (optional)').fill('Annual check-up');
  await booking.getByRole('button', { name: /^Book / }).click();
  await upcoming().getByRole('cell', { name: 'Annual check-up' }).waitFor();
  assert.ok(await upcoming().getByRole('cell', { name: doctorName, exact: true }).isVisible());
  const booked = await app.inject({ url: '/api/appointments?status=booked', headers: patient.headers });
  assert.is(booked.json<{ items: unknown[] }>().items.length, 1);
});

test('the patient moves the appointment to another slot, then cancels it, each with a reason', async () => {
  const { page, errors } = tab;
  const before = String(await upcoming().locator('tbody td').first().textContent());
  await upcoming()
    .getByRole('button', { name: `Move the appointment with ${doctorName}` })
    .click();
  const move = page.getByRole('form', { name: 'Move the appointment' });
  await move.getByRole('radio').nth(1).check();
  await move.getByLabel('Reason for moving').fill('A meeting at work');
  await move.getByRole('button', { name: /^Move to / }).click();
  await move.waitFor({ state: 'detached' });
  const after = String(await upcoming().locator('tbody td').first().textContent());
  assert.is.not(after, before, 'the appointment has a new time');

  await upcoming()
    .getByRole('button', { name: `Cancel the appointment with ${doctorName}` })
    .click();
  const cancel = page.getByRole('form', { name: 'Cancel the appointment' });
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await cancel.locator('textarea[aria-invalid="true"]').waitFor();
  assert.is(
    await cancel.getByLabel('Reason for cancelling').getAttribute('aria-invalid'),
    'true',
    'a reason is needed',
  );
  await cancel.getByLabel('Reason for cancelling').fill('Feeling better');
  await cancel.getByRole('button', { name: 'Cancel appointment' }).click();
  await upcoming().getByText('You have no upcoming appointment.').waitFor();
  assert.equal(errors, []);
});

test('the calendar feed address is shown with a Copy button', async () => {
  const { page } = tab;
  const feed = page.getByLabel('Calendar feed address');
  assert.match(await feed.inputValue(), /^http:\/\/127\.0\.0\.1:\d+\/api\/calendar\/.+\.ics$/, 'a whole address');
  await page.getByRole('button', { name: 'Copy the address' }).click();
  await page
    .getByRole('status')
    .filter({ hasText: /Copied|selected/ })
    .waitFor();
});

test('the practitioner’s dashboard lists the appointment and opens the patient’s chart', async () => {
  const slots = await app.inject({ url: `/api/practitioners/${doctor.user.id}/slots`, headers: patient.headers });
  const [slot] = slots.json<{ items: { start: string }[] }>().items;
  const booked = await app.inject({
    method: 'POST',
    url: '/api/appointments',
    headers: patient.headers,
    payload: { practitionerId: doctor.user.id, start: slot!.start, reason: 'Blood pressure review' },
  });
  assert.is(booked.statusCode, 201, booked.body);
  const dashboard = await openApp('/dashboard', { as: doctor });
  const appointments = dashboard.page.getByRole('region', { name: 'Appointments' });
  await appointments.getByRole('cell', { name: 'Blood pressure review' }).waitFor();
  await assertAccessible(dashboard.page, 'the dashboard with appointments');
  await appointments.getByRole('link', { name: 'Bea Booker' }).first().click();
  await expectHeading(dashboard.page, 'Bea Booker');
  await dashboard.page.getByRole('region', { name: 'Active allergies' }).waitFor();
  assert.equal(dashboard.errors, []);
  await dashboard.context.close();
});

test.run();
