/**
 * Runs the Cypher scripts of cypher/ in file-name order: 00-schema.cypher (constraints and indexes, one statement
 * at a time, as Neo4j requires), then every seed script, each in one transaction (all of it or none of it).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Driver } from 'neo4j-driver';
import { PROJECT_ROOT } from '../config';
import { UserError } from '../errors';
import { checkDataVersion, DATA_VERSION_LABEL, recordDataVersion } from './data-version';
import type { Log } from './install';

export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');
export const SCHEMA_SCRIPT = path.join(CYPHER_DIR, '00-schema.cypher');

/** The seed scripts: every top-level .cypher file but the schema, in name order. */
export function seedScripts(): string[] {
  return fs
    .readdirSync(CYPHER_DIR)
    .filter((name) => name.endsWith('.cypher') && name !== path.basename(SCHEMA_SCRIPT))
    .sort()
    .map((name) => path.join(CYPHER_DIR, name));
}

/**
 * Splits a script into statements at `;` outside string literals, identifiers in backticks and comments.
 * Comments are dropped; empty statements are skipped.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let current = '';
  let i = 0;
  while (i < script.length) {
    const char = script[i];
    const next = script[i + 1];
    if (char === '/' && next === '/') {
      const end = script.indexOf('\n', i);
      i = end === -1 ? script.length : end;
    } else if (char === '/' && next === '*') {
      const end = script.indexOf('*/', i + 2);
      if (end === -1) throw new UserError('Unterminated /* comment in a Cypher script.');
      i = end + 2;
    } else if (char === "'" || char === '"' || char === '`') {
      let j = i + 1;
      while (j < script.length && script[j] !== char) j += script[j] === '\\' && char !== '`' ? 2 : 1;
      if (j >= script.length) throw new UserError(`Unterminated ${char} literal in a Cypher script.`);
      current += script.slice(i, j + 1);
      i = j + 1;
    } else if (char === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
      i += 1;
    } else {
      current += char;
      i += 1;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

function readStatements(file: string): string[] {
  try {
    return splitStatements(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    if (error instanceof UserError) throw new UserError(`${path.relative(PROJECT_ROOT, file)}: ${error.message}`);
    throw error;
  }
}

/**
 * Makes a database ready for this version of the project: checks its data version (src/db/data-version.ts: a database
 * another version wrote is refused here, unchanged), applies the constraints and indexes of cypher/00-schema.cypher
 * (waiting until every index is online), and records the data version if none was. Every command that reads or
 * writes the graph calls it first.
 */
export async function applySchema(driver: Driver, database: string): Promise<void> {
  const recorded = await checkDataVersion(driver, database);
  for (const statement of readStatements(SCHEMA_SCRIPT)) {
    await driver.executeQuery(statement, {}, { database });
  }
  // Its own bound: the server's default transaction timeout (10 s) is for queries, and would cut this wait short.
  await driver.executeQuery('CALL db.awaitIndexes(300)', {}, { database, transactionConfig: { timeout: 310_000 } });
  if (recorded === null) await recordDataVersion(driver, database);
}

/** Loading runs longer than a query: its transactions set their own bound (the server's default is for queries). */
export const LOAD_TRANSACTION_TIMEOUT_MS = 120_000;

export interface SeedResult {
  file: string;
  nodesCreated: number;
  relationshipsCreated: number;
  propertiesSet: number;
}

/** Runs each seed script in its own transaction; a failing statement rolls its whole script back. */
export async function runSeedScripts(driver: Driver, database: string, log: Log): Promise<SeedResult[]> {
  const results: SeedResult[] = [];
  for (const file of seedScripts()) {
    const name = path.relative(PROJECT_ROOT, file);
    const statements = readStatements(file);
    const session = driver.session({ database });
    try {
      const result = await session.executeWrite(async (tx) => {
        const totals = { nodesCreated: 0, relationshipsCreated: 0, propertiesSet: 0 };
        for (const [index, statement] of statements.entries()) {
          try {
            const summary = await tx.run(statement).summary();
            const counters = summary.counters.updates();
            totals.nodesCreated += counters.nodesCreated;
            totals.relationshipsCreated += counters.relationshipsCreated;
            totals.propertiesSet += counters.propertiesSet;
          } catch (error) {
            throw new UserError(`${name}, statement ${index + 1}: ${(error as Error).message}`);
          }
        }
        return totals;
      }, { timeout: LOAD_TRANSACTION_TIMEOUT_MS });
      results.push({ file: name, ...result });
      log(
        `${name}: ${result.nodesCreated} nodes and ${result.relationshipsCreated} relationships created, ` +
          `${result.propertiesSet} properties set.`,
      );
    } finally {
      await session.close();
    }
  }
  return results;
}

/** No node but the data version's marker. */
export async function isEmpty(driver: Driver, database: string): Promise<boolean> {
  const { records } = await driver.executeQuery(
    `RETURN NOT EXISTS { MATCH (n) WHERE NOT n:${DATA_VERSION_LABEL} } AS empty`,
    {},
    { database },
  );
  return records[0].get('empty') as boolean;
}
