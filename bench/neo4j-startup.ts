/**
 * `npm run bench:neo4j`: how long the managed Neo4j takes to install from a cold Maven cache, to start for the
 * first time (a new data folder: password, system and default database created) and to start again (warm).
 * Medians of 3 runs; writes the table into docs/benchmarks.md.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { ensureInstalled } from '../src/db/install';
import { ManagedNeo4j } from '../src/db/managed-neo4j';
import { freePort } from '../test/support/test-neo4j';
import { median, writeBenchmarkSection } from './report';

const RUNS = 3;
const quiet = () => undefined;

async function timed(work: () => Promise<void>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function main(): Promise<void> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-bench-neo4j-'));
  const results = { coldInstall: [] as number[], coldStart: [] as number[], warmStart: [] as number[] };
  try {
    for (let run = 1; run <= RUNS; run++) {
      const repo = path.join(scratch, `m2-${run}`);
      const dist = path.join(scratch, `dist-${run}`);
      process.env.MAVEN_OPTS = `-Dmaven.repo.local=${repo}`; // an empty local repository: everything comes from Maven Central
      results.coldInstall.push(await timed(() => ensureInstalled(dist, quiet)));
      fs.rmSync(repo, { recursive: true, force: true });
      process.stdout.write(`run ${run}: cold install ${results.coldInstall.at(-1)!.toFixed(1)} s\n`);

      const config = loadConfig({
        NEO4J_DIST_DIR: dist,
        NEO4J_DATA_DIR: path.join(scratch, `instance-${run}`),
        NEO4J_BOLT_PORT: String(await freePort()),
        NEO4J_HTTP_PORT: String(await freePort()),
      });
      for (const phase of ['coldStart', 'warmStart'] as const) {
        let server: ManagedNeo4j | undefined;
        results[phase].push(
          await timed(async () => {
            server = (await ManagedNeo4j.start({ server: config.managedNeo4j, connection: config.neo4j, log: quiet })).server;
          }),
        );
        await server?.stop();
        process.stdout.write(`run ${run}: ${phase} ${results[phase].at(-1)!.toFixed(1)} s\n`);
      }
      fs.rmSync(dist, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  const row = (name: string, values: number[]) =>
    `| ${name} | ${median(values).toFixed(1)} | ${values.map((value) => value.toFixed(1)).join(', ')} |`;
  writeBenchmarkSection(
    'neo4j-startup',
    [
      '## Managed Neo4j: install and start-up',
      '',
      `Measured by \`npm run bench:neo4j\` on ${new Date().toISOString().slice(0, 10)} (${os.cpus().length} cores). Seconds, median of ${RUNS}.`,
      '',
      '| phase | median (s) | runs (s) |',
      '|---|---|---|',
      row('cold install (empty Maven cache, from Maven Central)', results.coldInstall),
      row('cold first start (new data folder: initial password, system and neo4j databases)', results.coldStart),
      row('warm start (existing data folder)', results.warmStart),
      '',
      'Start-up is measured until the configured database answers a query over Bolt.',
    ].join('\n'),
  );
}

void main();
