/**
 * Extraction inside a long-running process (the API's POST /extract): one text at a time through a short queue,
 * CoreNLP opened at the first text (the managed server started then, or CORENLP_URL's), opened again after a managed
 * server died, and stopped with the process. A full queue is refused at once with an estimate of when to come back.
 */
import type { Config } from '../config';
import { EXTRACT_ANNOTATORS, extract, textId, type Extraction, type ExtractOptions } from './extract';
import { findFurniture, type ExtractInput } from './input';
import { openCoreNLP, type OpenCoreNLP } from '../corenlp/open';
import { UserError } from '../errors';

/** Texts that may wait behind the one being read. */
export const MAX_WAITING = 2;

/** The queue is full: come back in `retryAfterS` seconds. */
export class Busy extends Error {
  constructor(readonly retryAfterS: number) {
    super(`The extractor is busy with ${MAX_WAITING + 1} texts (one at a time): try again in about ${retryAfterS} s.`);
    this.name = 'Busy';
  }
}

export interface ServiceExtraction extends Extraction {
  /** The CoreNLP version that read the text. */
  corenlp: string;
  /** Code-point ranges of the page furniture (masthead, headline, share buttons...): never cited. */
  furniture: [number, number][];
}

export interface ExtractionService {
  /**
   * Drafts one checked text; waits its turn, or throws Busy when the queue is full. A text whose `signal` is aborted
   * (its client went away) is skipped when its turn comes.
   */
  extract(input: ExtractInput, options: ExtractOptions, signal?: AbortSignal): Promise<ServiceExtraction>;
  /** Texts being read or waiting. */
  readonly pending: number;
  /** Stops the managed CoreNLP, if one was started; later texts are refused. */
  stop(): Promise<void>;
}

/** A first guess of one text's time, before any was measured (CoreNLP's start counts in the first). */
const FIRST_GUESS_S = 60;

export function createExtractionService(config: Readonly<Config>, log: (line: string) => void): ExtractionService {
  let opening: Promise<OpenCoreNLP> | undefined;
  let stopped = false;
  let pending = 0;
  let queue: Promise<unknown> = Promise.resolve();
  let lastSeconds = FIRST_GUESS_S;

  const corenlp = (): Promise<OpenCoreNLP> => {
    if (!opening) {
      const opened = openCoreNLP(config, log, { preload: EXTRACT_ANNOTATORS });
      opening = opened;
      opened.then(
        (open) =>
          // A managed server that dies is started again at the next text (the text that met its death gets the error).
          void open.managed?.gone().then((death) => {
            if (death && opening === opened) {
              log(death.message);
              opening = undefined;
            }
          }),
        () => {
          if (opening === opened) opening = undefined;
        },
      );
    }
    return opening;
  };

  const run = async (input: ExtractInput, options: ExtractOptions, signal?: AbortSignal): Promise<ServiceExtraction> => {
    signal?.throwIfAborted();
    if (stopped) throw new UserError('The extractor is stopping with the API.');
    const started = performance.now();
    const open = await corenlp();
    if (stopped) throw new UserError('The extractor is stopping with the API.');
    const named: ExtractInput = { ...input, header: { ...input.header, id: input.header.id ?? textId(input.text) } };
    const result = await extract(open.client, open.version, named, options);
    lastSeconds = (performance.now() - started) / 1000;
    return { ...result, corenlp: open.version, furniture: findFurniture(input.text).ranges };
  };

  return {
    get pending() {
      return pending;
    },
    extract(input, options, signal) {
      if (pending > MAX_WAITING) throw new Busy(Math.max(1, Math.ceil(pending * lastSeconds)));
      pending++;
      const turn = queue.then(() => run(input, options, signal));
      queue = turn.catch(() => undefined);
      return turn.finally(() => pending--);
    },
    async stop() {
      stopped = true;
      const open = opening;
      opening = undefined;
      if (open) await open.then((o) => o.close(), () => undefined);
    },
  };
}
