/**
 * Read-your-writes across replicas. The API keeps no state: a client that wrote through one replica (POST /articles
 * answers with the bookmarks of its write) sends them back in the X-Neo4j-Bookmarks header, and the replica that
 * answers its next query reads after them (on a cluster, a read secondary waits until it has caught up).
 */
import type { IncomingMessage } from 'node:http';
import { HttpError } from './http';

export const BOOKMARKS_HEADER = 'x-neo4j-bookmarks';

/** Bookmarks are opaque tokens of Neo4j (FB:kcwQ...): base64 and a prefix. */
const BOOKMARK = /^[A-Za-z0-9+/=:._-]{1,512}$/;
const MAX_BOOKMARKS = 32;

/** The bookmarks a request carries (none without the header); a malformed header is a 400. */
export function requestBookmarks(req: IncomingMessage): string[] {
  const header = req.headers[BOOKMARKS_HEADER];
  if (header === undefined) return [];
  const bookmarks = (Array.isArray(header) ? header.join(',') : header)
    .split(',')
    .map((bookmark) => bookmark.trim())
    .filter((bookmark) => bookmark !== '');
  if (bookmarks.length > MAX_BOOKMARKS || !bookmarks.every((bookmark) => BOOKMARK.test(bookmark))) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `The ${BOOKMARKS_HEADER} header must hold up to ${MAX_BOOKMARKS} bookmarks, separated by commas, as POST /articles returned them.`,
    );
  }
  return bookmarks;
}

/** The header value of bookmarks. */
export const formatBookmarks = (bookmarks: string[]): string => bookmarks.join(', ');
