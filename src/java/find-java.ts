/** Finds a Java runtime that a managed server runs on, or says clearly why there is none. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { UserError } from '../errors';

export interface Java {
  executable: string;
  major: number;
}

/** What a managed server needs from Java, and the words its messages use. */
export interface JavaNeed {
  /** Who runs on it: 'the managed Neo4j server'. */
  server: string;
  /** The product and version whose requirement it is: 'Neo4j 5.26'. */
  product: string;
  min: number;
  /** Undefined: any later version. */
  max?: number;
  /** The versions, as said to the user: '17 or 21', '11 or later'. */
  wanted: string;
  /** The way around it, ending the sentence: 'set NEO4J_URI to use a Neo4j server you already run'. */
  alternative: string;
}

/** JAVA_HOME's java when JAVA_HOME is set (the convention of every Java tool), else `java` on PATH. */
export function findJava(javaHome: string | undefined, need: JavaNeed): Java {
  const executable = javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
  const where = javaHome ? `JAVA_HOME (${executable})` : 'PATH';
  const probe = spawnSync(executable, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new UserError(
      `Java ${need.wanted} is needed to run ${need.server}, but no working java was found on ${where}. ` +
        'Install one (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME, ' +
        `or ${need.alternative}.`,
    );
  }
  const major = parseJavaMajor(`${probe.stderr}${probe.stdout}`);
  if (major === undefined || major < need.min || (need.max !== undefined && major > need.max)) {
    const range = need.max === undefined ? `${need.min} or later` : `${need.min} to ${need.max}`;
    throw new UserError(
      `${need.product} runs on Java ${range}, but the java on ${where} is ` +
        `${major === undefined ? 'of an unknown version' : `version ${major}`}. ` +
        `Set JAVA_HOME to a JDK ${need.wanted}.`,
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
