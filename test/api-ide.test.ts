/** The GraphQL IDE at / and GET /graphql: served by us, working with no network, preloaded with the examples. */
import type { Driver } from 'neo4j-driver';
import { loadExamples } from '../src/api/examples';
import { createDriver } from '../src/db/connect';
import { startTestApi, type TestApi } from './support/api';
import { openOfflineBrowser, type OfflineBrowser } from './support/browser';
import { seededGraph } from './support/graph';
import { testConfig } from './support/test-neo4j';

describe('the GraphQL IDE', () => {
  const config = testConfig();
  let driver: Driver;
  let api: TestApi;
  let browser: OfflineBrowser;

  beforeAll(async () => {
    driver = createDriver(config.neo4j);
    await seededGraph(driver);
    api = await startTestApi(driver, config);
    browser = await openOfflineBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await api.close();
    await driver.close();
  });

  it('is served at / and to browsers at GET /graphql, with its assets from this server', async () => {
    for (const url of [`${api.url}/`, `${api.url}/graphql`]) {
      const response = await fetch(url, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await response.text();
      expect(html).toContain('<script src="/ide/graphiql.min.js"></script>');
      expect(html).not.toMatch(/https?:\/\//);
    }
    for (const asset of ['/ide/graphiql.min.js', '/ide/graphiql.min.css', '/ide/react.production.min.js', '/ide/react-dom.production.min.js']) {
      const response = await fetch(`${api.url}${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
    }
  });

  it('runs the preloaded example questions in headless Chromium with no network', async () => {
    const { page, refused } = browser;
    await page.goto(`${api.url}/`);
    await page.locator('.graphiql-container').waitFor({ timeout: 60_000 });
    const tabs = page.locator('.graphiql-tab');
    await expect(tabs.count()).resolves.toBe(loadExamples().length);
    await expect(page.locator('.graphiql-query-editor').innerText()).resolves.toContain('query ExchangesWithKhrenin');

    await page.locator('.graphiql-execute-button').click();
    const result = page.locator('.result-window');
    await result.getByText('Jam Kamal Khan').first().waitFor({ timeout: 30_000 });
    const text = await result.innerText();
    expect(text).toContain('"Viktor Khrenin"');
    expect(text).toContain('"Agreement on cooperation between the defence ministries of the two countries"');
    expect(refused).toEqual([]);
  });
});
