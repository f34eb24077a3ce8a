/**
 * The app shell and the account pages in Chromium: signing in and out, registration for
 * patients and practitioners, errors next to their fields, the return to a deep link, token
 * refresh, focus on navigation, and no accessibility violations.
 */
import { randomBytes } from 'node:crypto';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, testAccount, testPassword } from '../support/accounts.js';
import { assertAccessible, expectHeading, focused, heading, openApp } from '../support/app-pages.js';
import { formEngineServer } from '../support/form-engine-server.js';

const { app } = await formEngineServer();
const email = (role: string) => `${role}-${randomBytes(6).toString('hex')}@example.org`;

test('a visitor is sent to sign-in, and after signing in reaches the page they asked for', async () => {
  const { email: modeller } = await testAccount('modeller', { name: 'Mo Deller' });
  const { page, context, errors } = await openApp('/welcome?from=link');
  await expectHeading(page, 'Sign in');
  assert.match(page.url(), /\/sign-in\?next=%2Fwelcome%3Ffrom%3Dlink$/);
  await assertAccessible(page, 'the sign-in page');
  await page.getByLabel('Email').fill(modeller);
  await page.getByLabel('Password').fill(testPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expectHeading(page, 'Welcome, Mo Deller');
  assert.match(page.url(), /\/welcome\?from=link$/);
  assert.match(await focused(page), /^h1:Welcome/, 'focus moves to the new page heading');
  assert.equal(errors, []);
  await context.close();
});

test('a wrong password is refused with the server’s words, and the form keeps the email', async () => {
  const { email: doctor } = await testAccount('doctor');
  const { page, context } = await openApp('/sign-in');
  await page.getByLabel('Email').fill(doctor);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'The email or the password is wrong' }).waitFor();
  assert.is(await page.getByLabel('Email').inputValue(), doctor);
  await context.close();
});

test('a patient registers, is active at once and signed in; sign-out returns to sign-in', async () => {
  const { page, context, errors } = await openApp('/register');
  await assertAccessible(page, 'the registration page');
  assert.ok(await page.getByText('At least 8 characters').isVisible(), 'the password rules are shown');
  await page.getByLabel('Full name').fill('Pat Newcomer');
  await page.getByLabel('Email').fill(email('patient'));
  await page.getByLabel('Password').fill('a good long passphrase');
  await page.getByLabel('Date of birth').fill('1975-05-17');
  await page.getByRole('button', { name: 'Create account' }).click();
  await heading(page).filter({ hasNotText: 'Create an account' }).waitFor();
  assert.ok(await page.getByRole('button', { name: 'Sign out' }).isVisible());
  assert.match(String(await page.locator('docsy-app header').textContent()), /Pat Newcomer/);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expectHeading(page, 'Sign in');
  assert.ok(await page.getByText('You have signed out.').isVisible());
  await page.reload();
  await expectHeading(page, 'Sign in');
  assert.equal(errors, []);
  await context.close();
});

test('a practitioner registers and is told to wait for an administrator; signing in says so too', async () => {
  const address = email('nurse');
  const { page, context } = await openApp('/register');
  await page.getByLabel('I register as').selectOption('nurse');
  assert.is(await page.getByLabel('Date of birth').count(), 0, 'no birth date for a practitioner');
  await page.getByLabel('Full name').fill('Nora Nurse');
  await page.getByLabel('Email').fill(address);
  await page.getByLabel('Password').fill('a good long passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expectHeading(page, 'Waiting for an administrator');
  await page.getByRole('link', { name: 'Go to sign-in' }).click();
  await expectHeading(page, 'Sign in');
  await page.getByLabel('Email').fill(address);
  await page.getByLabel('Password').fill('a good long passphrase');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('alert').filter({ hasText: 'waiting for an administrator' }).waitFor();
  await context.close();
});

test('registration errors are shown next to their fields, and focus goes to the first', async () => {
  const { email: taken } = await testAccount('patient');
  const { page, context } = await openApp('/register');
  await page.getByLabel('Full name').fill('Pat Again');
  await page.getByLabel('Email').fill(taken);
  await page.getByLabel('Password').fill('password1');
  await page.getByLabel('Date of birth').fill('1990-01-01');
  await page.getByRole('button', { name: 'Create account' }).click();
  const password = page.getByLabel('Password');
  await page.locator('#password-error').waitFor();
  assert.is(await password.getAttribute('aria-invalid'), 'true');
  assert.match(String(await password.getAttribute('aria-describedby')), /password-error/);
  assert.match(await focused(page), /^input:/, 'focus is on the first field in error');
  await password.fill('a good long passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.locator('#email-error', { hasText: 'An account with this email exists' }).waitFor();
  await context.close();
});

test('an access token the server refuses is refreshed once, and the page still loads', async () => {
  const modeller = await signedIn(app, 'modeller', { name: 'Re Fresh' });
  const { page, context, errors } = await openApp('/welcome', { as: { ...modeller, token: 'not-a-valid-token' } });
  await expectHeading(page, 'Welcome, Re Fresh');
  const stored = JSON.parse(await page.evaluate<string>("sessionStorage.getItem('docsy.session') ?? '{}'")) as {
    refreshToken?: string;
  };
  assert.ok(
    stored.refreshToken && stored.refreshToken !== modeller.refreshToken,
    'the refresh token was used and replaced',
  );
  assert.equal(errors, []);
  await context.close();
});

test('when the server has ended the session, the tab goes back to sign-in and says why', async () => {
  const modeller = await signedIn(app, 'modeller');
  await app.inject({ method: 'POST', url: '/api/auth/logout', headers: modeller.headers });
  const { page, context } = await openApp('/welcome', { as: modeller });
  await expectHeading(page, 'Sign in');
  await context.close();
});

test('an unknown path shows a page that says so, with a way back', async () => {
  const modeller = await signedIn(app, 'modeller');
  const { page, context } = await openApp('/no/such/page', { as: modeller });
  await expectHeading(page, 'Page not found');
  await page.getByRole('link', { name: 'Go to your start page' }).click();
  await expectHeading(page, 'Clinical knowledge');
  await context.close();
});

test.run();
