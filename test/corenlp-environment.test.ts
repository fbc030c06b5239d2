/**
 * What goes wrong around CoreNLP gets one clear message and a non-zero exit, never a stack trace, and leaves no
 * server and no half install behind: each case runs the real `corenlp:annotate` entry point in a child process.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../src/java/ports';
import { expectCleanFailure, runEntry } from './support/entry-points';
import { runToken } from './support/processes';

const CLI = 'src/cli/corenlp.ts';
const SLOW_MS = 600_000;

describe('CoreNLP in a bad environment', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-corenlp-env-'));
  const fresh = (name: string) => path.join(scratch, name);
  const text = fresh('text.txt');
  let run: ReturnType<typeof runToken>;
  const annotate = (env: Record<string, string>, args: string[] = [text]) => runEntry(CLI, ['annotate', ...args], { ...env, ...run.env });
  let busy: net.Server;
  let busyPort: number;

  beforeAll(async () => {
    fs.writeFileSync(text, 'The minister arrived on Monday.');
    busyPort = await freePort();
    busy = net.createServer().listen(busyPort, '127.0.0.1');
  });
  beforeEach(() => {
    run = runToken();
  });
  afterEach(() => {
    expect(run.servers()).toEqual([]);
  });
  afterAll(() => {
    busy.close();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it('without Java (JAVA_HOME names no JDK)', async () => {
    const jdk = fresh('no-such-jdk');
    expectCleanFailure(
      await annotate({ JAVA_HOME: jdk }),
      `Java 11 or later is needed to run the managed CoreNLP server, but no working java was found on JAVA_HOME (${jdk}/bin/java). ` +
        'Install one (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME, or set CORENLP_URL to use a CoreNLP server you already run.',
    );
  });

  it('with a Java too old for CoreNLP', async () => {
    const oldJdk = fresh('old-jdk');
    fs.mkdirSync(path.join(oldJdk, 'bin'), { recursive: true });
    fs.writeFileSync(path.join(oldJdk, 'bin', 'java'), '#!/bin/sh\necho \'java version "1.8.0_392"\' >&2\n', { mode: 0o755 });
    expectCleanFailure(
      await annotate({ JAVA_HOME: oldJdk }),
      `CoreNLP 4.5.10 runs on Java 11 or later, but the java on JAVA_HOME (${oldJdk}/bin/java) is version 8. Set JAVA_HOME to a JDK 11 or later.`,
    );
  });

  it('without Maven, when CoreNLP is not installed yet', async () => {
    const javaOnly = fresh('java-only-bin');
    fs.mkdirSync(javaOnly);
    fs.symlinkSync(execFileSync('sh', ['-c', 'readlink -f "$(command -v java)"'], { encoding: 'utf8' }).trim(), path.join(javaOnly, 'java'));
    expectCleanFailure(
      await annotate({ PATH: javaOnly, JAVA_HOME: '', CORENLP_DIST_DIR: fresh('not-installed') }),
      'Maven (mvn) is needed once, to download CoreNLP from Maven Central, but it was not found on PATH. ' +
        'Install Maven 3 (Debian: apt-get install maven), or set CORENLP_URL to use a CoreNLP server you already run.',
    );
    expect(fs.existsSync(fresh('not-installed'))).toBe(false);
  });

  it('when the download fails (Maven Central unreachable), leaving no half install', async () => {
    // Maven reads its settings and local repository under user.home: an empty one, whose only mirror is closed.
    const home = fresh('maven-home');
    fs.mkdirSync(path.join(home, '.m2'), { recursive: true });
    fs.writeFileSync(
      path.join(home, '.m2', 'settings.xml'),
      `<settings><mirrors><mirror><id>unreachable</id><mirrorOf>*</mirrorOf><url>http://127.0.0.1:${await freePort()}/maven2</url></mirror></mirrors></settings>\n`,
    );
    const dist = fresh('dist-download-fails');
    const result = await annotate({ MAVEN_OPTS: `-Duser.home=${home}`, CORENLP_DIST_DIR: dist });
    expectCleanFailure(result, /^error: Maven could not download CoreNLP 4\.5\.10 \(exit code 1\): .*Connection refused.*\. Is Maven Central reachable\? Maven's last lines:$/m);
    expect(result.stderr).toContain('Installing CoreNLP 4.5.10 from Maven Central into');
    expect(fs.readdirSync(scratch).filter((entry) => entry.startsWith('dist-download-fails'))).toEqual([]);
  }, SLOW_MS);

  it('with CORENLP_PORT already in use', async () => {
    expectCleanFailure(
      await annotate({ CORENLP_PORT: String(busyPort) }),
      `Port ${busyPort} (CoreNLP server) is already in use by another program. Stop that program, or choose another port with CORENLP_PORT.`,
    );
  });

  it('when the server dies while starting (too little memory for the models), with its last lines', async () => {
    const result = await annotate({ CORENLP_MEMORY: '64m' });
    expectCleanFailure(
      result,
      /^error: CoreNLP stopped while starting \(exit code 3\)\. It ran out of memory: CORENLP_MEMORY is 64m; the default annotators need about 3g\. Its last lines:$/m,
    );
    expect(result.stderr).toMatch(/^ {2}Terminating due to java\.lang\.OutOfMemoryError: Java heap space$/m);
  }, SLOW_MS);

  it('with a CORENLP_URL that does not answer', async () => {
    const closed = await freePort();
    expectCleanFailure(
      await annotate({ CORENLP_URL: `http://127.0.0.1:${closed}` }),
      `Cannot reach CoreNLP at http://127.0.0.1:${closed}: ECONNREFUSED. Check CORENLP_URL, or unset it to let the project run its own server.`,
    );
  });

  it('with a malformed setting, or a text that is not UTF-8', async () => {
    expectCleanFailure(await annotate({ CORENLP_MEMORY: 'lots' }), "CORENLP_MEMORY must be a size such as 3g or 2500m, got 'lots'.");
    const binary = fresh('binary.txt');
    fs.writeFileSync(binary, Buffer.from([0x4d, 0xff, 0xfe, 0x00]));
    expectCleanFailure(await annotate({}, [binary]), `${binary} is not UTF-8 text.`);
  });
});
