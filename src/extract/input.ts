/**
 * What the extractor reads: a text file (or stdin) with an optional front-matter header, checked before anything is
 * sent to CoreNLP (empty, binary, not UTF-8, too long, not English), and the page furniture found in it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors';

/** Texts above this are refused (the article format's own limit on a text). */
export const MAX_TEXT_BYTES = 1024 * 1024;

/** Why a text is refused before CoreNLP sees it: `too-large` is a size, the others its content. */
export type InputProblem = 'too-large' | 'binary' | 'encoding' | 'header' | 'empty' | 'too-short' | 'not-english';

/** A text the extractor will not read, and why (the message names where it came from). */
export class InputError extends UserError {
  constructor(
    readonly problem: InputProblem,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

export interface TextHeader {
  published?: string;
  source?: string;
  url?: string;
  id?: string;
}

export interface ExtractInput {
  /** Where it came from (a path, or 'stdin'), for messages. */
  where: string;
  /** The report itself (after the header): every offset counts from its start, in code points. */
  text: string;
  header: TextHeader;
}

const HEADER_KEYS: Record<string, keyof TextHeader> = { published: 'published', date: 'published', source: 'source', publisher: 'source', url: 'url', id: 'id' };

/**
 * Decodes and checks the bytes of one input. A header is an optional block at the very top between two lines of
 * `---`, with `published: 2025-04-11`, `source: NAME`, `url: URL` (and `id: ...`) lines.
 */
export function readInput(where: string, bytes: Buffer): ExtractInput {
  if (bytes.length > MAX_TEXT_BYTES) {
    throw new InputError('too-large', `${where}: the text is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 1 MB. Split the report into files of at most 1 MB.`);
  }
  if (bytes.includes(0)) throw new InputError('binary', `${where}: this is a binary file, not a text (it contains NUL bytes).`);
  let raw: string;
  try {
    raw = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('encoding', `${where}: the text is not valid UTF-8 (convert it first, e.g. iconv -f latin1 -t utf-8).`);
  }
  raw = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const header: TextHeader = {};
  let text = raw;
  const match = /^---\n([\s\S]*?)\n---\n/.exec(raw);
  if (match) {
    match[1].split('\n').forEach((line, index) => {
      if (line.trim() === '') return;
      const field = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
      const name = field ? HEADER_KEYS[field[1].toLowerCase()] : undefined;
      if (!field || !name) {
        throw new InputError('header', `${where}: header line ${index + 2} '${line}' is not one of published:, source:, url:, id:.`);
      }
      header[name] = field[2].replace(/^['"]|['"]$/g, '');
    });
    text = raw.slice(match[0].length);
  }
  if (text.trim() === '') throw new InputError('empty', `${where}: the text is empty.`);
  const words = text.match(/\p{L}+/gu) ?? [];
  if (words.length < 5) throw new InputError('too-short', `${where}: the text has only ${words.length} words; a news report is expected.`);
  const latin = words.filter((word) => /^[\p{Script=Latin}]+$/u.test(word)).length;
  const common = words.filter((word) => ENGLISH.has(word.toLowerCase())).length;
  if (latin / words.length < 0.6 || common / words.length < 0.05) {
    throw new InputError('not-english', `${where}: the text does not look like English (the extractor reads English reports only).`);
  }
  return { where, text, header };
}

const ENGLISH = new Set(['the', 'of', 'and', 'to', 'in', 'a', 'on', 'for', 'with', 'by', 'is', 'was', 'were', 'said', 'at', 'that', 'an', 'from', 'between', 'signed', 'has', 'had', 'will', 'also', 'two']);

/** Lines that are page furniture, never the report: navigation, sharing, related links, bylines, credits. */
const FURNITURE = [
  /^(share( this( article| story)?)?|tweet|e-?mail|print|facebook|twitter|x|whatsapp|linkedin|telegram|copy link|save)\s*:?(\s*[|·•/,]?\s*\w+)*\s*$/i,
  /^(print version|back to (list|top)|print|listen)\s*$/i,
  /^(read (also|more)|related( articles| stories| news)?|most read|more from|see also|also read|you may also like|recommended|trending|latest news|top stories)\b/i,
  /^(tags?|topics|filed under|categories)\s*:/i,
  /^(subscribe|sign up|newsletter|get our|follow us|join our)\b/i,
  /^(advertisement|sponsored|ad)\s*$/i,
  /^\d+\s+comments?\s*$|^comments?\s*(\(\d+\))?\s*$/i,
  /^(photo|image|picture|credit|source|file photo)\s*:/i,
  /^©|^copyright\b/i,
  /^by\s+[\p{Lu}][\p{L}.' -]+$/iu,
  /^(published|updated|posted|last updated)\b/i,
  /^\(?(reporting|writing|editing|additional reporting) by\b/i,
  /^(home|news|world|politics|business|region|asia|africa|europe|americas|opinion)(\s*[>›»|/]\s*[\w &-]+)+\s*$/i,
  /^for (media|press) (enquiries|inquiries)\b/i,
  /^(press release|press service|news in brief)\s*$/i,
  /^\d{1,2}:\d{2}\s*(am|pm)?\b.*$/i,
  /\bread more\s*$/i,
];

/** A line of dates and times only (a timestamp). */
function isTimestamp(line: string): boolean {
  const stripped = line
    .replace(/\b(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.?\b/gi, '')
    .replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|am|pm|gmt|utc|ist|cet|est|pst|hours?|minutes?|ago|updated|published)\b/gi, '')
    .replace(/[\d:/.,|-]/g, '')
    .trim();
  return stripped === '' && /\d/.test(line);
}

export interface Furniture {
  /** Code-point ranges [start, end) of lines that are not the report. */
  ranges: [number, number][];
  /** The headline (the first line, when it is short and has no closing period), never cited. */
  headline?: string;
}

/**
 * Finds the page furniture and the headline of a text. Before the first paragraph of the report (a line of 12 words
 * or more, or one ending a sentence), every short line is masthead, headline or page furniture; the headline is the
 * longest of them. After it, only lines that match the furniture patterns are furniture.
 */
export function findFurniture(text: string): Furniture {
  const ranges: [number, number][] = [];
  let headline: string | undefined;
  let offset = 0;
  let inBody = false;
  for (const line of text.split('\n')) {
    const length = Array.from(line).length;
    const trimmed = line.trim();
    if (trimmed !== '') {
      const words = trimmed.split(/\s+/).length;
      const isFurniture = FURNITURE.some((pattern) => pattern.test(trimmed)) || isTimestamp(trimmed);
      if (!inBody && !isFurniture && (words >= 12 || /[.!?”"]$/.test(trimmed))) inBody = true;
      if (isFurniture || !inBody) {
        ranges.push([offset, offset + length]);
        if (!isFurniture && !inBody && words >= 3 && (headline === undefined || words > headline.split(/\s+/).length)) headline = trimmed;
      }
    }
    offset += length + 1;
  }
  return { ranges, headline };
}

/** The text with furniture replaced by spaces, code point for code point: offsets do not move. */
export function blank(text: string, ranges: [number, number][]): string {
  const chars = Array.from(text);
  for (const [start, end] of ranges) for (let i = start; i < end; i++) if (chars[i] !== '\n') chars[i] = ' ';
  return chars.join('');
}

/** The texts to read: files as given, the .txt files of folders (sorted), or stdin. */
export function listTexts(inputs: string[]): string[] {
  const texts: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      texts.push('-');
      continue;
    }
    let stat;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new UserError(`${input}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      const found = fs.readdirSync(input).filter((name) => name.endsWith('.txt')).sort();
      if (found.length === 0) throw new UserError(`${input}: no .txt files in this folder`);
      texts.push(...found.map((name) => path.join(input, name)));
    } else texts.push(input);
  }
  return texts;
}

