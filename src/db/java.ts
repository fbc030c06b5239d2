/** Finds a Java runtime that Neo4j 5.26 runs on (17 to 21), or says clearly why there is none. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { UserError } from '../errors';

export const MIN_JAVA = 17;
export const MAX_JAVA = 21;

export interface Java {
  executable: string;
  major: number;
}

/** JAVA_HOME's java when JAVA_HOME is set (the convention of every Java tool), else `java` on PATH. */
export function findJava(javaHome: string | undefined): Java {
  const executable = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
  const where = javaHome ? `JAVA_HOME (${executable})` : 'PATH';
  const probe = spawnSync(executable, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new UserError(
      `Java ${MIN_JAVA} or ${MAX_JAVA} is needed to run the managed Neo4j server, but no working java was found on ${where}. ` +
        'Install one (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME, ' +
        'or set NEO4J_URI to use a Neo4j server you already run.',
    );
  }
  const major = parseJavaMajor(`${probe.stderr}${probe.stdout}`);
  if (major === undefined || major < MIN_JAVA || major > MAX_JAVA) {
    throw new UserError(
      `Neo4j 5.26 runs on Java ${MIN_JAVA} to ${MAX_JAVA}, but the java on ${where} is ` +
        `${major === undefined ? 'of an unknown version' : `version ${major}`}. ` +
        `Set JAVA_HOME to a JDK ${MIN_JAVA} or ${MAX_JAVA}.`,
    );
  }
  return { executable, major };
}

/** `openjdk version "17.0.15"` -> 17; `java version "1.8.0_392"` -> 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
}
