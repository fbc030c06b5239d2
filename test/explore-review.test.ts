/**
 * Draft review (/explore/review) in headless Chromium with no network, with a real CoreNLP (`corenlp:serve`), the
 * way a curator goes through it: from the Explorer's header to the page, an invented report uploaded, a reader's
 * token refused, a curator's token drafting it; the cited words highlighted and a fact's own words emphasised; a
 * document unticked with the keyboard (its act goes with it); the downloaded article valid and without them; the
 * article loaded with the token and found through GraphQL. axe-core, 360 px wide, no console error.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { mintToken } from '../src/auth/mint';
import { PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { validateData } from '../src/ingest/validate';
import { postGraphQL, startTestApi, type TestApi } from './support/api';
import { openOfflineBrowser, type OfflineBrowser } from './support/browser';
import { serveCoreNLP, type ServedCoreNLP } from './support/corenlp';
import { axeViolations, waitReady } from './support/explorer';
import { seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

const SLOW_MS = 900_000;
const SECRET = 'a-test-secret-of-at-least-thirty-two-bytes';
const REPORT_FILE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'review', 'oslo-fisheries.txt');
const REPORT = fs.readFileSync(REPORT_FILE, 'utf8');
const MEMORANDUM = 'Memorandum of understanding on maritime research';
const FISHERIES = 'Agreement on cooperation in fisheries and aquaculture';

describe('draft review in the Explorer', () => {
  let corenlp: ServedCoreNLP;
  let config: ReturnType<typeof testConfig>;
  let driver: Driver;
  let api: TestApi;
  let browser: OfflineBrowser;
  let curator: string;
  const problems: string[] = [];

  const watch = (page: Page) => {
    page.on('console', (message) => void (message.type() === 'error' && problems.push(`console: ${message.text()}`)));
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  };

  /** The form filled and posted; resolves once the facts are listed. */
  async function draft(page: Page, token: string): Promise<void> {
    await page.getByLabel('Report text').fill(REPORT);
    await page.getByLabel('Published (YYYY-MM-DD)').fill('2025-06-03');
    await page.getByLabel('Curator token').fill(token);
    await page.getByRole('button', { name: 'Draft the article' }).click();
    await page.locator('.review-fact').first().waitFor({ timeout: SLOW_MS });
  }

  const row = (page: Page, text: string) => page.locator('.review-fact', { has: page.locator('.sentence', { hasText: text }) });

  beforeAll(async () => {
    corenlp = await serveCoreNLP(SLOW_MS);
    config = testConfig({ AUTH_JWT_SECRET: SECRET, CORENLP_URL: corenlp.url, API_QUERY_TIMEOUT: '30s', API_REQUEST_TIMEOUT: '60s' });
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
    api = await startTestApi(driver, config);
    curator = await mintToken(config.auth, { subject: 'carol@desk', roles: ['curator'], expiresIn: '30m' });
    browser = await openOfflineBrowser({ width: 1280, height: 900 });
    watch(browser.page);
  }, SLOW_MS);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await driver?.close();
    await corenlp?.stop();
  }, SLOW_MS);

  it('is linked from the header; a reader token is refused with what to do', async () => {
    const { page } = browser;
    await page.goto(`${api.url}/explore`);
    await waitReady(page);
    await page.getByRole('navigation', { name: 'Elsewhere' }).getByRole('link', { name: 'Review a draft' }).click();
    await page.waitForURL('**/explore/review');
    await waitReady(page);
    await expect(page.locator('h1').innerText()).resolves.toBe('Review a draft');
    await page.getByLabel('Or upload a .txt file').setInputFiles(REPORT_FILE);
    // The page reads the file asynchronously: wait for the text to arrive.
    const text = page.getByLabel('Report text');
    await page.waitForFunction(() => (document.getElementById('review-text') as HTMLTextAreaElement | null)?.value !== '', undefined, { timeout: 30_000 });
    await expect(text.inputValue()).resolves.toBe(REPORT);
    const reader = await mintToken(config.auth, { subject: 'rita@desk', roles: ['reader'], expiresIn: '10m' });
    await page.getByLabel('Curator token').fill(reader);
    await page.getByRole('button', { name: 'Draft the article' }).click();
    await page.waitForFunction(() => document.querySelector('.review-form .status')?.textContent?.startsWith('No draft'));
    const status = await page.locator('.review-form .status').innerText();
    expect(status).toMatch(/^No draft: This needs the role curator; the token of rita@desk has reader/);
    expect(status).toContain('npm run token -- <you> --role curator');
    expect(await axeViolations(page)).toEqual([]);
  });

  it('drafts the text: the cited words highlighted, a fact shown in its words, every fact with its confidence', async () => {
    const { page } = browser;
    await draft(page, curator);
    await expect(page.locator('.review-text').innerText()).resolves.toBe(REPORT);
    expect(await page.locator('.review-text mark').count()).toBeGreaterThan(10);
    // The headline is page furniture, never cited.
    await expect(page.locator('.review-text .furniture').innerText()).resolves.toBe('Norway and Chile sign fisheries agreement in Oslo');
    const person = row(page, 'Ingrid Solheim Bakke, a person');
    await person.getByRole('button', { name: /^Show in the text/ }).click();
    await expect(page.locator('.review-text mark.current').allInnerTexts().then((parts) => parts.join(''))).resolves.toBe('Norwegian Minister of Fisheries Ingrid Solheim Bakke');
    for (const confidence of await page.locator('.review-fact .confidence').allInnerTexts()) expect(confidence).toMatch(/^confidence (0|1)\.\d\d$/);
    expect(await page.locator('.review-fact').count()).toBe(await page.locator('.review-fact .confidence').count());
    expect(await axeViolations(page)).toEqual([]);
  }, SLOW_MS);

  it('unticks a document with the keyboard: its act goes with it; the download validates and lacks both', async () => {
    const { page } = browser;
    const total = await page.locator('.review-fact').count();
    const document = row(page, `${MEMORANDUM}: a memorandum`);
    const act = row(page, `also signed ${MEMORANDUM}`);
    const keys = [await document.getAttribute('data-key'), await act.getAttribute('data-key')];
    const highlighting = (key: string | null) => page.locator(`.review-text mark[data-facts~="${key}"]`).count();
    for (const key of keys) expect(await highlighting(key)).toBeGreaterThan(0);
    await document.getByRole('checkbox').focus();
    await page.keyboard.press('Space');
    await expect(act.getByRole('checkbox').isChecked()).resolves.toBe(false);
    await expect(document.getByRole('checkbox').isChecked()).resolves.toBe(false);
    await expect(page.locator('.review-facts .status').innerText()).resolves.toMatch(
      new RegExp(`^Unticked: ${MEMORANDUM}\\. Unticked with it, as they cannot be stated without it: .*also signed ${MEMORANDUM}`),
    );
    await expect(page.locator('.review-count').innerText()).resolves.toBe(`${total - 2} of ${total} facts kept.`);
    // Their words are highlighted for the facts still kept only (the ceremony cites the same sentence).
    for (const key of keys) expect(await highlighting(key)).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download article' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^text-[0-9a-f]+\.yaml$/);
    const yaml = fs.readFileSync((await download.path())!, 'utf8');
    const article = parse(yaml) as Record<string, any>;
    const validation = validateData('download', article);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    expect(article.agreements.map((a: { title: string }) => a.title)).toEqual([FISHERIES]);
    expect(article.exchanges).toHaveLength(1);
    expect(yaml).not.toContain(MEMORANDUM);
    // The words only the unticked act cited are no span of the article (the ceremony still cites their sentence).
    expect(Object.values(article.spans).map((s: any) => s.quote)).not.toContain('The two ministers also');
    expect(await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: localStorage.length }))).toEqual({ session: ['diplomatic-graph.curator-token'], local: 0 });
  }, SLOW_MS);

  it('loads the reviewed article with the curator token; GraphQL finds what was kept, not what was unticked', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Load into graph' }).click();
    const result = page.locator('.load-result .success');
    await result.waitFor({ timeout: 120_000 });
    await expect(result.innerText()).resolves.toMatch(/^source:text-[0-9a-f]+: loaded as a new article, \d+ facts/);
    const source = /^(source:text-[0-9a-f]+)/.exec(await result.innerText())![1];
    const answer = await postGraphQL(api.url, {
      query: `query ($source: ID!, $titles: [String!]!) {
        sources(where: { id: { eq: $source } }) { id name loadedBy }
        agreements(where: { title: { in: $titles } }) { title }
      }`,
      variables: { source, titles: [FISHERIES, MEMORANDUM] },
    });
    expect(answer.body.data).toEqual({
      sources: [{ id: source, name: 'Norway and Chile sign fisheries agreement in Oslo', loadedBy: 'carol@desk' }],
      agreements: [{ title: FISHERIES }],
    });
    await result.getByRole('link', { name: 'Open the source' }).click();
    await waitReady(page);
    await expect(page.locator('h1').innerText()).resolves.toBe('Norway and Chile sign fisheries agreement in Oslo');
  }, SLOW_MS);

  it('is usable 360 px wide, with no console error and no request off this server', async () => {
    const narrow = await openOfflineBrowser({ width: 360, height: 740 });
    watch(narrow.page);
    try {
      await narrow.page.goto(`${api.url}/explore/review`);
      await waitReady(narrow.page);
      await draft(narrow.page, curator);
      const overflow = await narrow.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBe(0);
      expect(await axeViolations(narrow.page)).toEqual([]);
      expect(narrow.refused).toEqual([]);
    } finally {
      await narrow.close();
    }
    expect(browser.refused).toEqual([]);
    // The one error: Chromium logs the answer to the reader token of the first test (403) in the console.
    expect(problems).toEqual(['console: Failed to load resource: the server responded with a status of 403 (Forbidden)']);
    expect(api.errors.filter((line) => !/^Using CoreNLP|loaded by carol@desk: new\.$/.test(line))).toEqual([]);
  }, SLOW_MS);
});
