/**
 * POST /extract: a curator posts a raw report as JSON (`{text, published?, source?, url?}`) and gets the draft
 * article (format v2, what `npm run extract -- --format json` writes) with what a page needs to show it: every fact
 * cites spans (offsets and quotes into `draft.source.text`), and `furniture` lists the lines that are not the report.
 * Nothing is written. Curators only: extraction runs a 3 GB NLP engine. The text is checked as the command line
 * checks a file; one text is read at a time (src/extract/service.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Authenticator } from '../auth/tokens';
import { CoreNLPError } from '../corenlp/client';
import { UserError } from '../errors';
import { checkExtractOptions, type ExtractOptions } from '../extract/extract';
import { InputError, MAX_TEXT_BYTES, readInput } from '../extract/input';
import { Busy, type ExtractionService } from '../extract/service';
import { authorize } from './articles';
import { HttpError, readBody, sendError, sendJson, type Route } from './http';

/** What a text is called in messages about it. */
export const EXTRACT_NAME = 'POST /extract';
/** A JSON body of a 1 MB text with its escapes (newlines and quotes take two bytes) and the options. */
const MAX_BODY_BYTES = 2 * MAX_TEXT_BYTES + 64 * 1024;
const FIELDS = ['text', 'published', 'source', 'url'] as const;

interface Request {
  text: string;
  options: ExtractOptions;
}

function parseRequest(body: Buffer): Request {
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new HttpError(400, 'BAD_REQUEST', 'The body must be a JSON object: {"text": "...", "published": "2025-04-11", "source": "...", "url": "..."}.');
  }
  const fields = json as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((name) => !(FIELDS as readonly string[]).includes(name));
  if (unknown.length) throw new HttpError(400, 'BAD_REQUEST', `Unknown field(s) ${unknown.join(', ')}: the fields are ${FIELDS.join(', ')}.`);
  for (const name of FIELDS) {
    if (fields[name] !== undefined && fields[name] !== null && typeof fields[name] !== 'string') {
      throw new HttpError(400, 'BAD_REQUEST', `${name} must be a string.`);
    }
  }
  if (typeof fields.text !== 'string') throw new HttpError(400, 'BAD_REQUEST', 'text is missing: post the report as {"text": "..."}.');
  // An empty field of a form is no value.
  const optional = (name: keyof ExtractOptions) => (typeof fields[name] === 'string' && (fields[name] as string).trim() !== '' ? (fields[name] as string).trim() : undefined);
  const options: ExtractOptions = { published: optional('published'), source: optional('source'), url: optional('url') };
  try {
    checkExtractOptions(options, (option) => option);
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', (error as Error).message);
  }
  return { text: fields.text, options };
}

/** What an extraction failure tells the client: its own text's fault (4xx) or the engine's (5xx). */
function refusal(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof InputError) return new HttpError(error.problem === 'too-large' ? 413 : 400, error.problem === 'too-large' ? 'PAYLOAD_TOO_LARGE' : 'INVALID_TEXT', error.message);
  if (error instanceof Busy) return new HttpError(503, 'EXTRACTOR_BUSY', error.message, { 'retry-after': String(error.retryAfterS) });
  if (error instanceof CoreNLPError) {
    if (error.kind === 'too-long') return new HttpError(413, 'PAYLOAD_TOO_LARGE', error.message);
    if (error.kind === 'bad-input') return new HttpError(400, 'INVALID_TEXT', error.message);
    if (error.kind === 'timeout') return new HttpError(504, 'EXTRACTOR_TIMEOUT', error.message);
    return new HttpError(503, 'EXTRACTOR_UNAVAILABLE', `The NLP engine failed: ${error.message}`);
  }
  // The managed CoreNLP could not start (no Java, no install, no memory...): the message says what to change.
  if (error instanceof UserError) return new HttpError(503, 'EXTRACTOR_UNAVAILABLE', error.message);
  return undefined;
}

export interface ExtractRouteOptions {
  service: ExtractionService;
  authenticator: Authenticator;
  log: (line: string) => void;
}

export function extractRoute({ service, authenticator, log }: ExtractRouteOptions): Route {
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'POST a text to /extract as JSON: {"text": "..."}.', { allow: 'POST' });
    }
    const principal = await authorize(authenticator, req, 'curator');
    const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    if (type !== 'application/json') {
      throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type ${type || '(none)'} is not accepted: post {"text": "...", "published"?, "source"?, "url"?} as application/json.`);
    }
    // The client that leaves while its text waits is not answered: its text is skipped.
    const gone = new AbortController();
    res.once('close', () => gone.abort());
    try {
      const { text, options } = parseRequest(await readBody(req, MAX_BODY_BYTES));
      const input = readInput(EXTRACT_NAME, Buffer.from(text, 'utf8'));
      const result = await service.extract(input, options, gone.signal);
      if (result.problems.length) log(`${EXTRACT_NAME} by ${principal.subject}: the draft fails validation (an extractor bug): ${result.problems.map((p) => `${p.path}: ${p.reason}`).join('; ')}`);
      sendJson(res, 200, {
        draft: result.draft,
        problems: result.problems.map(({ path, reason }) => ({ path, reason })),
        furniture: result.furniture,
        corenlp: result.corenlp,
        timings: { corenlp: Math.round(result.timings.corenlp), rules: Math.round(result.timings.rules) },
      });
    } catch (error) {
      if (gone.signal.aborted) return;
      const refused = refusal(error);
      if (!refused) throw error;
      if (refused.status >= 500) log(`${EXTRACT_NAME} by ${principal.subject}: ${refused.message}`);
      sendError(res, refused.status, refused.code, refused.message, { headers: refused.headers });
    }
  };
}
