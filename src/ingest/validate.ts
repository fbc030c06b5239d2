/**
 * Reads an annotated article (YAML or JSON) and checks all of it before anything is written, reporting every
 * problem of the file at once, each with the file, the field path and the reason:
 * - reading: size limits, UTF-8, malformed YAML or JSON (with line and column), YAML alias bombs;
 * - shape, fact by fact (zod): a bad fact is reported and left out of the meaning checks, the others are checked;
 * - meaning: the text is there (a textFile stays in the article's folder), every span lies in the text and every
 *   quote is found at its place, every reference names a fact of the right kind declared in the article (the fact
 *   model says which), keys are unique, periods end after they start, and no two facts would be one node.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { COLLECTIONS, MODEL, type Collection, type FactKind, type Reference } from '../model/facts';
import { articleSchema, collectionSchemas, sourceSchema, spanSchema, type Article, type EvidenceRef, type Span } from './format';
import { CollisionError, planArticle } from './plan';
import { LocalResolver } from './resolve';

/** The largest article file read (text and annotations). */
export const MAX_ARTICLE_FILE_BYTES = 4 * 1024 * 1024;
/** The largest article text: a news report is a few kilobytes; a megabyte is a book. */
export const MAX_TEXT_BYTES = 1024 * 1024;
/** YAML aliases expanded at most (a few are handy; thousands are an alias bomb). */
const MAX_YAML_ALIASES = 1000;

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
  /** The file (or, for an upload, the name standing for it in problems). */
  file: string;
  /** Where an article that is not a file came from (POST /articles), recorded on its ingestion instead of a path. */
  origin?: string;
  article: Article;
  /** The article text, as code points (offsets index into it). */
  characters: string[];
  text: string;
  /**
   * The spans each fact cites, by the fact's path (people[0]), and for the facts declared inside others
   * (exchanges[0].sides[1], events[0].participants[2]).
   */
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

const join = (prefix: string, at: string) => (at === '' ? prefix : at.startsWith('[') ? `${prefix}${at}` : `${prefix}.${at}`);
const sizeOf = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

/** Decodes bytes as UTF-8 text, refusing what is too large or not UTF-8. */
function decodeUtf8(bytes: Uint8Array, limit: number, what: string, over = 'is'): { text?: string; reason?: string } {
  if (bytes.length > limit) return { reason: `${over} ${sizeOf(bytes.length)}: ${what} may be at most ${sizeOf(limit)}` };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    return { reason: 'is not UTF-8 text (save it as UTF-8)' };
  }
}

/** Reads a text file whole, refusing what is too large or not UTF-8. */
function readUtf8(file: string, limit: number, what: string): { text?: string; reason?: string } {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    return { reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if (!stat.isFile()) return { reason: 'is not a regular file' };
  if (stat.size > limit) return { reason: `is ${sizeOf(stat.size)}: ${what} may be at most ${sizeOf(limit)}` };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    return { reason: `cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  return decodeUtf8(bytes, limit, what, 'is over');
}

export type ArticleSyntax = 'yaml' | 'json';

function parseArticle(file: string, raw: string, syntax: ArticleSyntax): { data?: unknown; problems: Problem[] } {
  if (syntax === 'json') {
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
  try {
    return { data: document.toJS({ maxAliasCount: MAX_YAML_ALIASES }), problems: [] };
  } catch (error) {
    return { problems: [{ file, path: '', reason: `YAML refused: ${(error as Error).message} (at most ${MAX_YAML_ALIASES} aliases are expanded)` }] };
  }
}

/** Reads and checks one file. Never throws for a bad file: the problems say what is wrong. */
export function validateFile(file: string): Validation {
  const read = readUtf8(file, MAX_ARTICLE_FILE_BYTES, 'an article file');
  if (read.text === undefined) return { ok: false, problems: [{ file, path: '', reason: read.reason! }] };
  const parsed = parseArticle(file, read.text, file.endsWith('.json') ? 'json' : 'yaml');
  if (parsed.problems.length) return { ok: false, problems: parsed.problems };
  return validateData(file, parsed.data);
}

/**
 * Checks an article received whole rather than read from a file (the body of POST /articles), with the same limits
 * and checks as a file. `name` stands for the file in problems. Its text must be inline: a `source.textFile` would
 * name a file of the machine that checks it, so it is refused.
 */
export function validateUpload(name: string, bytes: Uint8Array, syntax: ArticleSyntax): Validation {
  const read = decodeUtf8(bytes, MAX_ARTICLE_FILE_BYTES, 'an article');
  if (read.text === undefined) return { ok: false, problems: [{ file: name, path: '', reason: read.reason! }] };
  const parsed = parseArticle(name, read.text, syntax);
  if (parsed.problems.length) return { ok: false, problems: parsed.problems };
  return validateData(name, parsed.data, { textFiles: false });
}

export interface ValidateOptions {
  /** Whether source.textFile may name a file in the article's folder (true for files, false for uploads). */
  textFiles?: boolean;
}

const TOP_LEVEL = new Set(['source', 'spans', ...COLLECTIONS]);

/** An article whose bad facts are holes: the good ones keep their positions, so paths stay true. */
type Partial = Article;

/** Checks the shape fact by fact, then the meaning of every fact whose shape is right. */
export function validateData(file: string, data: unknown, options: ValidateOptions = {}): Validation {
  const textFiles = options.textFiles ?? true;
  const problems: Problem[] = [];
  const add = (at: string, issues: z.core.$ZodIssue[]) =>
    issues.forEach((issue) => problems.push({ file, path: join(at, zodPath(issue.path)), reason: issue.message }));
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [{ file, path: '', reason: 'must be a mapping with source and the facts of the article' }] };
  }
  const raw = data as Record<string, unknown>;
  for (const field of Object.keys(raw)) {
    if (!TOP_LEVEL.has(field)) problems.push({ file, path: '', reason: `unknown field '${field}' (expected ${[...TOP_LEVEL].join(', ')})` });
  }

  const source = sourceSchema.safeParse(raw.source);
  if (!source.success) add('source', source.error.issues);
  const spans: Record<string, Span> = {};
  const badSpans = new Set<string>();
  if (raw.spans !== undefined && (typeof raw.spans !== 'object' || raw.spans === null || Array.isArray(raw.spans))) {
    problems.push({ file, path: 'spans', reason: 'must be a mapping of span keys to spans' });
  } else {
    for (const [name, value] of Object.entries((raw.spans as Record<string, unknown> | undefined) ?? {})) {
      const span = spanSchema.safeParse(value);
      if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) problems.push({ file, path: `spans.${name}`, reason: 'must be a key: lower-case letters, digits and hyphens' });
      if (span.success) spans[name] = span.data;
      else {
        badSpans.add(name);
        add(`spans.${name}`, span.error.issues);
      }
    }
  }

  const partial = { source: source.success ? source.data : undefined, spans } as unknown as Record<string, unknown>;
  /** Keys of facts whose shape is wrong: declared, so references to them are not reported again. */
  const badKeys = new Map<string, Collection>();
  /** Facts whose shape is wrong, as written: their references are checked all the same. */
  const badFacts: RawFact[] = [];
  for (const collection of COLLECTIONS) {
    const facts = raw[collection] ?? [];
    if (!Array.isArray(facts)) {
      problems.push({ file, path: collection, reason: `must be a list of ${collection}` });
      partial[collection] = [];
      continue;
    }
    partial[collection] = facts.map((value, index) => {
      const parsed = (collectionSchemas[collection] as z.ZodType).safeParse(value);
      if (parsed.success) return parsed.data;
      add(`${collection}[${index}]`, parsed.error.issues);
      const key = (value as { key?: unknown } | null)?.key;
      if (typeof key === 'string') badKeys.set(key, collection);
      if (typeof value === 'object' && value !== null) badFacts.push({ at: `${collection}[${index}]`, kind: collection, fact: value as Record<string, unknown> });
      return undefined;
    });
  }
  checkMeaning(file, partial as unknown as Partial, source.success ? undefined : raw.source, { keys: badKeys, facts: badFacts, spans: badSpans }, textFiles, problems);
  if (problems.length) return { ok: false, problems };
  // Every part is right: the whole, with its defaults, is the article.
  const article = articleSchema.parse(data);
  const text = readText(file, article.source, textFiles, []);
  const characters = [...text!];
  return { ok: true, value: { file, article, characters, text: text!, evidence: citedSpans(article, spans, characters, text!, []) } };
}

/** The article text: given in place, or read from a file in the article's folder (or below it), never elsewhere. */
function readText(file: string, source: { text?: string; textFile?: string }, textFiles: boolean, problems: Problem[]): string | undefined {
  const { text, textFile } = source;
  if (!textFiles && textFile !== undefined) {
    problems.push({ file, path: 'source.textFile', reason: 'a text file cannot be named in an uploaded article: give the article text inline, in source.text' });
    return undefined;
  }
  if ((text === undefined) === (textFile === undefined)) {
    problems.push({ file, path: 'source', reason: 'give the article text in exactly one of source.text and source.textFile' });
    return undefined;
  }
  if (text !== undefined) {
    if (Buffer.byteLength(text) > MAX_TEXT_BYTES) {
      problems.push({ file, path: 'source.text', reason: `is ${sizeOf(Buffer.byteLength(text))}: an article text may be at most ${sizeOf(MAX_TEXT_BYTES)}` });
      return undefined;
    }
    return text;
  }
  const folder = path.dirname(path.resolve(file));
  const resolved = path.resolve(folder, textFile!);
  const refuse = (reason: string) => {
    problems.push({ file, path: 'source.textFile', reason });
    return undefined;
  };
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch {
    return refuse(`cannot read ${textFile}: no such file in ${folder}`);
  }
  const inside = path.relative(fs.realpathSync(folder), real);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    return refuse(`${textFile} is outside the article's folder (${folder}): a text file must be in that folder or below it`);
  }
  const read = readUtf8(real, MAX_TEXT_BYTES, 'an article text');
  if (read.text === undefined) return refuse(`${textFile} ${read.reason}`);
  return read.text;
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

/** Every fact of the article with its path, and the facts declared inside others. */
function* factsOf(article: Partial): Generator<{ at: string; kind: FactKind; fact: Record<string, unknown> & { evidence?: EvidenceRef[] } }> {
  for (const collection of COLLECTIONS) {
    for (const [index, fact] of (article[collection] as Array<Record<string, unknown> | undefined>).entries()) {
      if (fact === undefined) continue;
      yield { at: `${collection}[${index}]`, kind: collection, fact };
    }
  }
  for (const [i, exchange] of article.exchanges.entries()) {
    for (const [j, side] of (exchange?.sides ?? []).entries()) yield { at: `exchanges[${i}].sides[${j}]`, kind: 'sides', fact: side };
  }
  for (const [i, event] of article.events.entries()) {
    for (const [j, participant] of (event?.participants ?? []).entries()) {
      if (participant.label !== undefined) yield { at: `events[${i}].participants[${j}]`, kind: 'officials', fact: participant };
    }
  }
}

/** The spans each fact cites, resolved; problems for those that cannot be. */
function citedSpans(article: Partial, spans: Record<string, Span>, characters: string[], text: string, problems: Problem[], file = ''): Map<string, ResolvedSpan[]> {
  const named = new Map<string, ResolvedSpan>();
  for (const [name, span] of Object.entries(spans)) {
    const located = locate(span, characters, text);
    if (typeof located === 'string') problems.push({ file, path: `spans.${name}`, reason: located });
    else named.set(name, located);
  }
  const evidence = new Map<string, ResolvedSpan[]>();
  for (const { at, fact } of factsOf(article)) {
    const resolved: ResolvedSpan[] = [];
    (fact.evidence ?? []).forEach((ref, index) => {
      if (typeof ref === 'string') {
        const span = named.get(ref);
        if (span) resolved.push(span);
      } else {
        const located = locate(ref, characters, text);
        if (typeof located === 'string') problems.push({ file, path: `${at}.evidence[${index}]`, reason: located });
        else resolved.push(located);
      }
    });
    evidence.set(at, resolved);
  }
  return evidence;
}

interface RawFact {
  at: string;
  kind: FactKind;
  fact: Record<string, unknown>;
}

/** The facts declared inside a fact as written (before its shape is checked): sides, unnamed participants. */
function nestedRaw({ at, kind, fact }: RawFact): RawFact[] {
  const list = (field: string) => (Array.isArray(fact[field]) ? (fact[field] as unknown[]) : []);
  const objects = (field: string) =>
    list(field).flatMap((value, index) => (typeof value === 'object' && value !== null ? [{ index, value: value as Record<string, unknown> }] : []));
  if (kind === 'exchanges') return objects('sides').map(({ index, value }) => ({ at: `${at}.sides[${index}]`, kind: 'sides', fact: value }));
  if (kind === 'events') {
    return objects('participants').map(({ index, value }) => ({ at: `${at}.participants[${index}]`, kind: 'officials', fact: value }));
  }
  return [];
}

/** What is wrong with a fact: its shape (bad facts, their keys and spans); its references are checked all the same. */
interface Bad {
  keys: Map<string, Collection>;
  facts: RawFact[];
  spans: Set<string>;
}

function checkMeaning(file: string, article: Partial, rawSource: unknown, bad: Bad, textFiles: boolean, problems: Problem[]): void {
  const { keys: badKeys, spans: badSpans } = bad;
  // The text: from the source when its shape is right, else from whatever text it gives, to check the spans anyway.
  const given = (article.source ?? (typeof rawSource === 'object' && rawSource !== null ? rawSource : {})) as { text?: unknown; textFile?: unknown };
  const text = readText(
    file,
    { text: typeof given.text === 'string' ? given.text : undefined, textFile: typeof given.textFile === 'string' ? given.textFile : undefined },
    textFiles,
    article.source ? problems : [],
  );
  if (text !== undefined) {
    const spanProblems: Problem[] = [];
    citedSpans(article, article.spans, [...text], text, spanProblems, file);
    problems.push(...spanProblems);
  }

  // Keys are unique across the article, and each belongs to one collection.
  const owner = new Map<string, Collection>(badKeys);
  for (const collection of COLLECTIONS) {
    (article[collection] as Array<{ key: string } | undefined>).forEach((fact, index) => {
      if (fact === undefined) return;
      const previous = owner.get(fact.key);
      if (previous && badKeys.get(fact.key) !== collection) problems.push({ file, path: `${collection}[${index}].key`, reason: `key '${fact.key}' is already used in ${previous}` });
      else owner.set(fact.key, collection);
    });
  }
  const expect = (at: string, value: string | undefined, allowed: readonly Collection[]) => {
    if (value === undefined) return;
    const found = owner.get(value);
    if (!found) problems.push({ file, path: at, reason: `'${value}' is not declared in ${allowed.join(' or ')}` });
    else if (!allowed.includes(found)) problems.push({ file, path: at, reason: `'${value}' is in ${found}, not in ${allowed.join(' or ')}` });
  };

  for (const { at, kind, fact } of factsOf(article)) {
    for (const [field, ref] of Object.entries(MODEL[kind].refs) as Array<[string, Reference]>) {
      const value = fact[field] as string | string[] | undefined;
      if (ref.many) ((value as string[] | undefined) ?? []).forEach((target, index) => expect(`${at}.${field}[${index}]`, target, ref.targets));
      else expect(`${at}.${field}`, value as string | undefined, ref.targets);
    }
    (fact.evidence ?? []).forEach((ref, index) => {
      if (typeof ref === 'string' && !(ref in article.spans) && !badSpans.has(ref)) {
        problems.push({ file, path: `${at}.evidence[${index}]`, reason: `'${ref}' is not declared in spans` });
      }
    });
  }
  article.events.forEach((event, i) =>
    event?.participants.forEach((participant, j) => expect(`events[${i}].participants[${j}].person`, participant.person, ['people'])),
  );
  // The references of facts whose shape is wrong, where they are keys: all problems of the file at once.
  for (const raw of bad.facts.flatMap((fact) => [fact, ...nestedRaw(fact)])) {
    for (const [field, ref] of Object.entries(MODEL[raw.kind].refs) as Array<[string, Reference]>) {
      const value = raw.fact[field];
      if (typeof value === 'string') expect(`${raw.at}.${field}`, value, ref.targets);
      else if (Array.isArray(value)) value.forEach((target, index) => typeof target === 'string' && expect(`${raw.at}.${field}[${index}]`, target, ref.targets));
    }
    if (raw.kind === 'officials' && typeof raw.fact.person === 'string') expect(`${raw.at}.person`, raw.fact.person, ['people']);
  }

  // Periods end after they start.
  const ordered = (at: string, from: string | undefined, until: string | undefined) => {
    if (from !== undefined && until !== undefined && from.split('/')[0] > until.split('/').at(-1)!.padEnd(10, '\uffff')) {
      problems.push({ file, path: at, reason: `ends (${until}) before it starts (${from})` });
    }
  };
  article.agreements.forEach((agreement, i) => agreement && ordered(`agreements[${i}].validTo`, agreement.validFrom, agreement.validTo));
  article.occupancies.forEach((occupancy, i) => occupancy && ordered(`occupancies[${i}].heldUntil`, occupancy.heldFrom, occupancy.heldUntil));

  // No two facts would be one node (planned on their own, before resolution with the graph; that may find more).
  try {
    const source = article.source ?? { id: 'article' };
    planArticle({ file, article: { ...article, source }, characters: [], text: '', evidence: new Map() }, new LocalResolver());
  } catch (error) {
    if (!(error instanceof CollisionError)) throw error;
    problems.push(...error.problems);
  }
}
