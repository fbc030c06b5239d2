/**
 * The real API (`src/main.ts`, as `npm start` runs it) in a child process against a given Neo4j, for the load
 * and memory measurements: its peak resident memory is read from /proc (VmHWM) when it is stopped.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Neo4jConnectionConfig } from '../src/config';
import { PROJECT_ROOT } from '../src/config';
import { freePort } from '../test/support/test-neo4j';

/** USER_HZ of Linux: 100 on every common architecture. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ApiProcess {
  url: string;
  /** Peak resident set size so far, in MiB (Linux). */
  peakRssMiB(): number;
  /** CPU time the API process has used so far (user and system), in milliseconds (Linux). */
  cpuMs(): number;
  stop(): Promise<void>;
}

/**
 * `connection`: the credentials in use (a managed server's generated password: `Database.connection`);
 * `nodeArgs`: extra options for node, such as --cpu-prof.
 */
export async function startApiProcess(
  connection: Readonly<Neo4jConnectionConfig>,
  { nodeArgs = [] }: { nodeArgs?: string[] } = {},
): Promise<ApiProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', path.join(PROJECT_ROOT, 'src', 'main.ts')], {
    cwd: PROJECT_ROOT,
    env: {
      ...process.env,
      NEO4J_URI: connection.uri,
      NEO4J_PASSWORD: connection.password,
      NEO4J_USERNAME: connection.username,
      NEO4J_DATABASE: connection.database,
      PORT: String(port),
      SEED_ON_START: 'false',
      // The plans' warm-up would run during the measurements' first rounds: the benchmarks warm up on their own.
      API_WARM_UP: process.env.API_WARM_UP ?? 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the API did not start within 180 s:\n${output}`)), 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('GraphQL API ready')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the API exited with ${code}:\n${output}`));
    });
  });
  const peakRssMiB = () => {
    const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
  };
  const cpuMs = () => {
    // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses: utime and stime, in clock ticks.
    const fields = fs.readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  };
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    peakRssMiB,
    cpuMs,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
