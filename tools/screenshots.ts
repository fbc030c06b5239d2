/**
 * `npm run screenshots`: the pictures of docs/images, taken in headless Chromium from Debian's packages:
 * the seed graph in Neo4j Browser (neo4j-browser.png), the GraphQL IDE (graphql-ide.png) and the Explorer
 * (explore-*.png).
 * Uses the managed Neo4j (started and stopped here unless `npm run db:start` runs one) or NEO4J_URI's server
 * (then NEO4J_HTTP_PORT must be its Browser port); seeds an empty database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createApi } from '../src/api/server';
import { loadQuestions } from '../src/browser/guide';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { applySchema, isEmpty, runSeedScripts } from '../src/db/cypher-scripts';
import { openDatabase } from '../src/db/database';
import { runCli } from '../src/errors';
import { openOfflineBrowser } from '../test/support/browser';
import { drawInNeo4jBrowser } from '../test/support/neo4j-browser';
import { shootExplorer } from './explore-screenshots';

const IMAGES = path.join(PROJECT_ROOT, 'docs', 'images');
const log = (line: string) => process.stdout.write(`${line}\n`);

void runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  const browser = await openOfflineBrowser({ width: 1600, height: 1000 });
  try {
    await applySchema(db.driver, config.neo4j.database);
    if (await isEmpty(db.driver, config.neo4j.database)) await runSeedScripts(db.driver, config.neo4j.database, log);

    const ceremony = loadQuestions().find((question) => question.name.startsWith('05'))!;
    const boltPort = Number(new URL(config.neo4j.uri.replace(/^\w+(\+\w+)?:/, 'http:')).port || 7687);
    const drawn = await drawInNeo4jBrowser(
      browser.page,
      { httpPort: config.managedNeo4j.httpPort, boltPort, username: db.connection.username, password: db.connection.password },
      ceremony.cypher,
      path.join(IMAGES, 'neo4j-browser.png'),
    );
    log(`docs/images/neo4j-browser.png: ${drawn.nodes} nodes, ${drawn.relationships} relationships.`);

    const api = await createApi({ driver: db.driver, config });
    const server = http.createServer(api.handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const page = await browser.page.context().newPage();
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
      await page.locator('.graphiql-execute-button').click();
      await page.locator('.result-window').getByText('Jam Kamal Khan').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(IMAGES, 'graphql-ide.png') });
      log('docs/images/graphql-ide.png: the first example question, answered.');
      await shootExplorer(browser.page.context(), `http://127.0.0.1:${(server.address() as AddressInfo).port}`, IMAGES, log);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.stop();
    }
  } finally {
    await browser.close();
    await db.close();
  }
});
