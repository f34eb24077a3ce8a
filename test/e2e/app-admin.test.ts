/**
 * The admin pages in Chromium: a pending doctor approved (who can then sign in) and a pending
 * nurse rejected (who cannot), roles assigned and removed, a rule of the permission policy
 * edited and saved, the audit log verified; no accessibility violations.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { signedIn, testAccount, testPassword } from '../support/accounts.js';
import { assertAccessible, expectHeading, heading, openApp } from '../support/app-pages.js';
import { formEngineServer } from '../support/form-engine-server.js';

const { app } = await formEngineServer();
const admin = await signedIn(app, 'admin', { name: 'Ada Admin' });
const unique = () => randomBytes(4).toString('hex');

const login = (email: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: testPassword } });

/** The confirmation shown on the page (the live region repeats it for screen readers). */
function confirmation(page: Page, text: string) {
  return page.locator('p.success', { hasText: text });
}

test('the admin lands on approvals, approves a pending doctor who then signs in, and rejects a nurse', async () => {
  const doctorName = `Dr Waiting ${unique()}`;
  const nurseName = `Nurse Waiting ${unique()}`;
  const { email: doctor } = await testAccount('doctor', { status: 'pending', name: doctorName });
  const { email: nurse } = await testAccount('nurse', { status: 'pending', name: nurseName });
  const { page, context, errors } = await openApp('/', { as: admin });
  await expectHeading(page, 'Approvals');
  await page.getByRole('row', { name: new RegExp(doctorName) }).waitFor();
  await assertAccessible(page, 'the approvals page');

  await page.getByRole('button', { name: `Approve ${doctorName}` }).click();
  await confirmation(page, `Approved ${doctorName}`).waitFor();
  assert.is(await page.getByRole('row', { name: new RegExp(doctorName) }).count(), 0, 'the row leaves the list');

  await page.getByRole('button', { name: `Reject ${nurseName}` }).click();
  await page.getByText(`Reject ${nurseName}? They will not be able to sign in.`).waitFor();
  await page.getByRole('button', { name: 'Reject account' }).click();
  await confirmation(page, `Rejected ${nurseName}`).waitFor();
  assert.is((await login(nurse)).statusCode, 403, 'the rejected nurse cannot sign in');
  assert.equal(errors, []);
  await context.close();

  const signIn = await openApp('/sign-in');
  await signIn.page.getByLabel('Email').fill(doctor);
  await signIn.page.getByLabel('Password').fill(testPassword);
  await signIn.page.getByRole('button', { name: 'Sign in' }).click();
  await heading(signIn.page).filter({ hasNotText: 'Sign in' }).waitFor();
  assert.match(String(await signIn.page.locator('docsy-app header').textContent()), doctorName);
  await signIn.context.close();
});

test('the admin finds an account, assigns and removes roles, and disables it', async () => {
  const name = `Nia Nurse ${unique()}`;
  const { user } = await testAccount('nurse', { name });
  const { page, context, errors } = await openApp('/admin/accounts?role=nurse', { as: admin });
  await expectHeading(page, 'Accounts');
  await page.getByLabel('Name or email').fill(name.toUpperCase());
  await page.getByRole('button', { name: 'Search' }).click();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await row.waitFor();
  assert.is(await page.locator('tbody tr').count(), 1, 'only the account searched for');
  assert.match(page.url(), /\?q=NIA\+NURSE.*&role=nurse$/, 'the search is in the address, to reload or share');
  await row.getByRole('button', { name: `Change roles of ${name}` }).click();
  await page.getByRole('group', { name: `Roles of ${name}` }).waitFor();
  await assertAccessible(page, 'the accounts page with a roles form');
  await page.getByLabel('Doctor').check();
  await page.getByLabel('Nurse').uncheck();
  await page.getByRole('button', { name: 'Save roles' }).click();
  await confirmation(page, `${name} now has the roles Doctor.`).waitFor();
  const stored = await app.inject({
    method: 'GET',
    url: '/api/admin/accounts?role=doctor&limit=500',
    headers: admin.headers,
  });
  const account = stored.json<{ items: { id: string; roles: string[] }[] }>().items.find((a) => a.id === user.id);
  assert.equal(account?.roles, ['doctor']);

  await row.getByRole('button', { name: `Disable ${name}` }).click();
  await confirmation(page, `Disabled ${name}`).waitFor();
  assert.match(String(await row.textContent()), /Disabled/);
  await row.getByRole('button', { name: `Enable ${name}` }).waitFor();
  assert.equal(errors, []);
  await context.close();
});

test('the admin edits a rule of the permission policy and saves it', async () => {
  const target = `test.policy_${unique()}.v1`;
  const { page, context, errors } = await openApp('/admin/policy', { as: admin });
  await expectHeading(page, 'Permission policy');
  await page.getByRole('row', { name: /Doctor \*/ }).waitFor();
  await assertAccessible(page, 'the policy page');
  assert.ok(await page.getByRole('button', { name: 'Save policy' }).isDisabled(), 'nothing to save yet');

  await page.getByLabel('on target').fill('Not a target');
  await page.getByRole('button', { name: 'Add row' }).click();
  await page.locator('#new-target-error', { hasText: 'must be *' }).waitFor();

  await page.getByLabel('Add a row for').selectOption('pharmacist');
  await page.getByLabel('on target').fill(target);
  await page.getByRole('button', { name: 'Add row' }).click();
  await page.getByLabel(`Pharmacist on ${target}: read`).selectOption('allow');
  await page.getByLabel(`Pharmacist on ${target}: amend`).selectOption('deny');
  await page.getByText('Unsaved changes').waitFor();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await confirmation(page, 'Policy saved').waitFor();

  const policy = await app.inject({ method: 'GET', url: '/api/admin/policy', headers: admin.headers });
  const rules = policy.json<{ rules: { role: string; target: string; action: string; effect: string }[] }>().rules;
  assert.equal(
    rules
      .filter((rule) => rule.target === target)
      .map((rule) => `${rule.role} ${rule.action} ${rule.effect}`)
      .sort(),
    ['pharmacist amend deny', 'pharmacist read allow'],
  );
  await page.reload();
  await expectHeading(page, 'Permission policy');
  assert.is(await page.getByLabel(`Pharmacist on ${target}: amend`).inputValue(), 'deny', 'the saved rule is shown');
  await page.getByRole('button', { name: `Remove Pharmacist on ${target}` }).click();
  await page.getByRole('button', { name: 'Save policy' }).click();
  await confirmation(page, 'Policy saved').waitFor();
  assert.equal(errors, []);
  await context.close();
});

test('the admin verifies the audit log', async () => {
  const { page, context } = await openApp('/admin/audit', { as: admin });
  await expectHeading(page, 'Audit log');
  await page.getByRole('button', { name: 'Verify the audit log' }).click();
  const result = confirmation(page, 'The audit log is intact');
  await result.waitFor();
  assert.match(String(await result.textContent()), /[1-9]\d* events checked/);
  await assertAccessible(page, 'the audit page');
  await context.close();
});

test('other roles cannot open the admin pages', async () => {
  const modeller = await signedIn(app, 'modeller');
  const { page, context } = await openApp('/admin/policy', { as: modeller });
  await expectHeading(page, 'Not for your role');
  await context.close();
});

test.run();
