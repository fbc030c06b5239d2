/**
 * The managed server under attack, as the test run starts it: a web page of another origin cannot drive its HTTP
 * endpoint (CORS), its password is generated and stored owner-only, and nothing in its data folder is readable by
 * other users.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { createDriver } from '../src/db/connect';
import { LEGACY_DEFAULT_PASSWORD } from '../src/db/password';
import { openOfflineBrowser, type OfflineBrowser } from './support/browser';
import { loadState, testConfig, TEST_PASSWORD } from './support/test-neo4j';

/** A CORS preflight as a browser sends it before a cross-origin POST with credentials in a header. */
function preflight(port: number, origin: string): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/db/neo4j/tx/commit',
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
      },
      (response) => {
        response.resume();
        resolve(response.headers);
      },
    );
    request.once('error', reject);
    request.end();
  });
}

describe('the managed Neo4j against a hostile web page', () => {
  const { httpPort } = loadState();
  let driver: Driver;
  let browser: OfflineBrowser;
  let attacker: http.Server;
  let attackerUrl: string;

  beforeAll(async () => {
    driver = createDriver(testConfig().neo4j);
    await driver.executeQuery('MATCH (n:CorsProbe) DETACH DELETE n');
    // The attacker's page: any site the developer visits, here on another loopback port (another origin).
    attacker = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>innocent page</title>');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    browser = await openOfflineBrowser(undefined, { intercept: false });
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => attacker.close(resolve));
    await driver.executeQuery('MATCH (n:CorsProbe) DETACH DELETE n');
    await driver.close();
  });

  it("answers a preflight from another origin with Neo4j Browser's origin only, never '*'", async () => {
    const headers = await preflight(httpPort, 'https://attacker.example');
    expect(headers['access-control-allow-origin']).toBe(`http://localhost:${httpPort}`);
    expect(headers.vary).toMatch(/origin/i);
  });

  it('refuses a cross-origin write from a page in a real browser, even with the right password', async () => {
    await browser.page.goto(attackerUrl);
    const outcome = await browser.page.evaluate(
      async ({ url, authorization }) => {
        try {
          const response = await fetch(url, {
            method: 'POST',
            headers: { authorization, 'content-type': 'application/json', accept: 'application/json' },
            body: JSON.stringify({ statements: [{ statement: "CREATE (:CorsProbe {id: 'written-by-a-web-page'})" }] }),
          });
          return `answered ${response.status}`;
        } catch (error) {
          return `blocked: ${(error as Error).message}`;
        }
      },
      {
        url: `http://localhost:${httpPort}/db/neo4j/tx/commit`,
        authorization: `Basic ${Buffer.from(`neo4j:${TEST_PASSWORD}`).toString('base64')}`,
      },
    );
    expect(outcome).toBe('blocked: Failed to fetch');
    const { records } = await driver.executeQuery('MATCH (n:CorsProbe) RETURN count(n) AS written');
    expect(records[0].get('written')).toBe(0);
  });

  it('has a generated password, kept owner-only in its data folder, and refuses the old default one', async () => {
    const file = path.join(loadState().dataDir, 'password');
    expect(fs.readFileSync(file, 'utf8').trim()).toBe(TEST_PASSWORD);
    expect(TEST_PASSWORD).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const legacy = createDriver({ ...testConfig().neo4j, password: LEGACY_DEFAULT_PASSWORD });
    try {
      await expect(legacy.executeQuery('RETURN 1')).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    } finally {
      await legacy.close();
    }
  });

  it('keeps its data folder owner-only: the password hash, configuration, logs and store', () => {
    const { dataDir } = loadState();
    const entries = fs
      .readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .map((entry) => path.join(entry.parentPath, entry.name))
      .concat(dataDir);
    const relative = entries.map((file) => path.relative(dataDir, file));
    expect(relative).toEqual(expect.arrayContaining(['password', 'conf/neo4j.conf', 'data/dbms/auth.ini', 'logs/console.log', 'logs/debug.log']));
    const readableByOthers = entries
      .filter((file) => !fs.lstatSync(file).isSymbolicLink() && (fs.statSync(file).mode & 0o077) !== 0)
      .map((file) => `${path.relative(dataDir, file) || '.'} ${(fs.statSync(file).mode & 0o777).toString(8)}`);
    expect(readableByOthers).toEqual([]);
  });
});
