/**
 * The annotated text the rules read: CoreNLP's tokens and mentions, with helpers to cite exact spans (offsets in code
 * points, quotes equal to the text) and to resolve dates against the publication date.
 */
import type { Annotation, EntityMention, Token } from '../corenlp/annotation';

export interface Cited {
  start: number;
  end: number;
  quote: string;
}

export class AnnotatedText {
  readonly chars: string[];
  readonly tokens: Token[];

  constructor(
    readonly text: string,
    readonly annotation: Annotation,
    /** The publication date as given (2025-04-11, 2025-04, 2025), if any. */
    readonly published: string | undefined,
  ) {
    this.chars = Array.from(text);
    this.tokens = annotation.tokens;
  }

  get mentions(): EntityMention[] {
    return this.annotation.mentions;
  }

  quote(start: number, end: number): string {
    return this.chars.slice(start, end).join('');
  }

  /** The exact span of tokens [from, to). */
  cite(from: number, to: number): Cited {
    const start = this.tokens[from].start;
    const end = this.tokens[to - 1].end;
    return { start, end, quote: this.quote(start, end) };
  }

  /** The words of tokens [from, to) exactly as printed. */
  words(from: number, to: number): string {
    return to > from ? this.quote(this.tokens[from].start, this.tokens[to - 1].end) : '';
  }

  sentenceOf(token: number): { start: number; end: number } {
    const s = this.annotation.sentences[this.tokens[token].sentence];
    return { start: s.tokenStart, end: s.tokenEnd };
  }

  /** The whole sentence of a token, cited. */
  citeSentence(token: number): Cited {
    const { start, end } = this.sentenceOf(token);
    return this.cite(start, end);
  }

  lower(token: number): string {
    return this.tokens[token]?.word.toLowerCase() ?? '';
  }

  isCapitalised(token: number): boolean {
    return /^\p{Lu}/u.test(this.tokens[token]?.word ?? '');
  }

  /**
   * A date the text gives, as precise as it gives it: an explicit date as given ('2025-03-04', '2024-11'); a weekday
   * as the last such day on or before a full publication date (unresolved without one); 'today'/'yesterday' likewise.
   */
  dateOf(mention: EntityMention): string | undefined {
    if (mention.ner !== 'DATE') return undefined;
    const words = mention.text.toLowerCase();
    const weekday = WEEKDAYS.findIndex((day) => words.includes(day));
    const full = this.published && /^\d{4}-\d{2}-\d{2}$/.test(this.published) ? this.published : undefined;
    if (weekday >= 0 && !/\d/.test(words)) {
      if (!full || /\bnext\b/.test(words)) return undefined;
      const date = new Date(`${full}T00:00:00Z`);
      const back = (date.getUTCDay() - weekday + 7) % 7;
      date.setUTCDate(date.getUTCDate() - back);
      return date.toISOString().slice(0, 10);
    }
    if (/^(today|this morning|this afternoon|tonight)$/.test(words)) return full;
    if (words === 'yesterday' && full) {
      const date = new Date(`${full}T00:00:00Z`);
      date.setUTCDate(date.getUTCDate() - 1);
      return date.toISOString().slice(0, 10);
    }
    // Explicit dates: SUTime's value when the text itself gives the year, or a month and day with a known year.
    const value = mention.timex?.value ?? mention.normalized;
    if (!value) return undefined;
    const iso = /^(\d{4})(-\d{2})?(-\d{2})?/.exec(value);
    if (!iso) return undefined;
    const hasYear = /\b\d{4}\b/.test(words);
    if (!hasYear) {
      // "March 4" with the year of a publication date; without one, unresolved.
      if (!this.published || !/\d/.test(words)) return undefined;
      return `${this.published.slice(0, 4)}${iso[2] ?? ''}${iso[3] ?? ''}`;
    }
    return iso[0];
  }
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
