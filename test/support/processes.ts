import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { PROCESS_MARKER } from '../../src/corenlp/managed-corenlp';

/** Pids of live processes whose command line contains `text` (Linux /proc). */
export function processesMatching(text: string): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) pids.push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  return pids;
}

/** The Neo4j servers running on a data folder (the managed server carries it on its command line). */
export function neo4jServersOf(dataDir: string): number[] {
  return processesMatching(`-Ddiplomatic.graph.instance=${dataDir}\0`);
}

/** The managed CoreNLP servers running on this machine (each carries the marker on its command line). */
export function corenlpServers(): number[] {
  return processesMatching(PROCESS_MARKER);
}

/** The managed CoreNLP servers this process started (in a test, through the code under test: their parent is us). */
export function corenlpChildren(): number[] {
  return corenlpServers().filter((pid) => {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid ...", comm may hold spaces: read after its closing parenthesis.
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.pid;
    } catch {
      return false; // ended while we looked
    }
  });
}

/**
 * A token for the environment of a child process: the servers it starts inherit it, so `servers()` lists those and
 * only those (other runs on the machine may have CoreNLP servers of their own).
 */
export function runToken(): { env: Record<string, string>; servers(): number[] } {
  const entry = `TEST_RUN_TOKEN=${randomUUID()}`;
  return {
    env: { TEST_RUN_TOKEN: entry.slice('TEST_RUN_TOKEN='.length) },
    servers: () =>
      corenlpServers().filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(entry);
        } catch {
          return false; // ended while we looked
        }
      }),
  };
}

export async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
}
