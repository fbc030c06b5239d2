/**
 * The Explorer (/explore) in headless Chromium with no network, on the seed graph, the way a user goes through
 * it: search "khrenin", open Viktor Khrenin's page, read his exchange as a sentence, click it and see the
 * passage highlighted in the seed text; the network (drawn nodes counted through the page's API), expanding a
 * neighbour, filters; the timeline; the path view; back and forward; axe-core in the page; 360 px wide.
 */
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { createDriver } from '../src/db/connect';
import { startTestApi, type TestApi } from './support/api';
import { openOfflineBrowser, type OfflineBrowser } from './support/browser';
import { axeViolations, waitReady } from './support/explorer';
import { seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const KHRENIN = '/explore/person/person%3Aviktor-khrenin';
const EXCHANGE_SENTENCE =
  'Viktor Khrenin (Defence Minister, Belarus) exchanged the Agreement on cooperation between the defence ministries of the two countries ' +
  'with Jam Kamal Khan (Commerce Minister, Pakistan) at the signing ceremony in Minsk on 11 April 2025.';
const CITED = 'Both nations also signed an agreement on cooperation between the defence ministries of the two countries and the documents were exchanged by Commerce Minister Jam Kamal Khan and Belarusian Defence Minister Viktor Khrenin.';

describe('the Explorer', () => {
  // The first request of each query shape waits for Neo4j to plan the Cypher @neo4j/graphql generates (a second or
  // more on a busy machine): bounds above the default 5 s, so that a slow plan is not taken for a failure of the page.
  const config = testConfig({ API_QUERY_TIMEOUT: '30s', API_REQUEST_TIMEOUT: '60s' });
  let driver: Driver;
  let api: TestApi;
  let browser: OfflineBrowser;
  const problems: string[] = [];

  const answers: Array<Promise<void>> = [];
  // Each problem names the test it came in (they are all checked in the last one).
  const note = (line: string) => problems.push(`${expect.getState().currentTestName?.replace(/^the Explorer /, '')}: ${line}`);
  const watch = (page: Page) => {
    page.on('console', (message) => void (message.type() === 'error' && note(`console: ${message.text()}`)));
    page.on('pageerror', (error) => note(`page error: ${error.message}`));
    // Which request failed, and what the server said (a console error says only the status).
    page.on('response', (response) => {
      if (response.status() < 400 || response.status() === 404) return;
      const request = `${response.status()} to ${response.request().method()} ${new URL(response.url()).pathname} ${response.request().postData()?.slice(0, 400)}`;
      answers.push(
        response.text().then(
          (body) => void note(`response ${request} -> ${body.slice(0, 400)}`),
          (error: Error) => void note(`response ${request} (body unread: ${error.message})`),
        ),
      );
    });
  };

  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
    api = await startTestApi(driver, config);
    browser = await openOfflineBrowser({ width: 1280, height: 900 });
    watch(browser.page);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await driver?.close();
  });

  it('serves one offline page for every /explore URL, its assets from this server', async () => {
    const page = await fetch(`${api.url}${KHRENIN}/network`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await page.text();
    expect(html).not.toMatch(/https?:\/\//);
    const assets = [...html.matchAll(/(?:src|href)="(\/explore\/assets\/[^"]+)"/g)].map((match) => match[1]);
    expect(assets).toEqual([expect.stringMatching(/^\/explore\/assets\/style\.[0-9A-Z]{8}\.css$/), expect.stringMatching(/^\/explore\/assets\/app\.[0-9A-Z]{8}\.js$/)]);
    // cytoscape.js is a chunk of its own, which only the network view loads.
    const script = await (await fetch(`${api.url}${assets[1]}`)).text();
    const chunks = [...script.matchAll(/"\.\/(chunk\.[0-9A-Z]{8}\.js)"/g)].map((match) => match[1]);
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) assets.push(`/explore/assets/${chunk}`);
    for (const asset of assets) {
      const response = await fetch(`${api.url}${asset}`);
      expect({ asset, status: response.status, cache: response.headers.get('cache-control') }).toEqual({ asset, status: 200, cache: 'public, max-age=31536000, immutable' });
      expect(await response.text()).not.toMatch(/\b(?:src|href)=["']https?:\/\//);
    }
    const settings = JSON.parse(/<script type="application\/json" id="explorer-settings">(.*?)<\/script>/s.exec(html)![1]);
    expect(settings.fields.DocumentExchange).toEqual(expect.arrayContaining(['documents', 'sides', 'date']));
    expect(settings.colours.Person).toEqual({ fill: '#C62828', border: '#8E0000', text: '#FFFFFF' });
    expect((await fetch(`${api.url}/explore/assets/app.00000000.js`)).status).toBe(404);
    const post = await fetch(`${api.url}/explore`, { method: 'POST', body: '{}' });
    expect(post.status).toBe(405);
    expect(await post.text()).toContain('The Explorer answers GET only');
  });

  it('searches as you type, grouped by kind, and opens a result with the keyboard', async () => {
    const { page } = browser;
    await page.goto(`${api.url}/explore`);
    await waitReady(page);
    const input = page.getByRole('combobox', { name: 'Search' });
    await input.pressSequentially('khrenin', { delay: 20 });
    const list = page.getByRole('listbox');
    await list.getByRole('option', { name: 'Viktor Khrenin', exact: true }).waitFor();
    expect(await list.locator('.search-group').allInnerTexts()).toEqual(['PEOPLE', 'DOCUMENT EXCHANGES']);
    await input.press('Escape');
    await expect(list.isHidden()).resolves.toBe(true);
    await input.press('ArrowDown');
    await expect(input.getAttribute('aria-activedescendant')).resolves.toMatch(/option-0$/);
    await input.press('Enter');
    await page.waitForURL(`**${KHRENIN}`);
    await waitReady(page);
    await expect(page.locator('h1').innerText()).resolves.toBe('Viktor Khrenin');
  });

  it('reads the exchange as a sentence; a click shows the passage highlighted in the seed text', async () => {
    const { page } = browser;
    const exchanges = page.locator('[data-section="documents-exchanged"]');
    // A section that failed says why (and offers to try again): that message is the useful failure here.
    await expect(exchanges.locator('.error').allInnerTexts()).resolves.toEqual([]);
    const fact = exchanges.locator('.fact').first();
    await expect(fact.locator('.sentence').innerText()).resolves.toBe(EXCHANGE_SENTENCE);
    // A click on the fact, beside its links.
    await fact.click({ position: { x: 3, y: 3 } });
    const panel = page.locator('#evidence');
    await panel.locator('mark').first().waitFor();
    await expect(panel.locator('.source-heading').innerText()).resolves.toContain('000_1cdabd96cc36ddc2');
    await expect(panel.locator('.source-meta time').innerText()).resolves.toBe('11 April 2025');
    const marks = await panel.locator('mark').allInnerTexts();
    expect(marks.join(' ')).toContain(CITED);
    const [markBox, panelBox] = [await panel.locator('mark', { hasText: 'Both nations' }).boundingBox(), await panel.boundingBox()];
    expect(markBox!.y).toBeGreaterThanOrEqual(panelBox!.y);
    expect(markBox!.y).toBeLessThan(panelBox!.y + panelBox!.height);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect(panel.isHidden()).resolves.toBe(true);
    // The button names the fact for keyboard and screen-reader users, and gets the focus back.
    await expect(page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).resolves.toBe(`Source of: ${EXCHANGE_SENTENCE}`);
  });

  it('draws the network, counts its nodes, expands a neighbour and filters', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Network' }).click();
    await page.waitForURL(`**${KHRENIN}/network`);
    await waitReady(page);
    const drawn = () => page.evaluate(() => window.explorer.network!.drawnNodes());
    // Khrenin, the document he handed over, Jam Kamal Khan.
    await expect(drawn()).resolves.toBe(3);
    await expect(page.locator('.network-canvas canvas').count()).resolves.toBeGreaterThan(0);
    // Expanding the document (its Expand button, as a keyboard user would) brings its signatories and parties.
    await page.locator('.network-list li', { hasText: 'Agreement on cooperation between the defence ministries' }).getByRole('button', { name: 'Expand' }).click();
    await page.waitForFunction(() => window.explorer.network!.drawnNodes() > 3);
    await expect(drawn()).resolves.toBe(7);
    expect(await page.locator('.network-list a').allInnerTexts()).toEqual(expect.arrayContaining(['Belarus', 'Pakistan', 'Defence Ministry of Belarus', 'Defence Ministry of Pakistan']));
    await page.getByLabel('Bodies').uncheck();
    await expect(drawn()).resolves.toBe(5);
    await page.getByLabel('Bodies').check();
    await page.getByLabel('from').fill('2026');
    await page.getByLabel('from').press('Enter');
    await page.getByLabel('from').blur();
    await page.waitForFunction(() => window.explorer.network!.drawnNodes() < 7);
    await expect(drawn()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('shows the timeline and places a partial date as a span', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Timeline' }).click();
    await page.waitForURL(`**${KHRENIN}/timeline`);
    await waitReady(page);
    await expect(page.locator('.timeline-items > li .when').allInnerTexts()).resolves.toEqual(['11 April 2025', '11 April 2025']);
    expect(await axeViolations(page)).toEqual([]);
    // Lukashenko's 2015-16 visit: an interval, a band across both years.
    await page.goto(`${api.url}/explore/person/person%3Aaleksandr-lukashenko/timeline`);
    await waitReady(page);
    const visit = page.locator('.timeline-items > li', { hasText: 'visit of Aleksandr Lukashenko to Pakistan' });
    await expect(visit.locator('.when').innerText()).resolves.toBe('2015 to 2016 (an interval: the source gives no finer date)');
    await expect(visit.locator('.when-bar').getAttribute('class')).resolves.toContain('precision-interval');
    await page.goBack();
    await page.waitForURL(`**${KHRENIN}/timeline`);
    await waitReady(page);
    await expect(page.locator('h1').innerText()).resolves.toBe('Viktor Khrenin');
  });

  it('explains and cites each step of a path', async () => {
    const { page } = browser;
    await page.getByRole('link', { name: 'Path to...' }).click();
    await waitReady(page);
    await expect(page.getByRole('combobox', { name: 'From' }).inputValue()).resolves.toBe('Viktor Khrenin');
    const to = page.getByRole('combobox', { name: 'To' });
    await to.pressSequentially('pantus', { delay: 20 });
    await page.getByRole('option', { name: 'Dmitry Pantus', exact: true }).click();
    await page.getByRole('button', { name: 'Find the path' }).click();
    await page.waitForURL('**/explore/path?from=Viktor%20Khrenin&to=Dmitry%20Pantus');
    await waitReady(page);
    const steps = page.locator('.path-step');
    await expect(steps.count()).resolves.toBe(5);
    await expect(page.locator('.path-explanation .sentence').first().innerText()).resolves.toBe('Viktor Khrenin acted as “Defence Minister” on one side of a document exchange.');
    // Each step says its kind in words ("Exchange side", not the label ExchangeSide).
    const kinds = await page.locator('.path-node .kind').allTextContents();
    expect(kinds).toContain('Exchange side');
    expect(kinds.filter((kind) => /^[A-Z][a-z]+[A-Z]/.test(kind))).toEqual([]);
    // Each actor on the path links to its page, by the id the path gives (no lookup by name).
    await expect(page.locator('.path-node a', { hasText: 'Viktor Khrenin' }).getAttribute('href')).resolves.toBe(KHRENIN);
    await expect(page.locator('.path-node a', { hasText: 'Dmitry Pantus' }).getAttribute('href')).resolves.toBe('/explore/person/person%3Admitry-pantus');
    await page.locator('.path-explanation .cite').first().click();
    await page.locator('#evidence mark', { hasText: 'Belarusian Defence Minister Viktor Khrenin' }).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.goBack();
    await waitReady(page);
    await expect(page.url()).toMatch(/\/explore\/path\?from=Viktor%20Khrenin$/);
    await page.goForward();
    await waitReady(page);
    await expect(page.locator('.path-step').count()).resolves.toBe(5);
  });

  it('opens a shared link to any entity, and says so when the graph has none', async () => {
    const { page } = browser;
    for (const [path, heading] of [
      ['/explore/country/country%3Aby', 'Belarus'],
      ['/explore/event/event%3A2025-04-11%3Asigning-ceremony-in-minsk', 'Signing ceremony in Minsk'],
      ['/explore/agreement/agreement%3A2025-04-11%3Areadmission-agreement%3Ac903caaf', 'Readmission Agreement'],
      ['/explore/body/body%3Apk%3Agovernment-of-pakistan', 'Government of Pakistan'],
      ['/explore/position/position%3Aby%3Ainternal-affairs-minister', 'Internal Affairs Minister'],
      ['/explore/place/place%3Aby%3Aminsk', 'Minsk'],
      ['/explore/source/source%3A000_1cdabd96cc36ddc2?highlight=1098-1319', '000_1cdabd96cc36ddc2'],
    ]) {
      await page.goto(`${api.url}${path}`);
      await waitReady(page);
      await expect(page.locator('h1').innerText()).resolves.toBe(heading);
    }
    await expect(page.locator('main mark').innerText()).resolves.toBe(CITED);
    await page.goto(`${api.url}/explore/position/position%3Aby%3Ainternal-affairs-minister`);
    await waitReady(page);
    await expect(page.locator('.fact .sentence').first().innerText()).resolves.toBe('an unnamed Belarusian Internal Affairs Minister was in office, as observed on 11 April 2025.');
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${api.url}/explore/person/person%3Anobody`);
    await page.waitForFunction(() => window.explorer.state === 'not-found');
    await expect(page.locator('h1').innerText()).resolves.toBe('Not in the graph');
  });

  it('is readable 360 px wide, with no console error and no request off this server', async () => {
    const narrow = await openOfflineBrowser({ width: 360, height: 740 });
    watch(narrow.page);
    try {
      for (const path of [KHRENIN, `${KHRENIN}/network`, `${KHRENIN}/timeline`, '/explore/path?from=Jam%20Kamal%20Khan&to=Dmitry%20Pantus']) {
        await narrow.page.goto(`${api.url}${path}`);
        await waitReady(narrow.page);
        const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect({ path, overflow }).toEqual({ path, overflow: 0 });
        expect(await axeViolations(narrow.page)).toEqual([]);
      }
      await narrow.page.goto(`${api.url}${KHRENIN}`);
      await waitReady(narrow.page);
      await narrow.page.locator('.fact .cite').first().click();
      await narrow.page.locator('#evidence mark').first().waitFor();
      const panel = await narrow.page.locator('#evidence').boundingBox();
      expect(panel!.width).toBeLessThanOrEqual(360);
      expect(narrow.refused).toEqual([]);
    } finally {
      await narrow.close();
    }
    await Promise.all(answers);
    // One expectation, so that a failure shows all three: what the browser saw, what it was refused, what the API logged.
    expect({ problems, refused: browser.refused, logged: api.errors }).toEqual({ problems: [], refused: [], logged: [] });
  });
});
