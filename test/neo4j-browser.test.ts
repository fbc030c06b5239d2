/** Neo4j Browser on the managed server shows the seed graph legibly: styled by the project, captioned by name. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadQuestions } from '../src/browser/guide';
import { parseGrass, readStyle } from '../src/browser/grass';
import { createDriver } from '../src/db/connect';
import { openOfflineBrowser, type OfflineBrowser } from './support/browser';
import { seededGraph } from './support/graph';
import { drawInNeo4jBrowser } from './support/neo4j-browser';
import { loadState, testConfig, TEST_PASSWORD } from './support/test-neo4j';

describe('Neo4j Browser', () => {
  let driver: Driver;
  let browser: OfflineBrowser;
  beforeAll(async () => {
    driver = createDriver(testConfig().neo4j);
    await seededGraph(driver);
    browser = await openOfflineBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await driver.close();
  });

  it('draws the ceremony with the project style applied at connect', async () => {
    const { httpPort, boltPort } = loadState();
    const ceremony = loadQuestions().find((question) => question.name.startsWith('05'))!;
    const screenshot = path.join(os.tmpdir(), `neo4j-browser-${process.pid}.png`);
    const drawn = await drawInNeo4jBrowser(
      browser.page,
      { httpPort, boltPort, username: 'neo4j', password: TEST_PASSWORD },
      ceremony.cypher,
      screenshot,
    );
    const style = parseGrass(readStyle());
    // The ceremony, 3 exchanges, 6 sides, 2 countries, 5 people, 4 documents, 7 occupancies (Ishaq Dar acted in two).
    expect(drawn.nodes).toBe(28);
    expect(drawn.relationships).toBeGreaterThanOrEqual(30);
    expect(Object.keys(drawn.fills)).toContain('Viktor Khrenin');
    expect(drawn.fills['Viktor Khrenin'].toUpperCase()).toBe(style['node.Person'].color);
    expect(drawn.fills['Belarus'].toUpperCase()).toBe(style['node.Country'].color);
    expect(drawn.fills['Pakistan'].toUpperCase()).toBe(style['node.Country'].color);
    expect(fs.statSync(screenshot).size).toBeGreaterThan(20_000);
    fs.rmSync(screenshot);
  });
});
