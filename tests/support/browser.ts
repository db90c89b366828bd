import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const BROWSER_TEST_TIMEOUT_MS = 60_000;
const RESULTS_DIR = path.resolve(__dirname, '../../test-results');

/** A URL the e2e global setup provides, without a trailing slash. */
export function requiredUrl(name: 'ADMIN_UI_URL' | 'GATEWAY_URL' | 'IDP_URL'): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: browser tests run on the platform jest's globalSetup starts.`);
  return value.replace(/\/+$/, '');
}

/** A page of Debian's Chromium, in French, that records its errors for failure reports. */
export interface BrowserSession {
  browser: Browser;
  page: Page;
  pageErrors: string[];
  /** Runs a step, saving a screenshot and the page's errors to test-results/ when it fails. */
  step(label: string, action: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/** Opens a browser session for one spec (`name` prefixes its failure screenshots). */
export async function openBrowser(name: string): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  page.setDefaultNavigationTimeout(45_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      pageErrors.push(`${message.type()}: ${message.text()}`);
  });
  const step = async (label: string, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      try {
        mkdirSync(RESULTS_DIR, { recursive: true });
        const file = path.join(RESULTS_DIR, `${name}-${label}-${Date.now()}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.error([`Screenshot: ${file} (page: ${page.url()})`, 'Errors in the page:', ...pageErrors].join('\n'));
      } catch {
        // the page may be gone: the original error matters more
      }
      throw error;
    }
  };
  return { browser, page, pageErrors, step, close: () => browser.close() };
}

/**
 * Signs in to the back office through the identity provider's login form (Keycloak's element
 * ids, which the dev provider reuses) and waits until the back office is back.
 */
export async function signInToBackOffice(page: Page, username: string, password = username): Promise<void> {
  const adminUiUrl = requiredUrl('ADMIN_UI_URL');
  const idpUrl = requiredUrl('IDP_URL');
  await page.goto(adminUiUrl);
  await page.getByRole('button', { name: /^(Se connecter|Sign in)$/i }).click();
  await page.waitForURL((url) => url.href.startsWith(`${idpUrl}/realms/convergences/`));
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#kc-login').click();
  await page.waitForURL((url) => url.href.startsWith(adminUiUrl));
}

/** The JSON bodies of the requests the page sends with `method` to a URL ending with `path`, as they go. */
export function sentBodies(page: Page, method: string, path: string): unknown[] {
  const bodies: unknown[] = [];
  page.on('request', (request) => {
    if (request.method() === method && request.url().endsWith(path)) bodies.push(request.postDataJSON());
  });
  return bodies;
}
