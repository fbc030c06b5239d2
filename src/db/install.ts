/**
 * Installs the managed Neo4j server once: Maven resolves neo4j/pom.xml (server, Browser, APOC) from Maven Central
 * into a folder, then the folder is moved into place, so an interrupted download never leaves a half install.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import { UserError } from '../errors';

export const POM_PATH = path.join(PROJECT_ROOT, 'neo4j', 'pom.xml');
const MARKER = '.installed';

export type Log = (line: string) => void;

/** The fingerprint of the descriptor: a changed pom (another version) means a new install. */
function pomFingerprint(): string {
  return createHash('sha256').update(fs.readFileSync(POM_PATH)).digest('hex');
}

export function isInstalled(distDir: string): boolean {
  try {
    return fs.readFileSync(path.join(distDir, MARKER), 'utf8').trim() === pomFingerprint();
  } catch {
    return false;
  }
}

/** The Neo4j version the descriptor pins (for messages). */
export function pinnedNeo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(fs.readFileSync(POM_PATH, 'utf8'));
  return match ? match[1] : 'unknown';
}

function mavenCommand(): string {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new UserError(
      'Maven (mvn) is needed once, to download Neo4j from Maven Central, but it was not found on PATH. ' +
        'Install Maven 3 (Debian: apt-get install maven), or set NEO4J_URI to use a Neo4j server you already run.',
    );
  }
  return 'mvn';
}

export async function ensureInstalled(distDir: string, log: Log): Promise<void> {
  if (isInstalled(distDir)) return;
  const mvn = mavenCommand();
  const partial = `${distDir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(distDir), { recursive: true });
  log(`Installing Neo4j ${pinnedNeo4jVersion()} from Maven Central into ${distDir} (first run only, about 140 MB)...`);
  const started = Date.now();
  try {
    await runMaven(mvn, partial, log);
    fs.writeFileSync(path.join(partial, MARKER), `${pomFingerprint()}\n`);
    fs.rmSync(distDir, { recursive: true, force: true });
    try {
      fs.renameSync(partial, distDir);
    } catch (error) {
      // Another process finished the same install first: theirs is as good as ours.
      if (!isInstalled(distDir)) throw error;
    }
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  log(`Neo4j installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

function runMaven(mvn: string, home: string, log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(mvn, ['-B', '-f', POM_PATH, `-Dneo4j.home=${home}`, 'package'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const tail: string[] = [];
    let files = 0;
    let bytes = 0;
    let lastReport = Date.now();
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 20) tail.shift();
      const downloaded = /^\[INFO\] Downloaded from [^:]+: \S+ \(([\d.]+) (B|kB|MB|GB)/.exec(line);
      if (!downloaded) return;
      files += 1;
      bytes += Number(downloaded[1]) * { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 }[downloaded[2] as 'B'];
      if (Date.now() - lastReport > 3000) {
        lastReport = Date.now();
        log(`  ... ${files} files downloaded (${(bytes / 1e6).toFixed(0)} MB)`);
      }
    };
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      lines.forEach(onLine);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => reject(new UserError(`Could not run Maven: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      reject(
        new UserError(
          `Maven could not download Neo4j (exit code ${code}). Is Maven Central reachable? Its last lines:\n` +
            tail.map((line) => `  ${line}`).join('\n'),
        ),
      );
    });
  });
}
