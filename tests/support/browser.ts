import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { LocalCloud } from './localCloud';

export const SCREENSHOTS = resolve(__dirname, '..', '..', 'test-results');

/** Debian's Chromium, never a downloaded browser; flags keep it off the closed network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A phone-sized page, as a resident holds it. */
export function phonePage(browser: Browser): Promise<Page> {
  return browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A phone in the hand of one identity (the H5 identity switcher's stored choice). */
export async function phoneOf(browser: Browser, openid: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  await context.addInitScript((id) => localStorage.setItem('gridlink.devOpenId', id), openid);
  return { context, page: await context.newPage() };
}

/** Taro's H5 router keeps earlier pages in the DOM, hidden: only what is on screen counts. */
export const shown = (page: Page, text: string) => page.getByText(text, { exact: true }).filter({ visible: true }).first();

/** A 1×1 PNG: enough for the upload path, the preview and the storage round trip. */
export const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/** A local cloud serving the H5 build and Debian's Chromium, started together for one e2e file. */
export async function startE2e(): Promise<{ cloud: LocalCloud; browser: Browser }> {
  const [cloud, browser] = await Promise.all([LocalCloud.start(), launchChromium()]);
  return { cloud, browser };
}

export async function stopE2e(cloud: LocalCloud | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await cloud?.stop();
}

/** Lets the H5 router's page slide finish, so a screenshot shows the page where it rests. */
export const settle = (page: Page) => page.waitForTimeout(600);
