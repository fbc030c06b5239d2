/**
 * `npm run bench:explore -- [--scales S,L] [--seed 1] [--loads 7] [--reuse-graph]`: time to first render of the Explorer (the
 * page at /explore) on the busiest country (the one that signed the most agreements) of the generated corpus at
 * each scale: its page (header and first page of agreements, as sentences) and its network (the strongest links
 * drawn by cytoscape.js). Each figure is the median of several loads in headless Chromium (Debian's), read from
 * the page's own performance marks (from navigation start); the first, cold load (bundle built, Cypher plans
 * compiled) is measured apart, and so is the first load after Neo4j's plans are cleared, without and with the API's
 * warm-up of its plans (src/api/warm-up.ts). The API (createApi, as `npm start` builds it) serves over loopback HTTP from this
 * process, against a Neo4j of the benchmarks' own (.neo4j/bench-instance, emptied and loaded by our ingest;
 * `--reuse-graph` keeps a graph that already holds the corpus). Writes the "explore" section of
 * docs/benchmarks.md and docs/benchmarks.json after each scale.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import neo4j from 'neo4j-driver';
import type { Page } from 'playwright-core';
import { createApi } from '../src/api/server';
import { runCli, UserError } from '../src/errors';
import { SCALES, type Scale } from '../src/generate/corpus';
import { ingestFiles } from '../src/ingest/ingest';
import { openOfflineBrowser } from '../test/support/browser';
import { corpus, numberOption, openBenchDatabase, wipe } from './load';
import { median, table, writeBenchmarkJson, writeBenchmarkSection } from './report';

const log = (line: string): void => void process.stdout.write(`${line}\n`);

interface ViewTiming {
  coldMs: number;
  ms: number[];
  drawnNodes?: number;
  /** A load with the bundle cached and Neo4j's query plans cleared: what the first user after an API start waits. */
  plansColdMs?: number;
  /** The same, after the API warmed its plans (api.warmUp(), as `npm start` does once it listens). */
  afterWarmUpMs?: number;
}

interface ScaleResult {
  scale: Scale;
  articles: number;
  nodes: number;
  country: { id: string; name: string; agreements: number };
  page: ViewTiming;
  network: ViewTiming;
  /** How long api.warmUp() took (median of the runs), with the page's plans cleared before. */
  warmUpMs: number[];
}

/** Loads a URL and returns the time of the page's mark (ms from navigation start). */
async function timeView(page: Page, url: string, mark: 'page-rendered' | 'network-rendered'): Promise<number> {
  await page.goto(url);
  await page.waitForFunction((name) => performance.getEntriesByName(`explore:${name}`).length > 0 || window.explorer?.state === 'error', mark, { timeout: 120_000 });
  const state = await page.evaluate(() => window.explorer.state);
  if (state !== 'ready') throw new Error(`${url} did not render: ${await page.locator('main').innerText()}`);
  return page.evaluate((name) => performance.getEntriesByName(`explore:${name}`)[0].startTime, mark);
}

async function measureScale(scale: Scale, seed: number, loads: number, reuseGraph: boolean): Promise<ScaleResult> {
  const articles = SCALES[scale];
  log(`\n== Scale ${scale}: ${articles} articles (seed ${seed}) ==`);
  const dir = corpus(articles, seed);
  const { db, config } = await openBenchDatabase(log);
  const database = config.neo4j.database;
  try {
    const read = async (query: string) => (await db.driver.executeQuery(query, {}, { database, routing: neo4j.routing.READ })).records[0];
    const sources = neo4j.integer.toNumber((await read('MATCH (s:Source) RETURN count(s) AS sources')).get('sources'));
    // Only a graph our ingest wrote: the scale benchmark leaves its raw load's graph, which lacks what the ingest
    // derives (an agreement's provenance, for one), and the page fails on it.
    const ingested = neo4j.integer.toNumber((await read('MATCH (i:Ingestion) RETURN count(i) AS ingestions')).get('ingestions')) > 0;
    if (reuseGraph && sources === articles && ingested) log(`  the graph holds the ${articles} articles already: not reloaded`);
    else {
      await wipe(db.driver, database);
      const started = performance.now();
      const summary = await ingestFiles(db.driver, database, [dir], { batchSize: 50 });
      if (summary.failures.length) throw new UserError(`the generated corpus failed to load: ${JSON.stringify(summary.failures[0])}`);
      log(`  loaded in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    const busiest = await read('MATCH (c:Country)<-[:SIGNED_BY]-(a:Agreement) RETURN c.id AS id, c.name AS name, count(a) AS agreements ORDER BY agreements DESC, id LIMIT 1');
    const nodes = neo4j.integer.toNumber((await read('MATCH (n) RETURN count(n) AS nodes')).get('nodes'));
    const country = { id: busiest.get('id') as string, name: busiest.get('name') as string, agreements: neo4j.integer.toNumber(busiest.get('agreements')) };
    log(`  busiest country: ${country.name} (${country.agreements} agreements); ${nodes} nodes`);

    // The cold load compiles the Cypher plans of every query of the page: on a busy machine that can take longer
    // than the API's default bound of 5 s per query.
    const api = await createApi({ driver: db.driver, config: { ...config, api: { ...config.api, queryTimeoutMs: 30_000, requestTimeoutMs: 60_000 } } });
    const server = http.createServer({ requestTimeout: 60_000 }, api.handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const browser = await openOfflineBrowser({ width: 1400, height: 900 });
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const errors: string[] = [];
      browser.page.on('pageerror', (error) => errors.push(error.message));
      browser.page.on('console', (message) => void (message.type() === 'error' && errors.push(message.text())));
      const measure = async (path: string, mark: 'page-rendered' | 'network-rendered'): Promise<ViewTiming> => {
        const url = `${base}${path}`;
        const coldMs = await timeView(browser.page, url, mark);
        const ms: number[] = [];
        for (let i = 0; i < loads; i++) ms.push(await timeView(browser.page, url, mark));
        log(`  ${path}: cold ${coldMs.toFixed(0)} ms, warm median ${median(ms).toFixed(0)} ms (${ms.map((m) => m.toFixed(0)).join(', ')})`);
        return { coldMs, ms };
      };
      const id = encodeURIComponent(country.id);
      const pageTiming = await measure(`/explore/country/${id}`, 'page-rendered');
      const network = await measure(`/explore/country/${id}/network`, 'network-rendered');
      network.drawnNodes = await browser.page.evaluate(() => window.explorer.network?.drawnNodes() ?? 0);
      // The first user after an API start, without and with the warm-up: the plans cleared, the bundle cached.
      const clearPlans = () => db.driver.executeQuery('CALL db.clearQueryCaches()', {}, { database });
      const warmUpMs: number[] = [];
      for (const [view, path, mark] of [
        [pageTiming, `/explore/country/${id}`, 'page-rendered'],
        [network, `/explore/country/${id}/network`, 'network-rendered'],
      ] as const) {
        await clearPlans();
        view.plansColdMs = await timeView(browser.page, `${base}${path}`, mark);
        await clearPlans();
        const warm = await api.warmUp();
        if (warm.failed.length) throw new Error(`the warm-up failed for ${warm.failed.join(', ')}`);
        warmUpMs.push(warm.ms);
        view.afterWarmUpMs = await timeView(browser.page, `${base}${path}`, mark);
        log(`  ${path}: plans cleared ${view.plansColdMs.toFixed(0)} ms; after a warm-up of ${warm.ms.toFixed(0)} ms (${warm.questions} questions): ${view.afterWarmUpMs.toFixed(0)} ms`);
      }
      if (errors.length) throw new Error(`the page reported errors: ${errors.join('; ')}`);
      if (browser.refused.length) throw new Error(`the page asked for other hosts: ${browser.refused.join(', ')}`);
      return { scale, articles, nodes, country, page: pageTiming, network, warmUpMs };
    } finally {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.stop();
    }
  } finally {
    await db.close();
  }
}

function section(results: ScaleResult[], options: { seed: number; loads: number }): string {
  const row = (r: ScaleResult, view: 'page' | 'network') => {
    const timing = r[view];
    return [
      r.scale,
      `${r.articles} (${r.nodes} nodes)`,
      `${r.country.name} (${r.country.agreements})`,
      view === 'page' ? 'country page' : `network (${timing.drawnNodes} nodes drawn)`,
      median(timing.ms).toFixed(0),
      Math.min(...timing.ms).toFixed(0),
      Math.max(...timing.ms).toFixed(0),
      timing.coldMs.toFixed(0),
      timing.plansColdMs?.toFixed(0) ?? '-',
      timing.afterWarmUpMs?.toFixed(0) ?? '-',
      r.warmUpMs.length ? median(r.warmUpMs).toFixed(0) : '-',
    ];
  };
  const [first, last] = [results[0], results[results.length - 1]];
  const growth = (view: 'page' | 'network') => (median(last[view].ms) / median(first[view].ms)).toFixed(2);
  return [
    '## Explorer: time to first render of the busiest country',
    '',
    `Measured by \`npm run bench:explore -- --scales ${results.map((r) => r.scale).join(',')} --loads ${options.loads}\` on ${new Date().toISOString().slice(0, 10)} ` +
      `(${os.cpus().length} cores; Neo4j heap ${process.env.NEO4J_HEAP_SIZE ?? '2g'}, page cache ${process.env.NEO4J_PAGECACHE_SIZE ?? '1g'}; generated corpus, seed ${options.seed}). ` +
      'Headless Chromium (Debian) loads the page from the API (as `npm start` builds it) over loopback; the time is the page\'s own mark, from navigation ' +
      'start to the first facts on screen: for the page, the header and the first 50 agreements as sentences; for the network, the strongest ' +
      '100 links drawn by cytoscape.js (first page of 200 agreements loaded). Milliseconds; warm loads (bundle in the browser cache, Cypher plans compiled) ' +
      `after one cold load. *Plans cleared*: one load after \`CALL db.clearQueryCaches()\` (bundle cached), what the first user after an API start waits; ` +
      '*then warm-up*: the same after the API ran its warm-up (`api.warmUp()`, the Explorer\'s and the examples\' questions once, as `npm start` does once it listens), whose duration is the last column.',
    '',
    table(
      ['scale', 'articles', 'busiest country (agreements)', 'view', 'median (ms)', 'min', 'max', 'cold load', 'plans cleared', 'plans cleared, then warm-up', 'warm-up (ms)'],
      results.flatMap((r) => [row(r, 'page'), row(r, 'network')]),
    ),
    '',
    results.length > 1
      ? `From ${first.scale} to ${last.scale}, the busiest country's agreements grow ${(last.country.agreements / first.country.agreements).toFixed(1)}x; ` +
        `the page's median grows ${growth('page')}x and the network's ${growth('network')}x. Both ask for a bounded page (50 and 200 agreements), so ` +
        'what grows is the work to find and sort the country\'s agreements before the page is cut.'
      : '',
  ].join('\n');
}

void runCli(async () => {
  const args = process.argv.slice(2);
  const at = args.indexOf('--scales');
  const scales = (at < 0 ? 'S,L' : (args[at + 1] ?? '')).split(',') as Scale[];
  for (const scale of scales) if (!(scale in SCALES)) throw new UserError(`--scales takes a list of ${Object.keys(SCALES).join(', ')}: got '${scale}'`);
  const options = { seed: numberOption(args, '--seed', 1), loads: numberOption(args, '--loads', 7) };
  const results: ScaleResult[] = [];
  for (const scale of scales) {
    results.push(await measureScale(scale, options.seed, options.loads, args.includes('--reuse-graph')));
    writeBenchmarkSection('explore', section(results, options));
    writeBenchmarkJson('explore', { date: new Date().toISOString().slice(0, 10), options, results });
  }
});
