/**
 * Reads an annotated article (YAML or JSON) and checks all of it before anything is written: its shape (zod),
 * then what the shape cannot say: the text is there, every span lies in the text and every quote is found at
 * its place, every reference names a fact declared in the article, keys are unique. Every problem is reported,
 * with the file, the field path and the reason.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { articleSchema, type Article, type EvidenceRef, type Span } from './format';

export interface Problem {
  file: string;
  /** The field, as a path into the document: people[1].evidence[0]. Empty for the whole file. */
  path: string;
  reason: string;
}

export interface ResolvedSpan {
  start: number;
  end: number;
  quote: string;
}

export interface ValidArticle {
  file: string;
  article: Article;
  /** The article text, as code points (offsets index into it). */
  characters: string[];
  text: string;
  /** The spans each fact cites, by the fact's path (people[0]) and for exchange sides (exchanges[0].sides[1]). */
  evidence: Map<string, ResolvedSpan[]>;
}

export type Validation = { ok: true; value: ValidArticle } | { ok: false; problems: Problem[] };

export function formatProblem(problem: Problem): string {
  return `${problem.file}${problem.path ? `: ${problem.path}` : ''}: ${problem.reason}`;
}

function zodPath(segments: ReadonlyArray<PropertyKey>): string {
  return segments.reduce<string>(
    (result, segment) => (typeof segment === 'number' ? `${result}[${segment}]` : result ? `${result}.${String(segment)}` : String(segment)),
    '',
  );
}

function parseFile(file: string, raw: string): { data?: unknown; problems: Problem[] } {
  if (file.endsWith('.json')) {
    try {
      return { data: JSON.parse(raw), problems: [] };
    } catch (error) {
      return { problems: [{ file, path: '', reason: `malformed JSON: ${(error as Error).message}` }] };
    }
  }
  const document = parseDocument(raw, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    return {
      problems: document.errors.map((error) => ({
        file,
        path: '',
        reason: `malformed YAML at line ${error.linePos?.[0].line ?? '?'}, column ${error.linePos?.[0].col ?? '?'}: ${error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  return { data: document.toJS(), problems: [] };
}

/** Reads and checks one file. Never throws for a bad file: the problems say what is wrong. */
export function validateFile(file: string): Validation {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file, path: '', reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` }] };
  }
  const parsed = parseFile(file, raw);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems };
  return validateData(file, parsed.data);
}

export function validateData(file: string, data: unknown): Validation {
  const shape = articleSchema.safeParse(data);
  if (!shape.success) {
    return { ok: false, problems: shape.error.issues.map((issue: z.core.$ZodIssue) => ({ file, path: zodPath(issue.path), reason: issue.message })) };
  }
  return checkMeaning(file, shape.data);
}

function readText(file: string, article: Article, problems: Problem[]): string | undefined {
  const { text, textFile } = article.source;
  if ((text === undefined) === (textFile === undefined)) {
    problems.push({ file, path: 'source', reason: 'give the article text in exactly one of source.text and source.textFile' });
    return undefined;
  }
  if (text !== undefined) return text;
  const resolved = path.resolve(path.dirname(file), textFile!);
  try {
    return fs.readFileSync(resolved, 'utf8');
  } catch {
    problems.push({ file, path: 'source.textFile', reason: `cannot read ${resolved}` });
    return undefined;
  }
}

function locate(span: Span, characters: string[], text: string): ResolvedSpan | string {
  if ('start' in span) {
    if (span.end <= span.start) return `end (${span.end}) must be after start (${span.start})`;
    if (span.end > characters.length) return `span ${span.start}-${span.end} is outside the text (${characters.length} characters)`;
    const quote = characters.slice(span.start, span.end).join('');
    if (span.quote !== undefined && span.quote !== quote) {
      return `quote does not match the text at ${span.start}-${span.end}: the text there is "${quote}"`;
    }
    return { start: span.start, end: span.end, quote };
  }
  const occurrence = span.occurrence ?? 1;
  let index = -1;
  for (let seen = 0; seen < occurrence; seen++) {
    index = text.indexOf(span.quote, index + 1);
    if (index < 0) {
      return seen === 0 ? `quote not found in the text: "${span.quote}"` : `quote occurs ${seen} time(s), not ${occurrence}: "${span.quote}"`;
    }
  }
  // Offsets are in code points: count those before the match.
  const start = [...text.slice(0, index)].length;
  return { start, end: start + [...span.quote].length, quote: span.quote };
}

const COLLECTIONS = ['countries', 'places', 'bodies', 'people', 'positions', 'occupancies', 'events', 'agreements', 'exchanges', 'claims'] as const;
type Collection = (typeof COLLECTIONS)[number];

function checkMeaning(file: string, article: Article): Validation {
  const problems: Problem[] = [];
  const text = readText(file, article, problems);
  if (text === undefined) return { ok: false, problems };
  const characters = [...text];

  const namedSpans = new Map<string, ResolvedSpan>();
  for (const [name, span] of Object.entries(article.spans)) {
    const located = locate(span, characters, text);
    if (typeof located === 'string') problems.push({ file, path: `spans.${name}`, reason: located });
    else namedSpans.set(name, located);
  }

  // Keys are unique across the article, and each belongs to one collection.
  const owner = new Map<string, Collection>();
  for (const collection of COLLECTIONS) {
    article[collection].forEach((fact, index) => {
      const previous = owner.get(fact.key);
      if (previous) problems.push({ file, path: `${collection}[${index}].key`, reason: `key '${fact.key}' is already used in ${previous}` });
      else owner.set(fact.key, collection);
    });
  }
  const expect = (at: string, value: string | undefined, ...allowed: Collection[]) => {
    if (value === undefined) return;
    const found = owner.get(value);
    if (!found) problems.push({ file, path: at, reason: `'${value}' is not declared in ${allowed.join(' or ')}` });
    else if (!allowed.includes(found)) problems.push({ file, path: at, reason: `'${value}' is in ${found}, not in ${allowed.join(' or ')}` });
  };
  const expectAll = (at: string, values: string[], ...allowed: Collection[]) =>
    values.forEach((value, index) => expect(`${at}[${index}]`, value, ...allowed));

  const evidence = new Map<string, ResolvedSpan[]>();
  const cite = (at: string, refs: EvidenceRef[]) => {
    const spans: ResolvedSpan[] = [];
    refs.forEach((ref, index) => {
      if (typeof ref === 'string') {
        const span = namedSpans.get(ref);
        if (span) spans.push(span);
        else if (!(ref in article.spans)) problems.push({ file, path: `${at}.evidence[${index}]`, reason: `'${ref}' is not declared in spans` });
      } else {
        const located = locate(ref, characters, text);
        if (typeof located === 'string') problems.push({ file, path: `${at}.evidence[${index}]`, reason: located });
        else spans.push(located);
      }
    });
    evidence.set(at, spans);
  };

  for (const collection of COLLECTIONS) article[collection].forEach((fact, index) => cite(`${collection}[${index}]`, fact.evidence));
  article.places.forEach((place, i) => {
    expect(`places[${i}].country`, place.country, 'countries');
    expect(`places[${i}].within`, place.within, 'places');
  });
  article.bodies.forEach((body, i) => expect(`bodies[${i}].country`, body.country, 'countries'));
  article.positions.forEach((position, i) => {
    expect(`positions[${i}].country`, position.country, 'countries');
    expect(`positions[${i}].body`, position.body, 'bodies');
  });
  article.occupancies.forEach((occupancy, i) => {
    expect(`occupancies[${i}].position`, occupancy.position, 'positions');
    expect(`occupancies[${i}].holder`, occupancy.holder, 'people');
  });
  article.events.forEach((event, i) => {
    expect(`events[${i}].partOf`, event.partOf, 'events');
    expect(`events[${i}].country`, event.country, 'countries');
    expect(`events[${i}].place`, event.place, 'places');
    expectAll(`events[${i}].between`, event.between, 'countries');
    event.participants.forEach((participant, j) => expect(`events[${i}].participants[${j}].person`, participant.person, 'people'));
  });
  article.agreements.forEach((agreement, i) => {
    expectAll(`agreements[${i}].parties`, agreement.parties, 'countries', 'bodies');
    expectAll(`agreements[${i}].signatories`, agreement.signatories, 'countries', 'bodies');
    expectAll(`agreements[${i}].signedDuring`, agreement.signedDuring, 'events');
  });
  article.exchanges.forEach((exchange, i) => {
    expect(`exchanges[${i}].partOf`, exchange.partOf, 'events');
    expectAll(`exchanges[${i}].documents`, exchange.documents, 'agreements');
    exchange.sides.forEach((side, j) => {
      const at = `exchanges[${i}].sides[${j}]`;
      expect(`${at}.country`, side.country, 'countries');
      expect(`${at}.person`, side.person, 'people');
      expectAll(`${at}.capacity`, side.capacity, 'occupancies');
      cite(at, side.evidence);
    });
    if (exchange.sides.length === 2 && exchange.sides[0].country === exchange.sides[1].country) {
      problems.push({ file, path: `exchanges[${i}].sides`, reason: 'the two sides of an exchange represent different countries' });
    }
  });
  article.claims.forEach((claim, i) => {
    expect(`claims[${i}].speaker`, claim.speaker, 'people');
    expect(`claims[${i}].actor`, claim.actor, 'countries');
    expect(`claims[${i}].madeAt`, claim.madeAt, 'events');
    expectAll(`claims[${i}].refersTo`, claim.refersTo, 'events');
  });

  if (problems.length) return { ok: false, problems };
  return { ok: true, value: { file, article, characters, text, evidence } };
}
