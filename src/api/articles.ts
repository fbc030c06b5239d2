/**
 * POST /articles: a curator posts one annotated article (format v2, YAML or JSON). It is checked exactly as
 * `npm run ingest` checks a file, except that its text must be inline, and written by the same transactional ingest,
 * recording the token's subject as who loaded it. The answer is the ingest summary and the bookmarks of the write
 * (also in the X-Neo4j-Bookmarks header), which a client sends back to read its own write on any replica.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import neo4j, { type Driver } from 'neo4j-driver';
import { AuthError, type Authenticator, type Principal, type Role } from '../auth/tokens';
import { ingestArticles, type IngestSummary } from '../ingest/ingest';
import { MAX_ARTICLE_FILE_BYTES, validateUpload, type ArticleSyntax, type Problem } from '../ingest/validate';
import { BOOKMARKS_HEADER, formatBookmarks } from './bookmarks';
import { HttpError, readBody, sendError, sendJson, type Route } from './http';

/** What an uploaded article is called in its problems, and recorded as where it came from. */
export const UPLOAD_NAME = 'POST /articles';

const SYNTAXES: Array<[RegExp, ArticleSyntax]> = [
  [/^application\/json$/, 'json'],
  [/^(application|text)\/(x-)?yaml$/, 'yaml'],
];
const ACCEPTED = 'application/json (the article as JSON) or application/yaml, text/yaml (the article as YAML)';

/** The role a request needs, checked; an AuthError becomes its HTTP answer. */
export async function authorize(authenticator: Authenticator, req: IncomingMessage, role: Role): Promise<Principal> {
  try {
    return await authenticator.authorize(req.headers.authorization, role);
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    throw new HttpError(error.status, error.code, error.message, error.challenge ? { 'www-authenticate': error.challenge } : {});
  }
}

function syntaxOf(req: IncomingMessage): ArticleSyntax {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const found = SYNTAXES.find(([pattern]) => pattern.test(type));
  if (found) return found[1];
  if (type === 'text/plain') {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Raw text is not accepted here: draft the article first (npm run extract, or npm run ingest -- --extract on the command line), check it, and post it as ${ACCEPTED}.`);
  }
  throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', `Content-Type ${type || '(none)'} is not accepted: post the article as ${ACCEPTED}.`);
}

const problemsOf = (problems: Problem[]) => problems.map(({ path, reason }) => ({ path, reason }));

export interface ArticlesRouteOptions {
  driver: Driver;
  database: string;
  authenticator: Authenticator;
  log: (line: string) => void;
}

export function articlesRoute({ driver, database, authenticator, log }: ArticlesRouteOptions): Route {
  // One ingest at a time per process: the ingest resolves names against what the graph knows when it starts.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };

  return async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    if (req.method !== 'POST') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'POST an article to /articles.', { allow: 'POST' });
    }
    const principal = await authorize(authenticator, req, 'curator');
    const syntax = syntaxOf(req);
    const dryRun = ['1', 'true'].includes(url.searchParams.get('dryRun') ?? '');
    const checked = validateUpload(UPLOAD_NAME, await readBody(req, MAX_ARTICLE_FILE_BYTES), syntax);
    if (!checked.ok) {
      return sendError(res, 400, 'INVALID_ARTICLE', `The article has ${checked.problems.length} problem(s); nothing was written.`, {
        extra: { problems: problemsOf(checked.problems) },
      });
    }
    const article = { ...checked.value, origin: `${UPLOAD_NAME} by ${principal.subject}` };
    const bookmarkManager = neo4j.bookmarkManager();
    const summary = await serially(() => ingestArticles(driver, database, [article], { dryRun, loadedBy: principal.subject, bookmarkManager }));
    const source = `source:${article.article.source.id}`;
    if (summary.interrupted) {
      return sendError(res, 503, 'DATABASE_UNAVAILABLE', `The database failed; nothing was written (${summary.interrupted.reason}). Post the article again.`, {
        extra: { summary },
      });
    }
    if (summary.failures.length > 0) {
      const problems = summary.failures.flatMap((failure) => failure.problems);
      return sendError(res, 400, 'INVALID_ARTICLE', `The article cannot be written: ${problems.length} problem(s); nothing was written.`, {
        extra: { problems: problemsOf(problems), summary },
      });
    }
    const bookmarks = [...(await bookmarkManager.getBookmarks())];
    if (!dryRun) log(`${source} loaded by ${principal.subject}: ${outcome(summary)}.`);
    const headers: Record<string, string> = bookmarks.length ? { [BOOKMARKS_HEADER]: formatBookmarks(bookmarks) } : {};
    sendJson(res, summary.articles.new > 0 && !dryRun ? 201 : 200, { source, loadedBy: principal.subject, summary, bookmarks }, headers);
  };
}

const outcome = (summary: IngestSummary) => (summary.articles.new ? 'new' : summary.articles.corrected ? 'corrected' : 'unchanged');
