/**
 * Installs a managed server once from Maven Central: Maven resolves a descriptor (a pom whose `package` phase copies
 * the jars into the folder its home property names) into a temporary folder, which is then moved into place, so an
 * interrupted download never leaves a half install. A changed descriptor (another version) means a new install.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';
import { exitOf, isAlive, killWithThisProcess } from './processes';

export type Log = (line: string) => void;

export interface MavenPackage {
  /** The descriptor. */
  pom: string;
  /** Other files the build reads (sources it compiles): a change in them also means a new install. */
  inputs?: string[];
  /** The pom property naming the folder to fill: `-D<homeProperty>=<dir>`. */
  homeProperty: string;
  /** What is installed, for messages: 'Neo4j'. */
  product: string;
  version: string;
  /** Its download size, for the first-run message: 'about 140 MB'. */
  size: string;
  /** The way around it, ending a sentence: 'set NEO4J_URI to use a Neo4j server you already run'. */
  alternative: string;
}

const MARKER = '.installed';
const PROGRESS_EVERY_MS = 3000;

type Inputs = Pick<MavenPackage, 'pom' | 'inputs'>;

/** The fingerprint of the descriptor and what it builds: a changed pom (another version) means a new install. */
function fingerprint(pkg: Inputs): string {
  const hash = createHash('sha256');
  for (const file of [pkg.pom, ...(pkg.inputs ?? [])]) hash.update(fs.readFileSync(file));
  return hash.digest('hex');
}

export function isInstalled(pkg: Inputs, distDir: string): boolean {
  try {
    return fs.readFileSync(path.join(distDir, MARKER), 'utf8').trim() === fingerprint(pkg);
  } catch {
    return false;
  }
}

/** A version property of the descriptor (for messages): `<neo4j.version>5.26.19</neo4j.version>`. */
export function pomProperty(pom: string, name: string): string {
  const escaped = name.replace(/\./g, '\\.');
  const match = new RegExp(`<${escaped}>([^<]+)</${escaped}>`).exec(fs.readFileSync(pom, 'utf8'));
  return match ? match[1] : 'unknown';
}

function mavenCommand(pkg: MavenPackage): string {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new UserError(
      `Maven (mvn) is needed once, to download ${pkg.product} from Maven Central, but it was not found on PATH. ` +
        `Install Maven 3 (Debian: apt-get install maven), or ${pkg.alternative}.`,
    );
  }
  return 'mvn';
}

export async function ensureInstalled(pkg: MavenPackage, distDir: string, log: Log): Promise<void> {
  if (isInstalled(pkg, distDir)) return;
  const mvn = mavenCommand(pkg);
  removeAbandonedPartials(distDir);
  const partial = `${distDir}.partial-${process.pid}`;
  fs.rmSync(partial, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(distDir), { recursive: true });
  log(`Installing ${pkg.product} ${pkg.version} from Maven Central into ${distDir} (first run only, ${pkg.size})...`);
  const started = Date.now();
  try {
    await runMaven(mvn, pkg, partial, log);
    fs.writeFileSync(path.join(partial, MARKER), `${fingerprint(pkg)}\n`);
    fs.rmSync(distDir, { recursive: true, force: true });
    try {
      fs.renameSync(partial, distDir);
    } catch (error) {
      // Another process finished the same install first: theirs is as good as ours.
      if (!isInstalled(pkg, distDir)) throw error;
    }
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
  }
  log(`${pkg.product} installed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

/** Temporary folders of installs whose process was killed (no `finally` runs on SIGKILL). */
function removeAbandonedPartials(distDir: string): void {
  const prefix = `${path.basename(distDir)}.partial-`;
  let entries: string[];
  try {
    entries = fs.readdirSync(path.dirname(distDir));
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = Number(entry.slice(prefix.length));
    if (entry.startsWith(prefix) && Number.isInteger(pid) && pid > 0 && !isAlive(pid)) {
      fs.rmSync(path.join(path.dirname(distDir), entry), { recursive: true, force: true });
    }
  }
}

const UNITS = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 } as const;
const size = (amount: string, unit: string) => Number(amount) * UNITS[unit as keyof typeof UNITS];

function runMaven(mvn: string, pkg: MavenPackage, home: string, log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    // Not batch mode: Maven then reports the progress of each transfer ("Progress (1): 50/474 MB"), which shows
    // that a single large jar is still coming.
    const child = spawn(mvn, ['-f', pkg.pom, '-Dstyle.color=never', `-D${pkg.homeProperty}=${home}`, 'package'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (child.pid !== undefined) killWithThisProcess(child.pid, exitOf(child));
    const tail: string[] = [];
    let files = 0;
    let bytes = 0;
    let transfer = '';
    let lastReport = Date.now();
    const onLine = (line: string) => {
      const progress = /^Progress \(\d+\): (.*)$/.exec(line);
      if (progress) {
        transfer = progress[1].split(' | ').filter((part) => part.includes('/')).join(', ');
      } else {
        tail.push(line);
        if (tail.length > 20) tail.shift();
        const downloaded = /^(?:\[INFO\] )?Downloaded from [^:]+: \S+ \(([\d.]+) (B|kB|MB|GB)/.exec(line);
        if (downloaded) {
          files += 1;
          bytes += size(downloaded[1], downloaded[2]);
          transfer = '';
        }
      }
      if (Date.now() - lastReport > PROGRESS_EVERY_MS && (files > 0 || transfer)) {
        lastReport = Date.now();
        log(`  ... ${files} files downloaded (${(bytes / 1e6).toFixed(0)} MB)${transfer ? `; now ${transfer}` : ''}`);
      }
    };
    let buffer = '';
    const onData = (chunk: Buffer) => {
      // Progress lines end in a carriage return; colours are stripped in case the Maven version ignores style.color.
      buffer += chunk.toString('utf8').replace(/\x1b\[[0-9;]*m/g, '');
      const lines = buffer.split(/\r\n|\r|\n/);
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLine(line.trimEnd());
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (error) => reject(new UserError(`Could not run Maven: ${error.message}`)));
    child.on('close', (code) => {
      if (code === 0) return resolve();
      const reason = tail.find((line) => line.startsWith('[ERROR]'))?.replace(/^\[ERROR\]\s*|\s*-> \[Help \d+\]$/g, '');
      // Maven's advice on re-running it with -e or -X helps nobody who runs this project.
      const useful = tail.filter((line) => !/^\[ERROR\]\s*($|To see the full|Re-run Maven|For more information|\[Help \d+\])/.test(line));
      reject(
        new UserError(
          `Maven could not download ${pkg.product} ${pkg.version} (exit code ${code})` +
            `${reason ? `: ${reason}` : ''}. Is Maven Central reachable? Maven's last lines:\n` +
            useful.map((line) => `  ${line}`).join('\n'),
        ),
      );
    });
  });
}
