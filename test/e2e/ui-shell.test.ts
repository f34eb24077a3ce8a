import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { sharedChromium } from '../support/browser.js';
import { buildTestApp } from '../support/test-app.js';

const app = await buildTestApp();
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
const browser: Browser = await sharedChromium();
test.after(async () => {
  await app.close();
});

/** A page in a fresh context (no shared cache) that records console errors, CSP violations included. */
async function openPage(path: string): Promise<{ page: Page; errors: string[] }> {
  const page = await (await browser.newContext()).newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}${path}`);
  return { page, errors };
}

test('Chromium loads / and the shell renders with the server status', async () => {
  const { page, errors } = await openPage('/');
  await page.locator('docsy-app main h1').waitFor();
  assert.is(await page.locator('docsy-app header .brand').textContent(), 'Docsy');
  await page.locator('docsy-app [role=status]', { hasText: 'Server ok' }).waitFor();
  assert.match(String(await page.locator('docsy-app [role=status]').textContent()), 'pglite database');
  assert.equal(errors, [], 'no console errors or CSP violations');
  await page.context().close();
});

test('the built assets are served immutable and the page revalidated', async () => {
  const page = await (await browser.newContext()).newPage();
  const cacheControl = new Map<string, string>();
  page.on('response', (response) =>
    cacheControl.set(new URL(response.url()).pathname, response.headers()['cache-control'] ?? ''),
  );
  await page.goto(`${baseUrl}/`);
  await page.locator('docsy-app main h1').waitFor();
  assert.is(cacheControl.get('/'), 'no-cache');
  const assets = [...cacheControl].filter(([path]) => path.startsWith('/assets/'));
  assert.ok(assets.length > 0, 'the page loads hashed assets');
  for (const [, value] of assets) assert.is(value, 'public, max-age=31536000, immutable');
  await page.context().close();
});

test('a deep link is answered by the app shell', async () => {
  const { page, errors } = await openPage('/patients/42');
  await page.locator('docsy-app main h1').waitFor();
  assert.equal(errors, []);
  await page.context().close();
});

test('the shell has no accessibility violations', async () => {
  const { page } = await openPage('/');
  await page.locator('docsy-app [role=status]', { hasText: 'Server ok' }).waitFor();
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.equal(
    violations.map((v) => `${v.id}: ${v.help}`),
    [],
  );
  await page.context().close();
});

test('the /docs page renders the API under its CSP', async () => {
  const { page, errors } = await openPage('/docs');
  await page.locator('.swagger-ui').getByText('/api/health').first().waitFor();
  assert.equal(errors, [], 'no console errors or CSP violations');
  await page.context().close();
});

test.run();
