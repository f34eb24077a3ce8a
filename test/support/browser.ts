import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium (installed by `.ci/run` when missing); Playwright never downloads one. */
export const chromiumPath = process.env.DOCSY_CHROMIUM ?? '/usr/bin/chromium';

/**
 * Starts headless Chromium with the flags this sandboxed machine needs.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

let shared: Promise<Browser> | undefined;

/**
 * The one Chromium of this test process, started on first use and left running: the suite's
 * files share it (each opens its own contexts), and it ends with the process.
 *
 * @example
 * const page = await (await sharedChromium()).newPage();
 */
export function sharedChromium(): Promise<Browser> {
  shared ??= launchChromium();
  return shared;
}
