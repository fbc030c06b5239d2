/**
 * The entry points stop the CoreNLP server they start: after `corenlp:annotate` finishes, after Ctrl-C or SIGTERM on
 * `corenlp:serve` (ready or still loading its models), no CoreNLP JVM of theirs is left. Most servers here load
 * only the tokenizer (quick): which models load does not change how the process is started and stopped.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { collect, runEntry, startEntry, waitForOutput } from './support/entry-points';
import { eventually, runToken } from './support/processes';

const CLI = 'src/cli/corenlp.ts';
const LIGHT = ['--annotators', 'tokenize,ssplit'];
const SLOW_MS = 600_000;

describe('corenlp:annotate and corenlp:serve', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'diplomatic-graph-corenlp-life-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('annotate starts a server for the run, prints the annotation and leaves no server behind', async () => {
    const file = path.join(scratch, 'text.txt');
    fs.writeFileSync(file, 'The delegation arrived on Monday. Talks began at noon.');
    const run = runToken();
    const result = await runEntry(CLI, ['annotate', file, ...LIGHT], run.env);
    expect(result.stderr).toContain('CoreNLP is up on http://127.0.0.1:');
    expect(result.stderr).toContain('Stopping CoreNLP...');
    expect(result.code).toBe(0);
    const annotation = JSON.parse(result.stdout) as { sentences: unknown[]; tokens: Array<{ originalText: string }> };
    expect(annotation.sentences).toHaveLength(2);
    expect(annotation.tokens.map((t) => t.originalText).slice(0, 5)).toEqual(['The', 'delegation', 'arrived', 'on', 'Monday']);
    expect(run.servers()).toEqual([]);
  }, SLOW_MS);

  it.each([
    ['Ctrl-C (SIGINT to the whole process group, as a terminal sends it), once ready', 'SIGINT', true, LIGHT, 'is ready at'],
    // The default annotators take many seconds to load: the signal surely comes first.
    ['SIGTERM to the main process alone, while the models load', 'SIGTERM', false, [], 'Starting CoreNLP on'],
  ] as const)('serve stops its server on %s', async (_name, signal, group, annotators, waitFor) => {
    const run = runToken();
    const serve = startEntry(CLI, ['serve', ...annotators], run.env, { detached: true });
    const { finished } = collect(serve);
    try {
      await waitForOutput(serve, waitFor, SLOW_MS);
      expect(await eventually(() => run.servers().length === 1, 30_000)).toBe(true);
      process.kill(group ? -serve.pid! : serve.pid!, signal);
      const result = await finished;
      expect(result.stdout).toContain(`${signal} received, shutting down...`);
      if (waitFor !== 'is ready at') expect(result.stdout).not.toContain('is ready at');
      expect(result.code).toBe(0);
      expect(await eventually(() => run.servers().length === 0, 10_000)).toBe(true);
    } finally {
      if (serve.exitCode === null) process.kill(-serve.pid!, 'SIGKILL');
      for (const pid of run.servers()) process.kill(pid, 'SIGKILL');
    }
  }, SLOW_MS);
});
