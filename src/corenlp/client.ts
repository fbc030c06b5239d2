/**
 * The typed client of a Stanford CoreNLP server (the managed one or CORENLP_URL's): `annotate(text)` posts the text
 * with the annotators the extraction needs and returns typed sentences, tokens, entity mentions, dependencies and
 * coreference chains, every offset in code points. Requests are bounded in size and time; every failure is a
 * CoreNLPError saying what went wrong and what to change.
 */
import { UserError } from '../errors';
import { AnnotationShapeError, toAnnotation, type Annotation } from './annotation';

/** What the extraction needs: tokens, sentences, parts of speech, lemmas, named entities, the dependency parse. */
export const DEFAULT_ANNOTATORS: readonly string[] = ['tokenize', 'ssplit', 'pos', 'lemma', 'ner', 'depparse'];
/**
 * The same plus coreference. CoreNLP's English default is the statistical model, which works on the dependency
 * parse; the neural one needs the constituency parser (`parse`), far slower (see docs/benchmarks.md).
 */
export const COREF_ANNOTATORS: readonly string[] = [...DEFAULT_ANNOTATORS, 'coref'];

export interface AnnotateOptions {
  /** Default: DEFAULT_ANNOTATORS. */
  annotators?: readonly string[];
  /** The document's date (YYYY-MM-DD): SUTime resolves "on Friday" against it; without it such dates stay relative. */
  date?: string;
  /** Further CoreNLP properties, e.g. `{ 'ssplit.newlineIsSentenceBreak': 'two' }`. */
  properties?: Readonly<Record<string, string>>;
}

export interface CoreNLPClient {
  /** The server's address, without a trailing slash. */
  readonly url: string;
  annotate(text: string, options?: AnnotateOptions): Promise<Annotation>;
  /** The server's CoreNLP version ('4.5.10'), from its home page; 'unknown' when the page does not say. */
  version(): Promise<string>;
}

export interface CoreNLPClientOptions {
  url: string;
  /** Bound of one request; the server is asked to give up at the same time. */
  requestTimeoutMs: number;
  /** Bound of one text, in code points. */
  maxChars: number;
  /** Explains a failed request when the caller knows more (the managed server has died, with its last lines). */
  explainFailure?: () => Promise<Error | undefined>;
}

/**
 * too-long, bad-input: this text cannot be sent as it is; timeout: it took too long (split it); unreachable,
 * stopped: no server to answer; server, response: the server failed or answered something unreadable.
 */
export type CoreNLPErrorKind = 'too-long' | 'bad-input' | 'unreachable' | 'stopped' | 'timeout' | 'server' | 'response';

/** A failed request; `kind` tells the caller whether splitting the text or retrying later can help. */
export class CoreNLPError extends UserError {
  constructor(
    readonly kind: CoreNLPErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'CoreNLPError';
  }
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
/** Extra time for the server's own timeout answer to arrive before the client gives up on it. */
const ANSWER_GRACE_MS = 5_000;

export function createCoreNLPClient(options: CoreNLPClientOptions): CoreNLPClient {
  const url = options.url.replace(/\/+$/, '');
  // The server's root handler answers its context path exactly: '/' for a server at the root.
  const endpoint = new URL(url).pathname === '/' ? `${url}/` : url;
  const seconds = (ms: number) => `${ms / 1000} s`;
  let version: Promise<string> | undefined;

  async function request(target: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    try {
      return await fetch(target, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const explained = await options.explainFailure?.();
      if (explained) throw explained;
      if ((error as Error).name === 'TimeoutError') {
        throw new CoreNLPError('timeout', `CoreNLP at ${url} did not answer within ${seconds(timeoutMs)} (CORENLP_TIMEOUT).`);
      }
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CoreNLPError(
        'unreachable',
        `Cannot reach CoreNLP at ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}. ` +
          'Check CORENLP_URL, or unset it to let the project run its own server.',
      );
    }
  }

  return {
    url,

    async annotate(text: string, annotateOptions: AnnotateOptions = {}): Promise<Annotation> {
      const annotators = [...(annotateOptions.annotators ?? DEFAULT_ANNOTATORS)];
      const length = [...text].length;
      if (length > options.maxChars) {
        throw new CoreNLPError(
          'too-long',
          `The text has ${length} characters, over the limit of ${options.maxChars} for one CoreNLP request ` +
            '(CORENLP_MAX_CHARS): split it, by paragraphs for instance, or raise the limit.',
        );
      }
      if (text.includes('\u0000')) {
        throw new CoreNLPError('bad-input', 'The text contains a NUL character: it looks binary, not text.');
      }
      if (annotateOptions.date !== undefined && !DATE.test(annotateOptions.date)) {
        throw new CoreNLPError('bad-input', `The document date must be YYYY-MM-DD, got '${annotateOptions.date}'.`);
      }
      const properties: Record<string, string> = {
        ...annotateOptions.properties,
        annotators: annotators.join(','),
        outputFormat: 'json',
        timeout: String(options.requestTimeoutMs),
        ...(annotateOptions.date !== undefined && { date: annotateOptions.date }),
      };
      const response = await request(
        `${endpoint}?properties=${encodeURIComponent(JSON.stringify(properties))}`,
        { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: text },
        options.requestTimeoutMs + ANSWER_GRACE_MS,
      );
      const body = await response.text();
      if (!response.ok) throw failedRequest(response.status, body, length, annotators);
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new CoreNLPError('response', `CoreNLP at ${url} answered with something that is not JSON: ${firstLine(body)}`);
      }
      try {
        return toAnnotation(text, annotators, json);
      } catch (error) {
        if (!(error instanceof AnnotationShapeError)) throw error;
        throw new CoreNLPError('response', `CoreNLP at ${url} answered with an annotation this client cannot read: ${error.message}`);
      }
    },

    version(): Promise<string> {
      version ??= (async () => {
        const response = await request(endpoint, { method: 'GET' }, 10_000);
        const page = await response.text();
        if (!response.ok) throw failedRequest(response.status, page, 0, []);
        return /id="version-num">\s*version\s+([\w.-]+)/.exec(page)?.[1] ?? 'unknown';
      })();
      version.catch(() => (version = undefined)); // a failed look-up is retried next time
      return version;
    },
  };

  function failedRequest(status: number, body: string, length: number, annotators: string[]): CoreNLPError {
    if (/timed out/i.test(body)) {
      return new CoreNLPError(
        'timeout',
        `CoreNLP did not finish annotating a text of ${length} characters within ${seconds(options.requestTimeoutMs)} ` +
          '(CORENLP_TIMEOUT): split the text, or raise the limit.',
      );
    }
    if (/too long/i.test(body)) {
      return new CoreNLPError('too-long', `CoreNLP at ${url} refused the text as too long: ${firstLine(body)}`);
    }
    const asked = annotators.length > 0 ? ` (annotators asked for: ${annotators.join(',')})` : '';
    return new CoreNLPError('server', `CoreNLP at ${url} answered HTTP ${status}: ${firstLine(body)}${asked}`);
  }
}

function firstLine(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}...` : line || '(empty answer)';
}
