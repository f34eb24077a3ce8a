import { AxeBuilder } from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import * as assert from 'uvu/assert';
import type { SignedIn } from './accounts.js';
import { sharedChromium } from './browser.js';
import { formEngineServer } from './form-engine-server.js';

/** The `sessionStorage` key the app keeps a tab's tokens under (ui/src/app/stored-tokens.ts). */
const storedTokensKey = 'docsy.session';

/** A page of the app in its own browser context, and what went wrong in it. */
export interface AppPage {
  page: Page;
  context: BrowserContext;
  baseUrl: string;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
}

/**
 * Opens a path of the app in a fresh browser context of the suite's one Chromium, against the
 * suite's shared server (or the server at `baseUrl`); `as` starts the tab signed in with that
 * user's tokens (as a reload would), without going through the sign-in page. Waits for the page's heading.
 *
 * @example
 * const { page } = await openApp('/record', { as: patient });
 */
export async function openApp(path: string, options: { as?: SignedIn; baseUrl?: string } = {}): Promise<AppPage> {
  const baseUrl = options.baseUrl ?? (await formEngineServer()).baseUrl;
  const context = await (await sharedChromium()).newContext({ viewport: { width: 1280, height: 900 } });
  if (options.as) {
    const tokens = {
      accessToken: options.as.token,
      refreshToken: options.as.refreshToken,
      expiresAt: Date.now() + 14 * 60_000,
    };
    await context.addInitScript({
      content: `sessionStorage.setItem(${JSON.stringify(storedTokensKey)}, ${JSON.stringify(JSON.stringify(tokens))})`,
    });
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedConsoleError(message.text())) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}${path}`);
  await heading(page).waitFor();
  return { page, context, baseUrl, errors };
}

/** Chromium logs every 4xx answer as a console error; those are the app's to show, not failures. */
function expectedConsoleError(text: string): boolean {
  return /Failed to load resource: the server responded with a status of 4\d\d/.test(text);
}

/**
 * The heading of the page shown now.
 *
 * @example
 * assert.is(await heading(page).textContent(), 'My record');
 */
export function heading(page: Page) {
  return page.locator('docsy-app main h1');
}

/**
 * Waits until the page shown has this heading.
 *
 * @example
 * await expectHeading(page, 'Sign in');
 */
export async function expectHeading(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('docsy-app main h1', { hasText: text }).waitFor();
}

/**
 * Asserts that axe finds no accessibility violation on the page as it is now.
 *
 * @example
 * await assertAccessible(page, 'the sign-in page');
 */
export async function assertAccessible(page: Page, what: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  assert.equal(
    violations.map(
      (violation) =>
        `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join('; ')})`,
    ),
    [],
    `${what} has no accessibility violations`,
  );
}

/**
 * The element that has focus, looking through shadow roots: its tag and text.
 *
 * @example
 * assert.match(await focused(page), /^h1:/);
 */
export async function focused(page: Page): Promise<string> {
  return page.evaluate<string>(`(() => {
    let active = document.activeElement;
    while (active && active.shadowRoot && active.shadowRoot.activeElement) active = active.shadowRoot.activeElement;
    return active ? active.tagName.toLowerCase() + ':' + (active.textContent || '').replace(/\\s+/g, ' ').trim() : '';
  })()`);
}
