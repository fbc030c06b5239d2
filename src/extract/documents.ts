/** Extraction rules: the documents (agreements) a report says were signed or exchanged, their parties and topics. */
import { AnnotatedText } from './document';
import { ACT_VERBS, type AgreementKind, countryAt, DOCUMENT_HEADS, KIND_WORDS, NOT_SIGNED_CUES } from './lexicon';
import { type XActor, type XAgreement, type XBody, type XCountry, type XPlace } from './reading';
import { FINAL_HEADS, headKind, isPersonToken, ORGANISATION_HEAD } from './words';
import { bodyKind, bodyNamed, countryInWords } from './actors';

const STOP_WORDS = new Set(['was', 'were', 'is', 'are', 'been', 'be', 'signed', 'inked', 'exchanged', 'initialled', 'initialed',
  'formalised', 'formalized', 'which', 'that', 'who', 'by', 'with', 'at', 'during', 'as', 'after', 'before', 'while',
  'when', 'amid', 'said', 'says', 'has', 'have', 'had', 'will', 'would', 'also', 'today', 'yesterday']);
const PHRASE_PREPOSITIONS = new Set(['of', 'on', 'for', 'between', 'in', 'concerning', 'regarding', 'to', 'about', 'among', 'against']);

/** The document phrase around a head noun: its words from the first modifier to the end of its complements. */
function documentPhrase(text: AnnotatedText, head: number): { from: number; to: number; skip: Set<number> } {
  const { start, end } = text.sentenceOf(head);
  let from = head;
  while (from - 1 >= start) {
    const token = text.tokens[from - 1];
    const lower = token.word.toLowerCase();
    if (['DT', 'CD', 'PRP$', 'POS', 'IN', 'CC', ',', ':', '``', "''", '-LRB-', '-RRB-', 'VBD', 'VBZ', 'VBP', 'RB', 'TO', 'WDT'].includes(token.pos ?? '')) break;
    if (STOP_WORDS.has(lower) || token.ner === 'DATE' || token.ner === 'PERSON') break;
    if (!/^(NN|NNP|NNS|NNPS|JJ|VBN|VBG|HYPH)$/.test(token.pos ?? '') && token.word !== '-') break;
    // "- Memorandum of ..." in a bulleted list: the bullet is not the title's.
    if (LIST_MARKER.test(token.word) && /(^|\n)[ \t]*$/.test(text.text.slice(Math.max(0, token.start - 40), token.start))) break;
    if (token.ner === 'COUNTRY' || token.ner === 'NATIONALITY') break;
    from--;
  }
  let to = head + 1;
  const skip = new Set<number>();
  let depthParen = 0;
  let inBetween = false;
  let betweenAnd = false;
  while (to < end && to - head < 45) {
    const token = text.tokens[to];
    const lower = token.word.toLowerCase();
    if (token.word === '(' || token.word === '-LRB-') {
      depthParen++;
      to++;
      continue;
    }
    if (token.word === ')' || token.word === '-RRB-') {
      if (depthParen === 0) break;
      depthParen--;
      to++;
      continue;
    }
    if (depthParen > 0) {
      to++;
      continue;
    }
    // Dates right after the head ("an agreement on Tuesday waiving..."): not the document's words.
    if ((lower === 'on' || lower === 'in') && text.tokens[to + 1]?.ner === 'DATE') {
      let k = to + 1;
      while (k < end && text.tokens[k].ner === 'DATE') k++;
      if (to === head + 1 && text.tokens[k]?.pos === 'VBG') {
        for (let s = to; s < k; s++) skip.add(s);
        to = k;
        continue;
      }
      break;
    }
    if (token.ner === 'DATE' && !/^\d{4}(-\d{4})?$/.test(token.word) && !/^\d{4}/.test(token.word)) break;
    // A formal title goes on through its own prepositions ("of through tariffs for the carriage of containers by rail").
    if (['through', 'by', 'along', 'with', 'from', 'under', 'within', 'across', 'per', 'against'].includes(lower) && text.isCapitalised(head)) {
      const at = text.lower(to + 1) === 'the' ? to + 2 : to + 1;
      const next = text.tokens[at];
      const capital = next && /^\p{Lu}/u.test(next.word);
      if (
        next && /^(NN|NNS|NNP|NNPS|JJ|VBG)$/.test(next.pos ?? '') && next.ner !== 'DATE' && next.ner !== 'PERSON' && next.ner !== 'TITLE' &&
        next.ner !== 'CITY' && !FINAL_HEADS.has(next.word.toLowerCase()) && (!capital || at === to + 2)
      ) {
        to = at;
        continue;
      }
      if (lower === 'with' && text.lower(to + 1) === 'respect' && text.lower(to + 2) === 'to') {
        to += 3;
        continue;
      }
    }
    // "on aquaculture, fisheries research and maritime training": a list inside the complement.
    if (token.word === ',' && to > head + 2 && !text.isCapitalised(to + 1) && /^(NN|NNS|JJ|VBG)$/.test(text.tokens[to + 1]?.pos ?? '')) {
      let k = to + 1;
      while (k < end && k < to + 6 && /^(NN|NNS|JJ|VBG)$/.test(text.tokens[k].pos ?? '')) k++;
      if (text.lower(k) === 'and' || text.tokens[k]?.word === ',') {
        to++;
        continue;
      }
    }
    if (STOP_WORDS.has(lower)) break;
    if (lower === 'between' || lower === 'among') inBetween = true;
    if (lower === 'and' || lower === '&') {
      const next = text.tokens[to + 1];
      const nextLower = next?.word.toLowerCase() ?? '';
      if (!next || ['a', 'an', 'two', 'three', 'four', 'several'].includes(nextLower)) break;
      if (DOCUMENT_HEADS[nextLower] || (nextLower === 'the' && DOCUMENT_HEADS[text.lower(to + 2)])) break;
      if (isPersonToken(text, to + 1)) break;
      if (!inBetween && nextLower === 'the') break;
      if (inBetween && nextLower === 'the' && betweenAnd) break;
      if (inBetween && nextLower === 'the') betweenAnd = true;
      if (/^(documents|it|they|both|he|she)$/.test(nextLower) || /^(documents)$/.test(text.lower(to + 2))) break;
      to++;
      continue;
    }
    if (lower === 'in' && (text.tokens[to + 1]?.ner === 'CITY' || text.tokens[to + 1]?.ner === 'COUNTRY' || text.lower(to + 1) === 'the' && text.lower(to + 2) === 'presence')) break;
    if (PHRASE_PREPOSITIONS.has(lower) || lower === 'the' || lower === '-' || token.pos === 'HYPH') {
      to++;
      continue;
    }
    if (/^(NN|NNP|NNS|NNPS|JJ|JJR|JJS|CD|VBG|VBN|FW|POS)$/.test(token.pos ?? '') || (token.pos === 'DT' && lower !== 'that')) {
      if (token.pos === 'VBN' && to === head + 1) break;
      to++;
      continue;
    }
    break;
  }
  while (to > head + 1 && (PHRASE_PREPOSITIONS.has(text.lower(to - 1)) || ['the', 'and', ',', '-', 'a', 'an'].includes(text.lower(to - 1)))) to--;
  return { from, to, skip };
}

export function sentenceCase(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The words of tokens [from, to) but those skipped, as printed. */
function wordsWithout(text: AnnotatedText, from: number, to: number, skip: Set<number>): string {
  let out = '';
  for (let i = from; i < to; i++) {
    if (skip.has(i)) continue;
    out += (out && text.tokens[i].before ? ' ' : '') + text.tokens[i].originalText;
  }
  return out.replace(/\s+([,)])/g, '$1').replace(/\(\s+/g, '(');
}


function headOk(text: AnnotatedText, i: number): boolean {
  const lower = text.lower(i);
  const kind = headKind(text, i);
  if (!kind) return false;
  if (text.tokens[i].pos?.startsWith('VB')) return false;
  const capital = text.isCapitalised(i);
  if (lower === 'statement' || lower === 'statements') return text.lower(i - 1) === 'joint';
  if (lower === 'communiqué' || lower === 'communique') return true;
  if (lower === 'letter') return text.lower(i + 1) === 'of' && text.lower(i + 2) === 'intent';
  if (['plan', 'programme', 'program', 'decision', 'charter', 'arrangement', 'convention', 'declaration'].includes(lower)) return capital || text.lower(i - 1) === 'implementation' || text.lower(i - 1) === 'executive';
  if (lower === 'notes') return text.lower(i - 1) === 'diplomatic' || text.lower(i - 2) === 'exchange';
  if (lower === 'note') return false;
  if (lower === 'deal' || lower === 'pact') return true;
  return true;
}

const LIST_MARKER = /^(\(?[0-9ivxlc]+[.)]|[-–•*])$/i;

/**
 * Is this phrase an item of a list that a signing sentence announces ("... formalised the following documents:",
 * then "1. Decision of ...")? The item itself has no verb.
 */
function listedAfterSigning(text: AnnotatedText, token: number): boolean {
  const sentences = text.annotation.sentences;
  const index = text.tokens[token].sentence;
  const marker = (i: number) => LIST_MARKER.test(text.words(sentences[i].tokenStart, sentences[i].tokenEnd).replace(/\s+/g, ''));
  const startsWithMarker = (i: number) => {
    const first = text.tokens[sentences[i].tokenStart];
    return LIST_MARKER.test(first.word) || (/^(\d+|[ivx]+)$/i.test(first.word) && ['.', ')'].includes(text.tokens[sentences[i].tokenStart + 1]?.word ?? ''));
  };
  const item = (i: number) => startsWithMarker(i) || (i > 0 && marker(i - 1));
  if (!item(index)) return false;
  let k = index;
  while (k > 0 && (item(k - 1) || marker(k - 1))) k--;
  const lead = sentences[k - 1];
  if (!lead || text.tokens[lead.tokenEnd - 1].word !== ':') return false;
  const words = text.words(lead.tokenStart, lead.tokenEnd).toLowerCase();
  if (NOT_SIGNED_CUES.some((cue) => words.includes(cue))) return false;
  return text.tokens.slice(lead.tokenStart, lead.tokenEnd).some((t) => (t.lemma?.toLowerCase() ?? '') in ACT_VERBS);
}

/** Was the document of this phrase signed in the report's events (not negotiated, planned or only referred to)? */
function signedHere(text: AnnotatedText, from: number, to: number, published: string | undefined): { verb?: number; ok: boolean } {
  const { start, end } = text.sentenceOf(from);
  let verb: number | undefined;
  let distance = Infinity;
  for (let i = start; i < end; i++) {
    const lemma = text.tokens[i].lemma?.toLowerCase() ?? '';
    if (!(lemma in ACT_VERBS) && lemma !== 'adopt' && lemma !== 'seal' && lemma !== 'conclude' && !(lemma === 'preside' && text.lower(i + 3) === 'signing')) continue;
    if (lemma === 'witness' && !/sign|exchange/.test(text.words(i, Math.min(end, i + 4)).toLowerCase())) continue;
    const d = i < from ? from - i : i - to;
    if (d < distance && d >= 0) {
      distance = d;
      verb = i;
    }
  }
  if (verb === undefined) return { ok: false };
  // The verb and the document in one clause.
  for (let k = Math.min(verb, from) + 1; k < Math.max(verb, from); k++) {
    if (['while', 'whereas', 'but', ';', 'although', 'though'].includes(text.lower(k))) return { verb, ok: false };
  }
  const a = Math.max(start, Math.min(verb, from) - 4);
  let b = Math.max(verb + 1, to);
  while (b < end && b < Math.max(verb + 1, to) + 8 && ![',', ';', '.', 'and', 'while', 'but'].includes(text.lower(b))) b++;
  const window = text.words(a, b).toLowerCase();
  if (NOT_SIGNED_CUES.some((cue) => window.includes(cue))) return { verb, ok: false };
  if (/\bunder the\b|\bamend/.test(text.words(Math.max(start, from - 3), from).toLowerCase())) return { verb, ok: false };
  // "signed in 2014": an earlier year.
  const year = published ? Number(published.slice(0, 4)) : undefined;
  for (const mention of text.mentions) {
    if (mention.ner !== 'DATE' || mention.tokenStart < a || mention.tokenStart >= b + 3) continue;
    const match = /\b(19|20)\d{2}\b/.exec(mention.text);
    if (match && year && Number(match[0]) < year - 1 && !/-\s*\d{4}|\d{4}\s*-/.test(mention.text)) return { verb, ok: false };
    if (/\b(ago|last year|in \d{4})\b/.test(mention.text.toLowerCase()) && !mention.text.includes(String(year))) return { verb, ok: false };
  }
  return { verb, ok: true };
}

function topicOf(title: string, kindWord: string): string[] {
  const match = /\b(?:on|for|of|in the field of|concerning|regarding)\s+(?:the\s+)?(.+)$/i.exec(title.replace(new RegExp(`^.*?\\b${kindWord}\\b`, 'i'), ''));
  if (!match) return [];
  const topic = match[1].replace(/\s+between\s+.*$/i, '').replace(/^cooperation (in|on) (the field of )?/i, '').trim();
  return topic && topic.toLowerCase() !== 'understanding' ? [topic.replace(/^understanding on /i, '')] : [];
}

export function kindAsReported(kind: AgreementKind, headWord: string, phrase: string): string | undefined {
  const own = KIND_WORDS[kind] ?? [];
  if (kind === 'OTHER') {
    if (/^letter$/i.test(headWord)) return 'Letter of Intent';
    return headWord;
  }
  if (kind === 'JOINT_STATEMENT' && /communiq/i.test(headWord)) return /joint/i.test(phrase) ? 'joint communiqué' : headWord;
  if (!own.includes(headWord.toLowerCase())) return /^[a-z]/.test(headWord) ? headWord : headWord;
  return undefined;
}

/** The places of each text (findPlaces'), which parties that are places join. */
export const TEXT_PLACES = new WeakMap<AnnotatedText, XPlace[]>();

/**
 * A region or city as a party ("between the Los Lagos Region and Nordland County", "twinning between Puerto Montt and
 * Bodø"): a place the text tags as a city, or a name ending in Region, County, Province...
 */
function placeParty(text: AnnotatedText, from: number, to: number, words: string): XPlace | undefined {
  const city = text.mentions.some((m) => m.ner === 'CITY' && m.tokenStart === from && m.tokenEnd === to);
  const region = /^(\p{Lu}[\p{L}-]*\s+)+(Region|County|Province|Prefecture|Oblast|Governorate|Municipality|District|Capital|City)$/u.test(words);
  if (!city && !region) return undefined;
  const places = TEXT_PLACES.get(text) ?? [];
  TEXT_PLACES.set(text, places);
  const known = places.find((p) => p.name.toLowerCase() === words.toLowerCase());
  if (known) return known;
  const place: XPlace = { name: words, kind: city || /(City|Capital)$/.test(words) ? 'CITY' : 'REGION', evidence: [text.cite(from, to)] };
  places.push(place);
  return place;
}

/** Actors named in "between A and B" (countries, or bodies by their names or head words). */
export function partiesOf(text: AnnotatedText, from: number, to: number, bodies: XBody[]): XActor[] {
  let at = -1;
  for (let i = from; i < to; i++) if (text.lower(i) === 'between') at = i;
  if (at < 0) return [];
  // "Protocol on amendments to the Agreement between A and B": the parties of the document referred to.
  for (let i = from + 1; i < at; i++) if (headKind(text, i) && text.lower(i - 1) === 'the' && ['to', 'of', 'amending'].includes(text.lower(i - 2))) return [];
  const chunks: [number, number][] = [];
  let s = at + 1;
  for (let i = at + 1; i <= to; i++) {
    if (i === to || text.lower(i) === 'and' && (text.lower(i + 1) === 'the' || text.isCapitalised(i + 1)) && chunks.length === 0) {
      chunks.push([s, i]);
      s = i + 1;
    }
  }
  if (chunks.length !== 2) return [];
  const actors: XActor[] = [];
  for (const [a, b] of chunks) {
    let end = b;
    while (end > a && /^[.,;:]$/.test(text.tokens[end - 1].word)) end--;
    // The second chunk ends at the title's complements ("... on the Promotion of Investments").
    for (let i = a + 1; i < b; i++) {
      const lower = text.lower(i);
      if (lower === 'on' || lower === 'concerning' || (['for', 'in'].includes(lower) && !text.isCapitalised(i + 1) && !(text.lower(i + 1) === 'the' && text.isCapitalised(i + 2)))) {
        end = i;
        break;
      }
    }
    const words = text.words(a, end).replace(/^the\s+/i, '');
    const tokens = words.split(/\s+/);
    const body = bodies.find((x) => words.toLowerCase() === x.name.toLowerCase() || words.toLowerCase().startsWith(x.name.toLowerCase()));
    // A place only as the document's party, not as the object of its topic ("the road between Kaolack and Tambacounda").
    const ofDocument = headKind(text, at - 1) !== undefined || ['twinning', 'cooperation', 'partnership', 'friendship', 'relations'].includes(text.lower(at - 1));
    const place = body || !ofDocument ? undefined : placeParty(text, a, end, words);
    if (body) actors.push({ body });
    else if (place) actors.push({ place });
    else if (ORGANISATION_HEAD.test(words)) {
      if (!/\btwo countries\b|\bboth\b/i.test(words)) {
        const created: XBody = { name: words, kind: bodyKind(words), country: countryInWords(tokens), nameAsReported: true, evidence: [text.cite(a, end)] };
        bodies.push(created);
        actors.push({ body: created });
      }
    } else {
      const country = countryAt(tokens, 0);
      if (country && country.length === tokens.length) actors.push({ country: country.entry.iso });
    }
  }
  return actors.length === 2 ? actors : [];
}

/**
 * "between the interior ministries of (the) two countries" in a report on two countries: one described body per
 * country (Interior Ministry of Pakistan), its name not as reported.
 */
export function describedParties(text: AnnotatedText, agreement: XAgreement, countries: XCountry[], mainCountries: string[], bodies: XBody[]): XActor[] {
  if (mainCountries.length !== 2) return [];
  const words = text.words(agreement.from, agreement.to);
  const match = /\bbetween (?:the )?((?:[a-z][\w-]* ){0,2}?)([a-z]+(?:ies|s)) of (?:the )?(?:two|both) (?:countries|nations|states|sides)\b/i.exec(words);
  if (!match) return [];
  const singular = match[2].replace(/ies$/i, 'y').replace(/s$/i, '');
  if (bodyKind(singular) === 'OTHER') return [];
  const head = `${match[1]}${singular}`.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
  const start = text.tokens[agreement.from].start + match.index + 'between '.length;
  const evidence = { start, end: start + match[0].length - 'between '.length, quote: match[0].slice('between '.length) };
  return mainCountries.map((iso) => {
    const name = `${head} of ${countries.find((c) => c.iso === iso)?.name ?? iso}`;
    let body = bodyNamed(bodies, name);
    if (!body) {
      body = { name, kind: bodyKind(singular), country: iso, nameAsReported: false, evidence: [evidence] };
      bodies.push(body);
    }
    return { body };
  });
}

/** Whether the words of a complement ("on transit trade") are words of an earlier title. */
function sameTopic(title: string, complement: string): boolean {
  const words = (phrase: string) => phrase.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3);
  const known = new Set(words(title));
  const said = words(complement);
  return said.length > 0 && said.filter((w) => known.has(w)).length / said.length >= 0.75;
}

export function findAgreements(text: AnnotatedText, bodies: XBody[]): XAgreement[] {
  const agreements: XAgreement[] = [];
  const used = new Set<number>();
  for (let i = 0; i < text.tokens.length; i++) {
    if (used.has(i) || !headOk(text, i)) continue;
    const { from, to, skip } = documentPhrase(text, i);
    for (let k = from; k < to; k++) used.add(k);
    const check = signedHere(text, from, to, text.published);
    if (!check.ok && !(check.verb === undefined && listedAfterSigning(text, from))) continue;
    const headWord = text.tokens[i].word;
    const kind = headKind(text, i)!;
    const plural = (/s$/i.test(headWord) && text.tokens[i].lemma?.toLowerCase() !== headWord.toLowerCase()) || /^NNP?S$/.test(text.tokens[i].pos ?? '') || /^memoranda$/i.test(headWord);
    const phrase = wordsWithout(text, from, to, skip);
    const complement = to > i + 1;
    const evidence = [text.citeSentence(i)];
    if (plural) {
      // "accords were also signed for cooperation on A, B and C" / "agreements on A, B and C": one per conjunct.
      const split = splitCollective(text, i, to);
      if (!split) {
        agreements.push(...enumeratedBySigners(text, i, to, kind, bodies));
        continue;
      }
      const prefix = sentenceCase(wordsWithout(text, from, i + 1, skip).replace(/s$/i, '').replace(/ies$/i, 'y'));
      for (const conjunct of split.conjuncts) {
        const title = `${prefix} ${split.lead}${conjunct}`.replace(/\bcooperation on cooperation\b/i, 'cooperation');
        agreements.push({
          title: title.replace(/for cooperation on cooperation between/i, 'for cooperation between'),
          titleAsReported: false,
          kind,
          kindAsReported: kindAsReported(kind, text.tokens[i].lemma ?? headWord, phrase),
          topics: [conjunct.replace(/^cooperation\s+/i, '')],
          parties: [],
          signatories: [],
          evidence,
          reading: { kind: 'COLLECTIVE_SPLIT', note: `One phrase, "${text.words(from, split.end).slice(0, 400)}", read as one document per field.` },
          confidence: 0.6,
          from,
          to: split.end,
        });
      }
      continue;
    }
    // "The agreement between A and B" after "a cooperation agreement ...": the same document, named again.
    const determiner = text.lower(from - 1);
    const earlier = agreements.filter((a) => a.kind === kind && a.from < from);
    // A complement of its own ("the agreement on avoidance of double taxation") names another document.
    const ownTopic = complement && !['between', 'among'].includes(text.lower(i + 1)) && earlier.length === 1 && !sameTopic(earlier[0].title, text.words(i + 1, to));
    if ((determiner === 'the' || determiner === 'this') && !text.isCapitalised(i) && earlier.length === 1 && !plural && !ownTopic) {
      const [known] = earlier;
      (known.mentions ??= []).push(from);
      if (known.parties.length === 0) known.parties = partiesOf(text, from, to, bodies);
      known.evidence.push(...evidence.filter((e) => !known.evidence.some((k) => k.start === e.start)));
      continue;
    }
    if (!complement && from === i && (determiner === 'the' || determiner === 'this') && !text.isCapitalised(i)) continue;
    const capitalised = text.isCapitalised(i) && !(i === text.sentenceOf(i).start);
    const asReported = capitalised || text.tokens.slice(from, i).some((t) => /^\p{Lu}/u.test(t.word) && t.ner !== 'COUNTRY' && t.ner !== 'NATIONALITY');
    if (!asReported && !complement && from === i) continue;
    const title = asReported ? text.words(from, to) : sentenceCase(phrase);
    const validity = /\b(for|in)\s+(\d{4})\s*[-–]\s*(\d{4})\b/.exec(title);
    agreements.push({
      title,
      titleAsReported: asReported,
      kind,
      kindAsReported: kindAsReported(kind, headWord, phrase),
      topics: topicOf(title, headWord),
      parties: partiesOf(text, from, to, bodies),
      signatories: [],
      evidence,
      confidence: asReported ? 0.85 : 0.7,
      from,
      to,
      ...(validity ? { reading: undefined } : {}),
    });
    void validity;
  }
  // One document per title (a later mention of a same-titled document adds its evidence).
  const byTitle = new Map<string, XAgreement>();
  for (const agreement of agreements) {
    const key = agreement.title.toLowerCase();
    const known = byTitle.get(key);
    if (known && JSON.stringify([known.parties, known.signatories]) === JSON.stringify([agreement.parties, agreement.signatories])) {
      known.evidence.push(...agreement.evidence.filter((e) => !known.evidence.some((k) => k.start === e.start)));
    } else if (!known) byTitle.set(key, agreement);
    else byTitle.set(`${key}#${byTitle.size}`, agreement);
  }
  return [...byTitle.values()];
}

/**
 * "three memorandums of understanding were signed ...: by A and B; by C and D; and by E and F": one document per
 * pair of signing bodies, under the generic title (not as reported).
 */
function enumeratedBySigners(text: AnnotatedText, head: number, phraseEnd: number, kind: AgreementKind, bodies: XBody[]): XAgreement[] {
  const { end } = text.sentenceOf(head);
  let colon = phraseEnd;
  while (colon < end && text.tokens[colon].word !== ':') colon++;
  if (colon >= end) return [];
  const segments: [number, number][] = [];
  let s = colon + 1;
  for (let k = colon + 1; k <= end; k++) {
    if (k === end || text.tokens[k].word === ';' || text.tokens[k].word === '.') {
      if (k > s) segments.push([s, k]);
      s = k + 1;
    }
  }
  const pairs = segments.map(([a, b]) => {
    while (a < b && ['and', 'by', ','].includes(text.lower(a))) a++;
    const start = text.tokens[a]?.start ?? 0;
    const stop = text.tokens[b - 1]?.end ?? 0;
    const signers = bodies.filter((body) => body.evidence.some((e) => e.start >= start && e.end <= stop));
    return { signers, evidence: text.cite(a, b) };
  });
  if (pairs.length < 2 || pairs.some((p) => p.signers.length < 2)) return [];
  const title = sentenceCase(`${text.tokens[head].lemma ?? text.tokens[head].word} ${text.words(head + 1, phraseEnd)}`.trim());
  return pairs.map(({ signers, evidence }) => ({
    title,
    titleAsReported: false,
    kind,
    topics: [],
    parties: [],
    signatories: signers.map((body) => ({ body })),
    evidence: [text.citeSentence(head), evidence],
    reading: { kind: 'COLLECTIVE_SPLIT' as const, note: `"${text.words(head, colon).slice(0, 300)}", then one pair of signers each: one document per pair.` },
    confidence: 0.6,
    from: head,
    to: phraseEnd,
  }));
}

function splitCollective(text: AnnotatedText, head: number, phraseEnd: number): { lead: string; conjuncts: string[]; end: number } | undefined {
  const { end } = text.sentenceOf(head);
  let i = head + 1;
  // Skip "were (also) signed" between the head and its complement.
  while (i < end && ['were', 'was', 'also', 'signed', 'inked', 'exchanged'].includes(text.lower(i))) i++;
  if (!['for', 'on', 'in'].includes(text.lower(i))) return undefined;
  let lead = '';
  if (text.lower(i) === 'for' && text.lower(i + 1) === 'cooperation' && ['on', 'in'].includes(text.lower(i + 2))) {
    lead = `for cooperation ${text.lower(i + 2)} `;
    i += 3;
  } else {
    lead = `${text.lower(i)} `;
    i += 1;
  }
  const conjuncts: string[] = [];
  let s = i;
  let k = i;
  for (; k < end; k++) {
    const w = text.tokens[k].word;
    if (w === ',' || text.lower(k) === 'and') {
      if (k > s) conjuncts.push(text.words(s, k));
      s = k + 1;
      continue;
    }
    if (w === '.' || w === ';' || STOP_WORDS.has(text.lower(k)) || text.tokens[k].pos?.startsWith('VB')) break;
  }
  if (k > s) conjuncts.push(text.words(s, k));
  void phraseEnd;
  const clean = conjuncts.map((c) => c.replace(/^the\s+/i, '').trim()).filter(Boolean);
  return clean.length >= 2 ? { lead, conjuncts: clean, end: k } : undefined;
}
