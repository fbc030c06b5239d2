/**
 * `npm run bench:faults [-- --queries N --articles N]`: the attacks of issue 13, repeated and counted, bounded to a
 * few minutes. A managed Neo4j of its own (temporary data folder, free ports), the real API (`src/main.ts`) in a
 * child process reaching Neo4j through a fault proxy, and:
 *  1. malformed and mutated queries (the example questions mutated, bad bodies, long search texts, alias and depth
 *     bombs): HTTP statuses, 5xx, internal errors, Java names leaked, the slowest answer;
 *  2. bad files in an ingest folder (an alias bomb, an oversized article, a textFile outside the folder) beside good
 *     ones: the good load, each bad one is reported;
 *  3. the database down under load (the proxy drops every connection for a while): what the clients got, /health
 *     while down, the time to the first good answer once it is back;
 *  4. kill -9 of Neo4j in the middle of an ingest, Neo4j started again, the same ingest run again: the graph must
 *     be exactly that of a clean load (data lost: facts missing or different, must be 0).
 * Writes docs/reliability.md and prints the same figures.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { createDriver } from '../src/db/connect';
import { applySchema } from '../src/db/cypher-scripts';
import { ManagedNeo4j } from '../src/db/managed-neo4j';
import { runCli } from '../src/errors';
import { ingestFiles } from '../src/ingest/ingest';
import { seedGraph } from '../src/ingest/seed';
import { freePort } from '../src/java/ports';
import { delay } from '../src/java/processes';
import { graphSnapshot } from '../test/support/graph';
import { startFaultProxy } from '../test/support/fault-proxy';
import { startApiProcess } from './api-process';
import { corpus, numberOption, wipe } from './load';
import { badFiles, mutatedRequests, type Attack } from './fault-attacks';

const log = (line: string) => process.stderr.write(`${line}\n`);
const OUT = path.join(PROJECT_ROOT, 'docs', 'reliability.md');
const GOOD_QUERY = { query: '{ countries(limit: 3, sort: [{ name: ASC }]) { name } }' };

interface Answer {
  status: number;
  ms: number;
  codes: string[];
  leaked: boolean;
}

async function send(url: string, attack: Attack): Promise<Answer> {
  const started = performance.now();
  try {
    const response = await fetch(url, { method: attack.method ?? 'POST', headers: attack.headers ?? { 'content-type': 'application/json' }, body: attack.body, signal: AbortSignal.timeout(90_000) });
    const text = await response.text();
    let codes: string[] = [];
    try {
      const json = JSON.parse(text) as { errors?: Array<{ extensions?: { code?: string } }> };
      codes = (json.errors ?? []).map((error) => error.extensions?.code ?? 'NO_CODE');
    } catch {
      // not JSON (an HTML page, a 413 text): no GraphQL codes
    }
    return { status: response.status, ms: performance.now() - started, codes, leaked: /java\.|org\.neo4j|org\.apache\.lucene|Neo\.DatabaseError/.test(text) };
  } catch (error) {
    return { status: 0, ms: performance.now() - started, codes: [(error as Error).name], leaked: false };
  }
}

async function fuzz(url: string, count: number) {
  const attacks = mutatedRequests(count);
  const answers: Answer[] = [];
  // Four clients at once, as a careless script would.
  for (let i = 0; i < attacks.length; i += 4) answers.push(...(await Promise.all(attacks.slice(i, i + 4).map((attack) => send(url, attack)))));
  const statuses: Record<string, number> = {};
  for (const answer of answers) statuses[answer.status] = (statuses[answer.status] ?? 0) + 1;
  return {
    tried: answers.length,
    statuses,
    serverErrors: answers.filter((answer) => answer.status >= 500 || answer.status === 0).length,
    internalErrors: answers.filter((answer) => answer.codes.includes('INTERNAL_SERVER_ERROR')).length,
    leaked: answers.filter((answer) => answer.leaked).length,
    slowestMs: Math.max(...answers.map((answer) => answer.ms)),
  };
}

async function outage(apiUrl: string, setDown: (down: boolean) => void, downMs: number) {
  const answers: Array<Answer & { at: number }> = [];
  const t0 = performance.now();
  let running = true;
  const clients = Array.from({ length: 4 }, async () => {
    while (running) {
      const answer = await send(apiUrl, { body: JSON.stringify(GOOD_QUERY) });
      answers.push({ ...answer, at: performance.now() - t0 });
    }
  });
  await delay(3_000);
  const downAt = performance.now() - t0;
  setDown(true);
  await delay(500);
  const health = await send(apiUrl.replace(/\/graphql$/, '/health'), { method: 'GET', body: undefined, headers: {} });
  await delay(downMs - 500);
  const upAt = performance.now() - t0;
  setDown(false);
  // Until the API has answered well for two seconds (or a minute has passed).
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    const recent = answers.filter((answer) => answer.at > performance.now() - t0 - 2_000);
    if (recent.length > 0 && answers.some((a) => a.at > upAt) && recent.every((answer) => answer.status === 200 && answer.codes.length === 0)) break;
    await delay(100);
  }
  running = false;
  await Promise.all(clients);
  const during = answers.filter((answer) => answer.at >= downAt && answer.at < upAt);
  const firstGood = answers.find((answer) => answer.at > upAt && answer.status === 200 && answer.codes.length === 0);
  return {
    requests: answers.length,
    duringOutage: during.length,
    unavailableAnswers: during.filter((answer) => answer.codes.includes('DATABASE_UNAVAILABLE')).length,
    serverErrors: answers.filter((answer) => answer.status >= 500 || answer.status === 0).length,
    internalErrors: answers.filter((answer) => answer.codes.includes('INTERNAL_SERVER_ERROR')).length,
    slowestDuringOutageMs: Math.max(0, ...during.map((answer) => answer.ms)),
    healthStatus: health.status,
    healthMs: health.ms,
    recoveryMs: firstGood ? firstGood.at - upAt : NaN,
  };
}

async function killMidIngest(neo: ManagedNeo4j, driver: Driver, env: Record<string, string>, articles: number) {
  const folder = corpus(articles, 13);
  await wipe(driver, 'neo4j');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'cli', 'ingest.ts'), '--batch-size', '20', folder], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  // Killed once about a third of the articles are in.
  for (;;) {
    const { records } = await driver.executeQuery('MATCH (i:Ingestion) RETURN count(i) AS n', {}, { database: 'neo4j' });
    if (Number(records[0].get('n')) >= articles / 3) break;
    if (child.exitCode !== null) throw new Error(`the ingest ended before the kill:\n${output}`);
    await delay(200);
  }
  process.kill(neo.pid, 'SIGKILL');
  const code = await exited;
  const interrupted = /INTERRUPTED/.test(output);
  const stackTrace = /^\s+at .+:\d+:\d+\)?$/m.test(output);

  const restartStarted = performance.now();
  return { code, interrupted, stackTrace, restartStartedAt: restartStarted, folder };
}

void runCli(async () => {
  const args = process.argv.slice(2);
  const queries = numberOption(args, '--queries', 2000);
  const articles = numberOption(args, '--articles', 300);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-faults-'));
  const config = loadConfig({
    NEO4J_DATA_DIR: dataDir,
    NEO4J_BOLT_PORT: String(await freePort()),
    NEO4J_HTTP_PORT: String(await freePort()),
    NEO4J_HEAP_SIZE: '1g',
    // Snapshots and wipes of the whole graph on a busy machine outlast the default 10 s.
    NEO4J_TRANSACTION_TIMEOUT: '300s',
    NEO4J_START_TIMEOUT: process.env.NEO4J_START_TIMEOUT ?? '600',
    JAVA_HOME: process.env.JAVA_HOME,
  });
  const start = () => ManagedNeo4j.start({ server: config.managedNeo4j, connection: config.neo4j, log }).then((started) => started.server);
  let neo = await start();
  const connection = neo.connection;
  const driver = createDriver(connection);
  const proxy = await startFaultProxy(config.managedNeo4j.boltPort);
  let api: Awaited<ReturnType<typeof startApiProcess>> | undefined;
  try {
    await applySchema(driver, 'neo4j');
    await seedGraph(driver, 'neo4j', log);
    api = await startApiProcess({ ...connection, uri: `bolt://127.0.0.1:${proxy.port}` });

    log(`1. ${queries} malformed and mutated requests...`);
    const fuzzed = await fuzz(api.url, queries);

    log('2. bad files beside good ones...');
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-bad-files-'));
    const files = badFiles(scratch);
    const rssBefore = process.memoryUsage().rss;
    const ingested = await ingestFiles(driver, 'neo4j', [files.folder]);
    const fileResults = {
      good: files.good,
      loaded: ingested.articles.new,
      failures: ingested.failures.map((failure) => `${path.basename(failure.file)}: ${failure.problems[0].reason}`),
      rssGrowthMiB: (process.memoryUsage().rss - rssBefore) / 2 ** 20,
    };
    fs.rmSync(scratch, { recursive: true, force: true });

    log('3. the database down under load...');
    const down = await outage(api.url, (isDown) => proxy.setMode(isDown ? 'down' : 'up'), 8_000);

    log(`4. kill -9 of Neo4j in the middle of an ingest of ${articles} articles...`);
    const env = { NEO4J_URI: `bolt://127.0.0.1:${config.managedNeo4j.boltPort}`, NEO4J_PASSWORD: connection.password, NEO4J_DATABASE: 'neo4j' };
    const killed = await killMidIngest(neo, driver, env, articles);
    neo = await start();
    const restartMs = performance.now() - killed.restartStartedAt;
    const rerunStarted = performance.now();
    const rerun = await ingestFiles(driver, 'neo4j', [killed.folder]);
    const rerunMs = performance.now() - rerunStarted;
    const converged = await graphSnapshot(driver, { facts: true });
    await wipe(driver, 'neo4j');
    const clean = await ingestFiles(driver, 'neo4j', [killed.folder]);
    const reference = await graphSnapshot(driver, { facts: true });
    const crash = {
      ...killed,
      restartMs,
      rerunMs,
      rerunArticles: rerun.articles,
      rerunFailures: rerun.failures.length,
      cleanFailures: clean.failures.length,
      nodes: { converged: converged.nodes, clean: reference.nodes },
      relationships: { converged: converged.relationships, clean: reference.relationships },
      sameGraph: converged.checksum === reference.checksum,
      lost: Math.max(0, reference.nodes - converged.nodes) + Math.max(0, reference.relationships - converged.relationships),
    };

    const report = { queries: fuzzed, files: fileResults, outage: down, crash: { ...crash, folder: undefined, restartStartedAt: undefined } };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    fs.writeFileSync(OUT, reliabilityPage(report));
    log(`Wrote ${path.relative(PROJECT_ROOT, OUT)}.`);
  } finally {
    await api?.stop();
    await proxy.close();
    await driver.close();
    await neo.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

type Report = {
  queries: Awaited<ReturnType<typeof fuzz>>;
  files: { good: number; loaded: number; failures: string[]; rssGrowthMiB: number };
  outage: Awaited<ReturnType<typeof outage>>;
  crash: Record<string, unknown> & { code: number | null; interrupted: boolean; stackTrace: boolean; restartMs: number; rerunMs: number; sameGraph: boolean; lost: number };
};

function reliabilityPage(report: Report): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const { queries, files, outage: down, crash } = report;
  const c = crash as Report['crash'] & { nodes: { converged: number; clean: number }; relationships: { converged: number; clean: number }; rerunArticles: Record<string, number> };
  return `# Reliability: the attacks of issue 13, repeated

Written by \`npm run bench:faults\` (bench/faults.ts) on ${new Date().toISOString().slice(0, 10)}, on this project's
2-core machine shared with other work: times are what one run saw, not medians. A managed Neo4j of its own, the real
API in a child process reaching it through a fault proxy (test/support/fault-proxy.ts).

| attack | tried | 5xx (or no answer) | internal errors | data lost | recovery |
|---|---|---|---|---|---|
| malformed and mutated requests (examples mutated, bad bodies, long search texts, alias and depth bombs, batches) | ${queries.tried} | ${queries.serverErrors} | ${queries.internalErrors} (Java names leaked: ${queries.leaked}) | - | - |
| bad files beside good ones (alias bomb, ${'>'}4 MB article, textFile outside the folder) | ${files.good + files.failures.length} files | - | - | good articles loaded: ${files.loaded} of ${files.good} | - |
| database down for 8 s under load (4 clients) | ${down.requests} requests | ${down.serverErrors} | ${down.internalErrors} | - | first good answer ${s(down.recoveryMs)} after it was back |
| kill -9 of Neo4j mid-ingest (${c.nodes.clean} nodes), restart, same ingest again | 1 | - | - | ${c.lost} (same graph as a clean load: ${c.sameGraph ? 'yes' : 'NO'}) | Neo4j restart ${s(c.restartMs)}; re-run ${s(c.rerunMs)} |

## Queries
HTTP statuses: ${Object.entries(queries.statuses).map(([status, n]) => `${status}: ${n}`).join(', ')}. The slowest answer took
${s(queries.slowestMs)}.

## Bad files
Each bad file was reported, the others loaded (the process grew by ${files.rssGrowthMiB.toFixed(0)} MiB):
${files.failures.map((failure) => `- ${failure}`).join('\n')}

## Database down under load
While the proxy dropped every connection (${down.duringOutage} requests), ${down.unavailableAnswers} were answered
\`DATABASE_UNAVAILABLE\`; the slowest of them took ${s(down.slowestDuringOutageMs)}. \`/health\` answered ${down.healthStatus} in
${s(down.healthMs)}. Once the database was back, the first good answer came ${s(down.recoveryMs)} later, without a restart.

## kill -9 of Neo4j mid-ingest
The ingest exited with code ${c.code}; its summary said INTERRUPTED (what was written, how to resume): ${c.interrupted ? 'yes' : 'NO'};
a stack trace: ${c.stackTrace ? 'YES' : 'no'}. Neo4j started again (store recovery included) in ${s(c.restartMs)}. The same ingest run
again: ${c.rerunArticles.new} new, ${c.rerunArticles.unchanged} unchanged, ${c.rerunArticles.failed} failed, in ${s(c.rerunMs)}. Facts after it: ${c.nodes.converged}
nodes and ${c.relationships.converged} relationships; a clean load of the same articles: ${c.nodes.clean} and ${c.relationships.clean}; the
whole-graph checksums (ingest bookkeeping left out) ${c.sameGraph ? 'are equal' : 'DIFFER'}. Data lost: ${c.lost}.
`;
}
