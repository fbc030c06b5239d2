/**
 * What CoreNLP says about a text, typed for the extraction rules, and the conversion from the server's JSON.
 *
 * Conventions: every index is 0-based; tokens are numbered across the whole document (`Annotation.tokens[i].index
 * === i`), and dependencies, mentions and coreference refer to tokens by that number; `start`/`end` are offsets in
 * Unicode code points of the text sent, like every offset of the project (CoreNLP counts Java chars, UTF-16 code
 * units: a character outside the Basic Multilingual Plane, such as an emoji, counts 2 there and 1 here).
 */
import { z } from 'zod';

export interface Token {
  /** Position in the document (`Annotation.tokens`). */
  index: number;
  /** The sentence it belongs to (`Annotation.sentences`). */
  sentence: number;
  /** The token as the tokenizer normalised it. */
  word: string;
  /** The token exactly as in the text: always `text` between `start` and `end`. */
  originalText: string;
  start: number;
  end: number;
  /** The whitespace before and after it in the text. */
  before: string;
  after: string;
  /** Present when the matching annotator ran (`lemma`, `pos`, `ner`). */
  lemma?: string;
  pos?: string;
  /** Named-entity class, 'O' when none: PERSON, TITLE, NATIONALITY, COUNTRY, CITY, ORGANIZATION, DATE... */
  ner?: string;
  /** The normalised value of a DATE, NUMBER... token ('2025-04-08' for "Tuesday" given the document date). */
  normalizedNer?: string;
}

/** A grammatical relation, by token index; the root's governor is null. */
export interface Dependency {
  relation: string;
  governor: number | null;
  dependent: number;
}

export interface Sentence {
  index: number;
  /** Offsets of its first token's start and last token's end. */
  start: number;
  end: number;
  /** Its tokens are `Annotation.tokens` from `tokenStart` (inclusive) to `tokenEnd` (exclusive). */
  tokenStart: number;
  tokenEnd: number;
  /** Basic Universal Dependencies (empty unless `depparse` ran). */
  dependencies: Dependency[];
  /** Enhanced++ dependencies (conjuncts propagated, prepositions in relation names; empty unless `depparse` ran). */
  enhancedDependencies: Dependency[];
}

/**
 * A named-entity mention: consecutive tokens of one class. CoreNLP also lists personal pronouns ("She", "his") as
 * PERSON mentions (their tokens' own `ner` is 'O'): check the tokens' `pos` (PRP, PRP$) to tell them from names.
 */
export interface EntityMention {
  /** The words exactly as in the text (`start` to `end`). */
  text: string;
  ner: string;
  start: number;
  end: number;
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** The normalised value of a DATE, DURATION, NUMBER, MONEY... mention. */
  normalized?: string;
  /** The classifier's probability for `ner`, when CoreNLP reports one (not for rule-based classes such as TITLE). */
  confidence?: number;
  /** SUTime's reading of a time expression: type DATE, TIME, DURATION or SET and its value ('2025-04-08', 'XXXX-WXX-5'). */
  timex?: { type: string; value?: string; altValue?: string };
}

export interface CorefMention {
  /** The words exactly as in the text (CoreNLP's own text of a mention joins its tokens with spaces). */
  text: string;
  sentence: number;
  tokenStart: number;
  tokenEnd: number;
  /** The head token of the mention. */
  head: number;
  start: number;
  end: number;
  /** PROPER, NOMINAL, PRONOMINAL or LIST. */
  type: string;
  number: string;
  gender: string;
  animacy: string;
}

/** Mentions CoreNLP takes to refer to the same entity, in text order. */
export interface CorefChain {
  id: number;
  mentions: CorefMention[];
  /** Index in `mentions` of the most informative one (usually the first proper name). */
  representative: number;
}

export interface Annotation {
  /** The text annotated, exactly as sent. */
  text: string;
  annotators: string[];
  sentences: Sentence[];
  tokens: Token[];
  /** Named-entity mentions of the whole document, in text order. */
  mentions: EntityMention[];
  /** Empty unless `coref` ran. */
  corefChains: CorefChain[];
}

// The server's JSON, as far as the types above read it (other fields are ignored).
const offsets = { characterOffsetBegin: z.int().min(0), characterOffsetEnd: z.int().min(0) };
const rawToken = z.object({
  index: z.int().min(1),
  word: z.string(),
  originalText: z.string(),
  ...offsets,
  before: z.string().default(''),
  after: z.string().default(''),
  lemma: z.string().optional(),
  pos: z.string().optional(),
  ner: z.string().optional(),
  normalizedNER: z.string().optional(),
});
const rawDependency = z.object({ dep: z.string(), governor: z.int().min(0), dependent: z.int().min(1) });
const rawMention = z.object({
  docTokenBegin: z.int().min(0),
  docTokenEnd: z.int().min(0),
  text: z.string(),
  ...offsets,
  ner: z.string(),
  normalizedNER: z.string().optional(),
  nerConfidences: z.record(z.string(), z.number()).optional(),
  timex: z.object({ type: z.string(), value: z.string().optional(), altValue: z.string().optional() }).optional(),
});
const rawSentence = z.object({
  index: z.int().min(0),
  tokens: z.array(rawToken),
  basicDependencies: z.array(rawDependency).optional(),
  enhancedPlusPlusDependencies: z.array(rawDependency).optional(),
  entitymentions: z.array(rawMention).optional(),
});
const rawCorefMention = z.object({
  text: z.string(),
  type: z.string(),
  number: z.string(),
  gender: z.string(),
  animacy: z.string(),
  startIndex: z.int().min(1),
  endIndex: z.int().min(1),
  headIndex: z.int().min(1),
  sentNum: z.int().min(1),
  isRepresentativeMention: z.boolean(),
});
export const rawDocument = z.object({
  sentences: z.array(rawSentence),
  corefs: z.record(z.string(), z.array(rawCorefMention)).optional(),
});
export type RawDocument = z.infer<typeof rawDocument>;

/** The server answered something these types cannot describe truthfully. */
export class AnnotationShapeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AnnotationShapeError';
  }
}

/**
 * Maps UTF-16 offsets (Java's, JavaScript's string indices) of `text` to code-point offsets. An offset inside a
 * surrogate pair, or past the end, is an error: it cannot come from a tokenizer that read this text.
 */
export function utf16ToCodePoints(text: string): (offset: number) => number {
  const table = new Uint32Array(text.length + 1);
  let points = 0;
  for (let unit = 0; unit < text.length; unit++) {
    table[unit] = points;
    const code = text.charCodeAt(unit);
    const next = text.charCodeAt(unit + 1);
    if (code >= 0xd800 && code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      unit += 1;
      table[unit] = 0xffffffff; // inside a pair
    }
    points += 1;
  }
  table[text.length] = points;
  return (offset) => {
    const points = Number.isInteger(offset) && offset >= 0 && offset <= text.length ? table[offset] : 0xffffffff;
    if (points === 0xffffffff) {
      throw new AnnotationShapeError(`offset ${offset} is not a character boundary of the text (${text.length} UTF-16 units)`);
    }
    return points;
  };
}

/** Builds the typed annotation of `text` from the server's JSON (`outputFormat: json`). */
export function toAnnotation(text: string, annotators: string[], json: unknown): Annotation {
  const parsed = rawDocument.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AnnotationShapeError(`unexpected JSON at ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  const doc = parsed.data;
  const toPoints = utf16ToCodePoints(text);
  const characters = [...text];
  const quote = (start: number, end: number) => characters.slice(start, end).join('');
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  const mentions: EntityMention[] = [];
  // Coreference refers to (sentence number, token number in it): keep where each sentence starts.
  const firstTokenOf: number[] = [];

  for (const [sentenceIndex, raw] of doc.sentences.entries()) {
    const tokenStart = tokens.length;
    firstTokenOf.push(tokenStart);
    for (const token of raw.tokens) {
      const begin = token.characterOffsetBegin;
      const finish = token.characterOffsetEnd;
      if (text.slice(begin, finish) !== token.originalText) {
        throw new AnnotationShapeError(
          `token ${tokens.length} "${token.originalText}" is not the text at its offsets ${begin}-${finish} ` +
            `("${text.slice(begin, finish)}"): the server did not annotate the text that was sent`,
        );
      }
      tokens.push({
        index: tokens.length,
        sentence: sentenceIndex,
        word: token.word,
        originalText: token.originalText,
        start: toPoints(begin),
        end: toPoints(finish),
        before: token.before,
        after: token.after,
        ...(token.lemma !== undefined && { lemma: token.lemma }),
        ...(token.pos !== undefined && { pos: token.pos }),
        ...(token.ner !== undefined && { ner: token.ner }),
        ...(token.normalizedNER !== undefined && { normalizedNer: token.normalizedNER }),
      });
    }
    const tokenEnd = tokens.length;
    const inSentence = (position: number) => {
      if (position < 1 || position > tokenEnd - tokenStart) {
        throw new AnnotationShapeError(`sentence ${sentenceIndex}: a dependency names token ${position} of ${tokenEnd - tokenStart}`);
      }
      return tokenStart + position - 1;
    };
    const dependencies = (list: z.infer<typeof rawDependency>[] = []): Dependency[] =>
      list.map((dep) => ({
        relation: dep.dep,
        governor: dep.governor === 0 ? null : inSentence(dep.governor),
        dependent: inSentence(dep.dependent),
      }));
    sentences.push({
      index: sentenceIndex,
      start: tokenEnd > tokenStart ? tokens[tokenStart].start : toPoints(0),
      end: tokenEnd > tokenStart ? tokens[tokenEnd - 1].end : toPoints(0),
      tokenStart,
      tokenEnd,
      dependencies: dependencies(raw.basicDependencies),
      enhancedDependencies: dependencies(raw.enhancedPlusPlusDependencies),
    });
    for (const mention of raw.entitymentions ?? []) {
      if (mention.docTokenBegin < tokenStart || mention.docTokenEnd > tokenEnd || mention.docTokenBegin >= mention.docTokenEnd) {
        throw new AnnotationShapeError(`mention "${mention.text}" has tokens ${mention.docTokenBegin}-${mention.docTokenEnd} outside its sentence`);
      }
      const confidence = mention.nerConfidences?.[mention.ner];
      const start = toPoints(mention.characterOffsetBegin);
      const end = toPoints(mention.characterOffsetEnd);
      mentions.push({
        text: quote(start, end),
        ner: mention.ner,
        start,
        end,
        sentence: sentenceIndex,
        tokenStart: mention.docTokenBegin,
        tokenEnd: mention.docTokenEnd,
        ...(mention.normalizedNER !== undefined && { normalized: mention.normalizedNER }),
        ...(confidence !== undefined && { confidence }),
        ...(mention.timex && { timex: mention.timex }),
      });
    }
  }

  const corefChains = Object.entries(doc.corefs ?? {}).map(([id, raw]): CorefChain => {
    const chainMentions = raw.map((mention): CorefMention => {
      const first = firstTokenOf[mention.sentNum - 1];
      const sentenceEnd = sentences[mention.sentNum - 1]?.tokenEnd;
      const tokenStart = first + mention.startIndex - 1;
      const tokenEnd = first + mention.endIndex - 1;
      const head = first + mention.headIndex - 1;
      if (first === undefined || tokenEnd > sentenceEnd || tokenStart >= tokenEnd || head < tokenStart || head >= tokenEnd) {
        throw new AnnotationShapeError(`coreference chain ${id}: mention "${mention.text}" is outside its sentence`);
      }
      const start = tokens[tokenStart].start;
      const end = tokens[tokenEnd - 1].end;
      return {
        text: quote(start, end),
        sentence: mention.sentNum - 1,
        tokenStart,
        tokenEnd,
        head,
        start,
        end,
        type: mention.type,
        number: mention.number,
        gender: mention.gender,
        animacy: mention.animacy,
      };
    });
    const order = chainMentions.map((_, i) => i).sort((a, b) => chainMentions[a].tokenStart - chainMentions[b].tokenStart);
    const representative = raw.findIndex((mention) => mention.isRepresentativeMention);
    return {
      id: Number(id),
      mentions: order.map((i) => chainMentions[i]),
      representative: Math.max(0, order.indexOf(representative)),
    };
  });
  const nonEmpty = corefChains.filter((chain) => chain.mentions.length > 0);
  nonEmpty.sort((a, b) => a.mentions[0].tokenStart - b.mentions[0].tokenStart || a.id - b.id);

  return { text, annotators, sentences, tokens, mentions, corefChains: nonEmpty };
}
