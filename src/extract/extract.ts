/**
 * Extraction of one report: checks the input, blanks the page furniture (offsets do not move), asks CoreNLP,
 * runs the rules and writes the draft article, which must pass the ingest's own validation.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Annotation } from '../corenlp/annotation';
import type { CoreNLPClient } from '../corenlp/client';
import { UserError } from '../errors';
import { validateData, type Problem } from '../ingest/validate';
import { AnnotatedText } from './document';
import { buildDraft } from './draft';
import { blank, findFurniture, type ExtractInput } from './input';
import type { Reading } from './reading';
import { read } from './rules';

/** The extractor's version, part of every drafted fact's provenance. Raise it when the rules change. */
export const EXTRACTOR_VERSION = 'extract/2';

export interface ExtractOptions {
  published?: string;
  source?: string;
  url?: string;
}

export interface Extraction {
  draft: Record<string, unknown>;
  reading: Reading;
  /** Problems the ingest's validation finds in the draft (none expected: a problem is an extractor bug). */
  problems: Problem[];
  /** Milliseconds in CoreNLP and in the rules. */
  timings: { corenlp: number; rules: number };
}

/** What the rules read: no dependency parse nor coreference (they cost time and the rules do without). */
export const EXTRACT_ANNOTATORS = ['tokenize', 'ssplit', 'pos', 'lemma', 'ner'] as const;
/** One sentence per line at least: table cells and captions stand alone. */
const CORENLP_PROPERTIES = { 'ssplit.newlineIsSentenceBreak': 'always' };

export function sourceId(where: string, text: string): string {
  if (where !== 'stdin') {
    const base = path.basename(where).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_.-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
    if (base) return base.slice(0, 200);
  }
  return textId(text);
}

/** The id of a text that has no file name: from its content, so the same text keeps its id (and loads idempotently). */
export function textId(text: string): string {
  let hash = 0;
  for (const char of text) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return `text-${hash.toString(16)}`;
}

/**
 * The options' own checks: a date as precise as known, an http(s) URL. `name` is how the caller calls an option
 * (--published on the command line, published in a JSON body).
 */
export function checkExtractOptions(options: ExtractOptions, name: (option: keyof ExtractOptions) => string): void {
  if (options.published !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(options.published)) {
    throw new UserError(`${name('published')} must be a date as precise as known (2025-04-11, 2025-04 or 2025): got '${options.published}'`);
  }
  if (options.url !== undefined && !/^https?:\/\/\S+$/.test(options.url)) throw new UserError(`${name('url')} must be an http(s) URL: got '${options.url}'`);
}

/** The annotation CoreNLP gives the report (furniture blanked), for the rules. */
export async function annotate(client: CoreNLPClient, text: string, published: string | undefined): Promise<Annotation> {
  const furniture = findFurniture(text);
  const date = published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : undefined;
  return client.annotate(blank(text, furniture.ranges), { annotators: EXTRACT_ANNOTATORS, date, properties: CORENLP_PROPERTIES });
}

/** The draft of a report from its annotation (pure: no server, so it can run on a stored annotation). */
export function draftFrom(input: ExtractInput, annotation: Annotation, options: ExtractOptions, corenlpVersion: string): Omit<Extraction, 'timings'> {
  const published = options.published ?? input.header.published;
  const furniture = findFurniture(input.text);
  const text = new AnnotatedText(input.text, annotation, published);
  const reading = read(text);
  const dateline = /^\s*([A-Z][A-Z .'-]{2,}?)\s*(?:,|:|\.|\s-)/m.exec(blank(input.text, []).split('\n').find((line) => /^\s*[A-Z][A-Z .'-]{2,}\s*(,|:|\.|\s-)/.test(line)) ?? '')?.[1];
  const draft = buildDraft(
    reading,
    {
      id: input.header.id ?? sourceId(input.where, input.text),
      name: furniture.headline,
      publisher: options.source ?? input.header.source,
      url: options.url ?? input.header.url,
      publishedOn: published,
      dateline: dateline && dateline.length < 40 ? dateline.trim() : undefined,
      text: input.text,
    },
    `${EXTRACTOR_VERSION} with CoreNLP ${corenlpVersion}`,
  );
  const validation = validateData(input.where, draft);
  return { draft, reading, problems: validation.ok ? [] : validation.problems };
}

export async function extract(client: CoreNLPClient, corenlpVersion: string, input: ExtractInput, options: ExtractOptions = {}): Promise<Extraction> {
  const published = options.published ?? input.header.published;
  const t0 = performance.now();
  const annotation = await annotate(client, input.text, published);
  const t1 = performance.now();
  const result = draftFrom(input, annotation, options, corenlpVersion);
  const t2 = performance.now();
  return { ...result, timings: { corenlp: t1 - t0, rules: t2 - t1 } };
}

/**
 * The annotation of a text, from a cache folder when the same text was annotated before with the same settings and
 * CoreNLP version (the evaluation re-runs the rules on unchanged texts), else from the server.
 */
export async function annotateCached(client: CoreNLPClient, corenlpVersion: string, text: string, published: string | undefined, cacheDir: string): Promise<Annotation> {
  const key = createHash('sha256').update(JSON.stringify([corenlpVersion, EXTRACT_ANNOTATORS, CORENLP_PROPERTIES, published ?? '', text])).digest('hex').slice(0, 32);
  const file = path.join(cacheDir, `${key}.json`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Annotation;
  } catch {
    const annotation = await annotate(client, text, published);
    fs.mkdirSync(cacheDir, { recursive: true });
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(annotation));
    fs.renameSync(`${file}.tmp`, file);
    return annotation;
  }
}
