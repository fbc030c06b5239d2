/**
 * A bad environment gets one clear message and a non-zero exit, never a stack trace: each case runs the real
 * `npm start` entry point in a child process.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort, loadState, TEST_PASSWORD } from './support/test-neo4j';
import { expectCleanFailure, runEntry } from './support/entry-points';

const MAIN = 'src/main.ts';

describe('a bad environment', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-env-'));
  const state = loadState();
  const testServerUri = `bolt://127.0.0.1:${state.boltPort}`;
  const fresh = (name: string) => path.join(scratch, name);
  let busy: net.Server;
  let busyPort: number;

  beforeAll(async () => {
    busyPort = await freePort();
    busy = net.createServer().listen(busyPort, '127.0.0.1');
  });
  afterAll(() => {
    busy.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('without Java', async () => {
    const emptyBin = fresh('empty-bin');
    fs.mkdirSync(emptyBin);
    const result = await runEntry(MAIN, [], { PATH: emptyBin, JAVA_HOME: '', NEO4J_DATA_DIR: fresh('no-java') });
    expectCleanFailure(result, /Java 17 or 21 is needed to run the managed Neo4j server, but no working java was found on PATH/);
  });

  it('with a Java Neo4j cannot run on', async () => {
    const oldJdk = fresh('old-jdk');
    fs.mkdirSync(path.join(oldJdk, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(oldJdk, 'bin', 'java'), '#!/bin/sh\necho \'openjdk version "11.0.2" 2019-01-15\' >&2\n', { mode: 0o755 });
    const result = await runEntry(MAIN, [], { JAVA_HOME: oldJdk, NEO4J_DATA_DIR: fresh('old-java') });
    expectCleanFailure(result, /Neo4j 5\.26 runs on Java 17 to 21, but the java on JAVA_HOME .* is version 11/);
  });

  it('without Maven, when Neo4j is not installed yet', async () => {
    const ports = { NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HTTP_PORT: String(await freePort()) };
    const javaOnly = fresh('java-only-bin');
    fs.mkdirSync(javaOnly);
    fs.symlinkSync(execFileSync('sh', ['-c', 'readlink -f "$(command -v java)"'], { encoding: 'utf8' }).trim(), path.join(javaOnly, 'java'));
    const result = await runEntry(MAIN, [], {
      ...ports,
      PATH: javaOnly,
      JAVA_HOME: '',
      NEO4J_DIST_DIR: fresh('not-installed'),
      NEO4J_DATA_DIR: fresh('no-maven'),
    });
    expectCleanFailure(result, /Maven \(mvn\) is needed once, to download Neo4j from Maven Central, but it was not found on PATH/);
    expect(fs.existsSync(fresh('not-installed'))).toBe(false);
  });

  it('with the Bolt port already in use', async () => {
    const result = await runEntry(MAIN, [], { NEO4J_BOLT_PORT: String(busyPort), NEO4J_DATA_DIR: fresh('busy-bolt') });
    expectCleanFailure(result, `Port ${busyPort} (Neo4j Bolt) is already in use by another program. Stop that program, or choose another port with NEO4J_BOLT_PORT.`);
  });

  it('with the HTTP port already in use', async () => {
    const result = await runEntry(MAIN, [], {
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HTTP_PORT: String(busyPort),
      NEO4J_DATA_DIR: fresh('busy-http'),
    });
    expectCleanFailure(result, `Port ${busyPort} (Neo4j HTTP and Browser) is already in use`);
  });

  it('with the API port already in use', async () => {
    const result = await runEntry(MAIN, [], {
      NEO4J_URI: testServerUri,
      NEO4J_PASSWORD: TEST_PASSWORD,
      PORT: String(busyPort),
      SEED_ON_START: 'false',
    });
    expectCleanFailure(result, `Port ${busyPort} (GraphQL API) is already in use by another program. Stop that program, or choose another port with PORT.`);
  });

  it('with the API port already in use: before Neo4j starts', async () => {
    const dataDir = fresh('busy-api');
    const result = await runEntry(MAIN, [], {
      NEO4J_BOLT_PORT: String(await freePort()),
      NEO4J_HTTP_PORT: String(await freePort()),
      NEO4J_DATA_DIR: dataDir,
      PORT: String(busyPort),
    });
    expectCleanFailure(result, `Port ${busyPort} (GraphQL API) is already in use by another program. Stop that program, or choose another port with PORT.`);
    expect(result.stdout).not.toContain('Starting Neo4j');
    expect(fs.existsSync(path.join(dataDir, 'logs'))).toBe(false);
  });

  it('with a NEO4J_URI that does not answer', async () => {
    const closedPort = await freePort();
    const result = await runEntry(MAIN, [], { NEO4J_URI: `bolt://127.0.0.1:${closedPort}`, NEO4J_PASSWORD: 'whatever' });
    expectCleanFailure(result, new RegExp(`Cannot reach Neo4j at bolt://127\\.0\\.0\\.1:${closedPort}: .*Check NEO4J_URI`));
  });

  it('with a NEO4J_URI that refuses the password', async () => {
    const result = await runEntry(MAIN, [], { NEO4J_URI: testServerUri, NEO4J_PASSWORD: 'not-the-password' });
    expectCleanFailure(result, `Neo4j at ${testServerUri} refused the credentials of user 'neo4j'. Check NEO4J_USERNAME and NEO4J_PASSWORD.`);
  });

  it('with a malformed setting', async () => {
    const result = await runEntry(MAIN, [], { PORT: 'four-thousand' });
    expectCleanFailure(result, "PORT must be a port number (0-65535), got 'four-thousand'.");
  });
});
