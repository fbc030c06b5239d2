/**
 * Supervising the processes a managed server is: is it alive, wait for it to go, stop it (SIGTERM, then SIGKILL),
 * never leave it behind when this process exits, and keep the last lines it printed for error messages.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { Readable } from 'node:stream';

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Settles when a process this one did not launch is gone (polls its pid). */
export async function waitForExit(pid: number): Promise<void> {
  while (isAlive(pid)) await delay(100);
}

/** Settles when a child of this process has exited (at once if it already has). */
export function exitOf(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** True if `work` settles within `ms`; the timer never outlives the wait. */
export async function finishesWithin(work: Promise<void>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([work.then(() => true), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`; resolves once it is gone. */
export async function terminate(pid: number, exited: Promise<void>, graceMs: number): Promise<void> {
  signal(pid, 'SIGTERM');
  if (!(await finishesWithin(exited, graceMs))) {
    signal(pid, 'SIGKILL');
    await exited;
  }
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
}

/**
 * An attached server must not outlive this process, however it ends: an exit hook kills it (an exit hook cannot
 * wait, so it is SIGKILL). Ctrl-C and SIGTERM reach the hook through the entry point's orderly shutdown.
 */
export function killWithThisProcess(pid: number, exited: Promise<void>): void {
  const killNow = () => {
    if (isAlive(pid)) signal(pid, 'SIGKILL');
  };
  process.once('exit', killNow);
  void exited.then(() => process.removeListener('exit', killNow));
}

/** The last lines of a log file, indented, for an error message. */
export function lastLines(file: string, count: number): string {
  try {
    return indent(fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count));
  } catch {
    return '  (no output)';
  }
}

function indent(lines: string[]): string {
  return lines.length === 0 ? '  (no output)' : lines.map((line) => `  ${line}`).join('\n');
}

/** The last lines a child printed on its pipes (the output of a server that has no log file of its own). */
export class OutputTail {
  private readonly kept: string[] = [];
  private partial = '';
  private readonly watchers: Array<(line: string) => void> = [];

  constructor(private readonly max = 200) {}

  attach(stream: Readable | null): void {
    stream?.on('data', (chunk: Buffer) => {
      const lines = (this.partial + chunk.toString('utf8')).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) this.push(line.replace(/\r$/, ''));
    });
  }

  /** Calls `watch` with each complete line from now on. */
  onLine(watch: (line: string) => void): void {
    this.watchers.push(watch);
  }

  /** The last `count` lines, indented, the unfinished one included. */
  last(count: number): string {
    return indent([...this.kept, ...(this.partial ? [this.partial] : [])].slice(-count));
  }

  private push(line: string): void {
    this.kept.push(line);
    if (this.kept.length > this.max) this.kept.shift();
    for (const watch of this.watchers) watch(line);
  }
}
