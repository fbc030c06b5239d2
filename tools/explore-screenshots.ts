/** The Explorer's pictures for the README (docs/images/explore-*.png), taken by `npm run screenshots`. */
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

const ready = (page: Page) => page.waitForFunction(() => window.explorer?.state === 'ready', null, { timeout: 60_000 });

export async function shootExplorer(context: BrowserContext, base: string, images: string, log: (line: string) => void): Promise<void> {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1400, height: 860 });
  try {
    await page.goto(`${base}/explore/person/person%3Aviktor-khrenin`);
    await ready(page);
    await page.locator('.fact .cite').first().click();
    await page.locator('#evidence mark').first().waitFor();
    await page.screenshot({ path: path.join(images, 'explore-person.png') });
    log('docs/images/explore-person.png: Viktor Khrenin, his exchange as a sentence and its passage in the source.');

    await page.goto(`${base}/explore/person/person%3Aviktor-khrenin/network`);
    await ready(page);
    await page.locator('.network-list li', { hasText: 'Agreement on cooperation' }).getByRole('button', { name: 'Expand' }).click();
    await page.waitForFunction(() => (window.explorer.network?.drawnNodes() ?? 0) > 3);
    await page.locator('.network-canvas').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(images, 'explore-network.png') });
    log('docs/images/explore-network.png: his network, the document expanded.');

    await page.goto(`${base}/explore/person/person%3Aaleksandr-lukashenko/timeline`);
    await ready(page);
    await page.screenshot({ path: path.join(images, 'explore-timeline.png') });
    log('docs/images/explore-timeline.png: a timeline with an interval (2015-16) placed as a span.');

    await page.goto(`${base}/explore/path?from=Jam%20Kamal%20Khan&to=Dmitry%20Pantus`);
    await ready(page);
    await page.screenshot({ path: path.join(images, 'explore-path.png') });
    log('docs/images/explore-path.png: a path, each step explained and cited.');

    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(`${base}/explore/person/person%3Aishaq-dar`);
    await ready(page);
    await page.screenshot({ path: path.join(images, 'explore-narrow.png') });
    log('docs/images/explore-narrow.png: Ishaq Dar 360 px wide (the unnamed minister stays unnamed).');
  } finally {
    await page.close();
  }
}
