/** Runs the project's real entry points (as `npm start` and the npm scripts do) in child processes. */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment a fresh shell would give, minus every setting of ours, plus `env`. */
export function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const base: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(NEO4J_|CORENLP_|AUTH_|MAVEN_OPTS$|PORT$|HOST$|SEED_ON_START$|GRAPHQL_|NODE_ENV$|JEST|DIPLOMATIC_GRAPH)/.test(key)) base[key] = value;
  }
  return { ...base, ...env };
}

export function startEntry(script: string, args: string[], env: Record<string, string>, options: { detached?: boolean } = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: cleanEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: options.detached ?? false,
  });
}

export function collect(child: ChildProcess): { output: () => Finished; finished: Promise<Finished> } {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const output = () => ({ code: child.exitCode, stdout, stderr });
  const finished = new Promise<Finished>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return { output, finished };
}

/** Runs an entry point to completion. */
export function runEntry(script: string, args: string[], env: Record<string, string>): Promise<Finished> {
  return collect(startEntry(script, args, env)).finished;
}

/** Resolves when `text` appears on the child's stdout; rejects if it exits first or after `ms`. */
export function waitForOutput(child: ChildProcess, text: string, ms: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`'${text}' not printed within ${ms} ms. Output:\n${seen}`)), ms);
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes(text)) {
        clearTimeout(timer);
        resolve(seen);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (seen += chunk.toString()));
    child.once('close', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing '${text}'. Output:\n${seen}`));
    });
  });
}

/** A stack trace line, which a user-facing error must never show. */
export const STACK_LINE = /^\s+at .+\(.+:\d+:\d+\)$|^\s+at .+:\d+:\d+$/m;

/** A failure the user can fix: exit code 1, one `error:` message matching `message`, no stack trace anywhere. */
export function expectCleanFailure(result: Finished, message: string | RegExp): void {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(/^error: /m);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(STACK_LINE);
  expect(result.stdout).not.toMatch(STACK_LINE);
}
