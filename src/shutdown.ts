/**
 * Orderly shutdown for long-running entry points: cleanups run in reverse order of registration on Ctrl-C,
 * SIGTERM or SIGHUP, so the API stops before the database it uses. A second signal exits at once (an attached
 * Neo4j is then killed by its exit hook).
 */
type Cleanup = () => Promise<void>;

const cleanups: Cleanup[] = [];
let shuttingDown: Promise<void> | undefined;

export function onShutdown(cleanup: Cleanup): void {
  cleanups.push(cleanup);
}

export function shutdown(): Promise<void> {
  shuttingDown ??= (async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        process.stderr.write(`error while shutting down: ${(error as Error).message}\n`);
        process.exitCode = 1;
      }
    }
  })();
  return shuttingDown;
}

export function exitOnSignals(log: (line: string) => void): void {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (shuttingDown) process.exit(1);
      log(`${signal} received, shutting down...`);
      void shutdown().then(() => process.exit());
    });
  }
}
