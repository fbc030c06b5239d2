/**
 * `npm run bench:profile -- [--label after] [--seconds 20] [--connections 1]`: where the API's time goes per
 * request. The real API (`src/main.ts`) runs in a child process under `node --cpu-prof` against the seed graph (the
 * managed Neo4j, or NEO4J_URI's), loaded by autocannon with one selective question; the samples taken during the
 * load are summarized by package (inclusive shares), the hottest functions are listed, and a flame graph is
 * written to docs/images/api-flame-<label>.svg. The same read through neo4j-driver (a session per query) is timed
 * alongside, as the floor the API is compared with. Results go into docs/benchmarks.md and docs/benchmarks.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { loadConfig, PROJECT_ROOT } from '../src/config';
import { applySchema, isEmpty, runSeedScripts } from '../src/db/cypher-scripts';
import { openDatabase } from '../src/db/database';
import { runCli, UserError } from '../src/errors';
import { startApiProcess } from './api-process';
import { flameGraphSvg, readProfile, sliceProfile, summarize } from './flame';
import { numberOption } from './load';
import { median, table, writeBenchmarkJson, writeBenchmarkSection } from './report';

const log = (line: string): void => void process.stdout.write(`${line}\n`);

/** The measure: one person by name, as a new user would ask it. */
const QUERY = { query: 'query($name: String!) { people(where: { name: { eq: $name } }) { name } }', variables: { name: 'Ishaq Dar' } };
const CYPHER = 'MATCH (this:Person) WHERE this.name = $name WITH this LIMIT 50 RETURN this { .name } AS this';

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

void runCli(async () => {
  const args = process.argv.slice(2);
  const at = args.indexOf('--label');
  const label = at < 0 ? 'current' : args[at + 1];
  if (!label || !/^[a-z0-9-]+$/.test(label)) throw new UserError(`--label takes a short name in lower case (before, after), got '${label}'`);
  const seconds = numberOption(args, '--seconds', 20);
  const connections = numberOption(args, '--connections', 1);
  const config = loadConfig();
  const db = await openDatabase(config, log);
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'api-cpu-profile-'));
  try {
    await applySchema(db.driver, config.neo4j.database);
    if (await isEmpty(db.driver, config.neo4j.database)) await runSeedScripts(db.driver, config.neo4j.database, log);

    // The floor: the same read through the driver, one managed transaction (and session) per query.
    const driverTimes: number[] = [];
    const floorEnd = performance.now() + 5_000;
    while (performance.now() < floorEnd) {
      const start = performance.now();
      await db.driver.executeQuery(CYPHER, QUERY.variables, { database: config.neo4j.database, routing: neo4j.routing.READ });
      driverTimes.push(performance.now() - start);
    }

    const api = await startApiProcess(db.connection, { nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-interval', '250'] });
    let result: autocannon.Result;
    let window: [number, number];
    let cpuMsPerRequest = NaN;
    try {
      const load = (duration: number) =>
        autocannon({ url: api.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(QUERY), connections, duration });
      await load(3); // warm-up: JIT, plan cache, connection pool
      const from = nowUs();
      const cpuBefore = api.cpuMs();
      result = await load(seconds);
      cpuMsPerRequest = (api.cpuMs() - cpuBefore) / result.requests.total;
      window = [from, nowUs()];
      if (result.non2xx || result.errors) throw new Error(`the load had ${result.non2xx} non-2xx answers and ${result.errors} errors`);
    } finally {
      await api.stop();
    }
    const file = fs.readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) throw new Error(`the API wrote no CPU profile into ${profileDir}`);
    const kept = path.join(os.tmpdir(), `api-cpu-${label}.cpuprofile`);
    fs.copyFileSync(path.join(profileDir, file), kept);
    log(`The whole CPU profile (start-up included) is kept in ${kept}: open it in Chrome DevTools to look closer.`);
    const profile = sliceProfile(readProfile(kept), ...window);
    const summary = summarize(profile);
    const requests = result.requests.total;
    const jsMsPerRequest = summary.busyMs / requests;
    const busyPercent = (100 * summary.busyMs) / summary.totalMs;
    const svg = path.join(PROJECT_ROOT, 'docs', 'images', `api-flame-${label}.svg`);
    fs.writeFileSync(
      svg,
      flameGraphSvg(profile, `API CPU profile (${label}): ${requests} requests of one person by name over ${seconds} s, ${connections} connection(s); width = share of busy time`),
    );
    log(
      `${requests} requests, ${result.requests.average.toFixed(0)} req/s, p50 ${result.latency.p50} ms; ` +
        `${cpuMsPerRequest.toFixed(2)} ms of CPU per request; profiler busy ${busyPercent.toFixed(0)}% (${jsMsPerRequest.toFixed(2)} ms per request)`,
    );
    for (const { part, percent } of summary.charged) log(`  ${part}: ${percent.toFixed(1)}% (inclusive ${summary.inclusive.find((p) => p.part === part)?.percent.toFixed(1) ?? '-'}%)`);

    const date = new Date().toISOString().slice(0, 10);
    writeBenchmarkSection(
      `profile-${label}`,
      [
        `## API CPU profile (${label})`,
        '',
        `Measured by \`npm run bench:profile -- --label ${label}\` on ${date} (${os.cpus().length} cores, shared with other work: ` +
          `load average ${os.loadavg()[0].toFixed(1)} at the end). The API (\`src/main.ts\`) ran under \`node --cpu-prof\` on the seed graph; ` +
          `autocannon asked \`people(where: { name: { eq: "Ishaq Dar" } }) { name }\` over ${connections} connection(s) for ${seconds} s after 3 s of warm-up. ` +
          `Flame graph: [docs/images/api-flame-${label}.svg](images/api-flame-${label}.svg).`,
        '',
        table(
          ['measure', 'value'],
          [
            ['requests (requests/s)', `${requests} (${result.requests.average.toFixed(0)})`],
            ['API p50 over HTTP (ms, autocannon)', String(result.latency.p50)],
            ['the same read through neo4j-driver, p50 (ms)', median(driverTimes).toFixed(2)],
            ['CPU time of the API process per request (ms, from /proc)', cpuMsPerRequest.toFixed(2)],
            ['profiler: busy share of wall time', `${busyPercent.toFixed(0)}%`],
            ['profiler: busy time per request (ms; inflated when the machine is busy)', jsMsPerRequest.toFixed(2)],
          ],
        ),
        '',
        'Shares of busy time by part: *charged* gives each sample to the innermost package or project part on its stack ' +
          '(a socket write the driver asked for is the driver\'s; the rows add up to 100%); *inclusive* counts a sample for ' +
          'every part on its stack (the rows overlap):',
        '',
        table(
          ['part', 'charged', 'inclusive'],
          summary.charged.map(({ part, percent }) => {
            const inclusive = summary.inclusive.find((other) => other.part === part);
            return [part, `${percent.toFixed(1)}%`, inclusive ? `${inclusive.percent.toFixed(1)}%` : '-'];
          }),
        ),
        '',
        'Hottest functions by self time:',
        '',
        table(['function', 'part', 'self share'], summary.selfTop.map(({ fn, part, percent }) => [`\`${fn}\``, part, `${percent.toFixed(1)}%`])),
      ].join('\n'),
    );
    writeBenchmarkJson(`profile-${label}`, {
      date,
      seconds,
      connections,
      requests,
      requestsPerSecond: result.requests.average,
      apiP50Ms: result.latency.p50,
      driverP50Ms: median(driverTimes),
      busyPercent,
      jsMsPerRequest,
      cpuMsPerRequest,
      inclusive: summary.inclusive,
      charged: summary.charged,
      selfTop: summary.selfTop,
    });
  } finally {
    fs.rmSync(profileDir, { recursive: true, force: true });
    await db.close();
  }
});
