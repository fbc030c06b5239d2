/** One CoreNLP server for a suite, through the real `corenlp:serve` entry point, and its orderly stop. */
import type { ChildProcess } from 'node:child_process';
import { EXTRACT_ANNOTATORS } from '../../src/extract/extract';
import { collect, startEntry, waitForOutput } from './entry-points';
import { eventually, runToken } from './processes';

export interface ServedCoreNLP {
  /** Its address, for CORENLP_URL. */
  url: string;
  /** The environment of the run (children started with it are counted as this run's). */
  env: Record<string, string>;
  /** Stops it and checks that no CoreNLP of this run is left. */
  stop(): Promise<void>;
}

/** Starts `npm run corenlp:serve` with the annotators extraction uses; resolves once it is ready. */
export async function serveCoreNLP(ms: number): Promise<ServedCoreNLP> {
  const run = runToken();
  const serve: ChildProcess = startEntry('src/cli/corenlp.ts', ['serve', '--annotators', EXTRACT_ANNOTATORS.join(',')], run.env, { detached: true });
  const { finished } = collect(serve);
  const stop = async () => {
    if (serve.exitCode === null) process.kill(-serve.pid!, 'SIGTERM');
    await finished;
    expect(await eventually(() => run.servers().length === 0, 30_000)).toBe(true);
  };
  try {
    const output = await waitForOutput(serve, 'is ready at', ms);
    return { url: /is ready at (http:\/\/127\.0\.0\.1:\d+)/.exec(output)![1], env: run.env, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
