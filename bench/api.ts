/**
 * `npm run bench:api`: each contract query on the seed graph over HTTP GraphQL (the real API, in this process, on
 * a free port) against the equivalent hand-written Cypher through neo4j-driver; p50/p95 and the ratio into
 * docs/benchmarks.md and docs/benchmarks.json. Uses the managed Neo4j (or NEO4J_URI's) and seeds it when empty.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { createApi } from '../src/api/server';
import { loadConfig } from '../src/config';
import { applySchema, isEmpty, runSeedScripts } from '../src/db/cypher-scripts';
import { openDatabase } from '../src/db/database';
import { runCli } from '../src/errors';
import { contractQueries } from './contract-queries';
import { latencyMarkdown, measureLatency } from './latency';
import { writeBenchmarkJson, writeBenchmarkSection } from './report';

const ROUNDS = 200;
const log = (line: string): void => void process.stdout.write(`${line}\n`);

void runCli(async () => {
  const config = loadConfig();
  const db = await openDatabase(config, log);
  try {
    await applySchema(db.driver, config.neo4j.database);
    if (await isEmpty(db.driver, config.neo4j.database)) await runSeedScripts(db.driver, config.neo4j.database, log);
    const api = await createApi({ driver: db.driver, config });
    const server = http.createServer(api.handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    try {
      const queries = contractQueries({
        person: 'Jam Kamal Khan',
        exchanger: 'Jam Kamal Khan',
        countryA: 'Pakistan',
        countryB: 'Belarus',
        agreementTitle:
          'Programme (Roadmap) of the Military-Technical Cooperation between the State Authority for Military Industry of the Republic of Belarus and the Ministry of Defense Production',
        searchCommon: 'minister',
        searchRare: 'khrenin',
        connections: [
          { label: '2 hops', from: 'Jam Kamal Khan', to: 'Pakistan' },
          { label: '4 hops', from: 'Jam Kamal Khan', to: 'Viktor Khrenin' },
          { label: '6 hops', from: 'Jam Kamal Khan', to: 'Dmitry Pantus' },
        ],
      });
      log(`Measuring ${queries.length} contract queries, ${ROUNDS} rounds each...`);
      const results = await measureLatency(db.driver, config.neo4j.database, url, queries, { rounds: ROUNDS, log });
      const date = new Date().toISOString().slice(0, 10);
      writeBenchmarkSection(
        'api',
        [
          '## API on the seed graph: GraphQL against hand-written Cypher',
          '',
          `Measured by \`npm run bench:api\` on ${date} (${os.cpus().length} cores, Neo4j ${db.info.version}). Each query ran ` +
            `${ROUNDS} times over HTTP GraphQL (the real API in the benchmark process, keep-alive) and ${ROUNDS} times as the ` +
            'equivalent Cypher through neo4j-driver, interleaved; milliseconds. The seed graph is tiny (111 nodes), so these ' +
            'figures show the fixed cost of the GraphQL layer (HTTP, parsing, validation, limits, Cypher translation), not ' +
            'the cost of the data: the scale benchmark (`npm run bench`) shows that.',
          '',
          latencyMarkdown(results),
        ].join('\n'),
      );
      writeBenchmarkJson('api', { date, neo4j: db.info.version, rounds: ROUNDS, results });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.stop();
    }
  } finally {
    await db.close();
  }
});
