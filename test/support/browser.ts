/** Headless Chromium from Debian's packages, driven by playwright-core, offline: only loopback is reachable. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export interface OfflineBrowser {
  page: Page;
  /** Requests to anything but loopback, which were refused. */
  refused: string[];
  close(): Promise<void>;
}

/**
 * `intercept: false` leaves requests alone, as in a browser nobody drives: Playwright's interception changes how
 * Chromium handles CORS preflights, so a test of CORS must not intercept (its pages must then stay on loopback).
 */
export async function openOfflineBrowser(viewport = { width: 1400, height: 900 }, { intercept = true } = {}): Promise<OfflineBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does).`);
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-chromium-'));
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const refused: string[] = [];
  if (intercept) {
    await context.route('**/*', (route) => {
      const { hostname, protocol } = new URL(route.request().url());
      if (['127.0.0.1', 'localhost', '[::1]'].includes(hostname) || protocol === 'data:' || protocol === 'blob:') return route.continue();
      refused.push(route.request().url());
      return route.abort();
    });
  }
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    page,
    refused,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}
