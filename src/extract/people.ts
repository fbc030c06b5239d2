/** Extraction rules: office titles as printed, and the people who hold them (with names CoreNLP missed). */
import type { EntityMention } from '../corenlp/annotation';
import { AnnotatedText } from './document';
import { countryAt, countryOf, DOCUMENT_HEADS, HONORIFICS } from './lexicon';
import { type XPerson, type XTitle } from './reading';
import { FINAL_HEADS, isPersonToken, ORGANISATION_HEAD, RUN_CONNECTORS } from './words';
import { bodyKind, formalCountryAfter } from './actors';

/** Runs of capitalised words and connectors that contain an office head (Deputy Prime Minister and Foreign Minister). */
export function titleRuns(text: AnnotatedText): [number, number][] {
  const runs: [number, number][] = [];
  for (const sentence of text.annotation.sentences) {
    let i = sentence.tokenStart;
    while (i < sentence.tokenEnd) {
      if (!isTitleWord(text, i)) {
        i++;
        continue;
      }
      let j = i;
      while (j < sentence.tokenEnd) {
        if (isTitleWord(text, j)) j++;
        else if (isPossessive(text, j) && j > i) j++;
        else if (RUN_CONNECTORS.has(text.lower(j)) && j + 1 < sentence.tokenEnd && (isTitleWord(text, j + 1) || (text.lower(j + 1) === 'the' && isTitleWord(text, j + 2)))) j++;
        else if (text.lower(j) === 'to' && j > i && envoyCountry(text, j)) j++;
        else if (text.tokens[j].word === ',' && isTitleWord(text, j + 1) && !isPersonToken(text, j + 1) && listInTitle(text, j + 1, sentence.tokenEnd)) j++;
        else break;
      }
      let start = i;
      while (start < j && ['the', 'and', 'of', 'for'].includes(text.lower(start))) start++;
      let end = j;
      while (end > start && RUN_CONNECTORS.has(text.lower(end - 1))) end--;
      let hasHead = false;
      for (let k = start; k < end; k++) if (FINAL_HEADS.has(text.lower(k))) hasHead = true;
      if (hasHead && end > start) runs.push([start, end]);
      i = Math.max(j, i + 1);
    }
  }
  return runs;
}

/** "to Sri Lanka", "to the UAE" after an envoy's office at token i ("to"): the country where the envoy serves. */
function envoyCountry(text: AnnotatedText, i: number): boolean {
  const at = text.lower(i + 1) === 'the' ? i + 2 : i + 1;
  const match = countryAt(text.tokens.slice(at, at + 5).map((t) => t.word), 0);
  return match !== undefined && !match.adjective;
}

/** ", Industry and Trade of Uzbekistan": a list of capitalised words that goes on to "and" inside a title. */
function listInTitle(text: AnnotatedText, from: number, limit: number): boolean {
  for (let k = from; k < Math.min(limit, from + 6); k++) {
    if (text.lower(k) === 'and') return true;
    if (!isTitleWord(text, k) && text.tokens[k].word !== ',') return false;
  }
  return false;
}

function isTitleWord(text: AnnotatedText, i: number): boolean {
  const token = text.tokens[i];
  if (!token || isPersonToken(text, i)) return false;
  if (!/^\p{Lu}/u.test(token.word)) return false;
  if (token.pos === 'PRP' || token.ner === 'DATE' || token.ner === 'NUMBER') return false;
  // A city only as an office's complement ("Mayor of Puerto Montt").
  if (token.ner === 'CITY' && !(text.lower(i - 1) === 'of' || (text.tokens[i - 1]?.ner === 'CITY' && text.lower(i - 2) === 'of'))) return false;
  if (HONORIFICS.has(token.word.toLowerCase())) return false;
  if (DOCUMENT_HEADS[token.word.toLowerCase()] && !FINAL_HEADS.has(token.word.toLowerCase())) return false;
  return true;
}

function isPossessive(text: AnnotatedText, i: number): boolean {
  return text.tokens[i]?.pos === 'POS';
}

const RUN_TITLES = new WeakMap<AnnotatedText, Map<string, XTitle[]>>();

/** Splits a run into titles ("Deputy Prime Minister" and "Foreign Minister" and "Senator") and reads each (once). */
function titlesOfRun(text: AnnotatedText, run: [number, number]): XTitle[] {
  const cache = RUN_TITLES.get(text) ?? new Map<string, XTitle[]>();
  RUN_TITLES.set(text, cache);
  const key = run.join('-');
  if (!cache.has(key)) cache.set(key, splitRun(text, run));
  return cache.get(key)!;
}

function splitRun(text: AnnotatedText, [from, to]: [number, number]): XTitle[] {
  const parts: [number, number][] = [];
  let start = from;
  let sawHead = false;
  for (let i = from; i < to; i++) {
    const lower = text.lower(i);
    if (lower === 'and' && !sawHead) {
      // "Beridze and Estonia's Minister of ...": what comes before "and" has no office; the title starts after it.
      start = i + 1;
      continue;
    }
    if (lower === 'and' && sawHead) {
      // A new title after "and" when what follows has a head of its own before the next connector.
      let k = i + 1;
      if (text.lower(k) === 'the') k++;
      let head = false;
      while (k < to && !RUN_CONNECTORS.has(text.lower(k))) {
        if (FINAL_HEADS.has(text.lower(k))) head = true;
        k++;
      }
      if (head) {
        parts.push([start, i]);
        start = i + 1;
        sawHead = false;
        continue;
      }
    }
    if (FINAL_HEADS.has(lower)) {
      // "Foreign Minister Senator": a head right after a head starts a new title.
      if (sawHead && i > start && FINAL_HEADS.has(text.lower(i - 1)) && !['deputy', 'vice'].includes(text.lower(i - 1))) {
        parts.push([start, i]);
        start = i;
      }
      sawHead = true;
    }
  }
  parts.push([start, to]);
  const titles: XTitle[] = [];
  for (let [a, b] of parts) {
    while (a < b && ['the', 'and'].includes(text.lower(a))) a++;
    if (b <= a) continue;
    let hasHead = false;
    for (let k = a; k < b; k++) if (FINAL_HEADS.has(text.lower(k))) hasHead = true;
    if (!hasHead) continue;
    titles.push(readTitle(text, a, b));
  }
  return titles;
}

/** What a title says: its country (possessive, adjective, "of X") and its office without the country words. */
function readTitle(text: AnnotatedText, from: number, to: number): XTitle {
  const words = text.tokens.slice(from, to).map((t) => t.word);
  let country: string | undefined;
  let a = 0;
  let b = words.length;
  // Ghana 's Minister... / Belarusian Defence Minister / Belarus President
  const lead = countryAt(words, 0);
  let ownerBody: string | undefined;
  if (!lead && words.length > 2 && (words[1] === "'s" || words[1] === '’s')) {
    // "Bank's Vice-President for Operations": the office of a body named before.
    ownerBody = words[0];
    a = 2;
  }
  if (lead && lead.length < words.length) {
    country = lead.entry.iso;
    a = lead.length;
    if (words[a] === "'s" || words[a] === '’s' || text.tokens[from + a]?.pos === 'POS') a++;
    else if (words[a]?.toLowerCase() === 'and' || words[a] === ',') {
      // "... of Azerbaijan and Prime Minister": the country closed the phrase before.
      country = undefined;
      a++;
    }
  }
  // ... to Sri Lanka (where an envoy serves): not the office's country.
  for (let k = b - 1; k > a; k--) {
    const the = words[k - 1]?.toLowerCase() === 'the' ? 1 : 0;
    if (words[k - 1 - the]?.toLowerCase() !== 'to') continue;
    const match = countryAt(words, k);
    if (match && k + match.length === b) b = k - 1 - the;
    break;
  }
  // ... of Belarus / of the Republic of Uzbekistan (the longest country phrase that ends the title)
  for (let k = a + 1; k < b; k++) {
    if (words[k - 1]?.toLowerCase() !== 'of' && !(words[k - 1]?.toLowerCase() === 'the' && words[k - 2]?.toLowerCase() === 'of')) continue;
    const match = countryAt(words, k);
    if (match && k + match.length === b) {
      country ??= match.entry.iso;
      const of = words[k - 1].toLowerCase() === 'the' ? k - 2 : k - 1;
      // "Chairman of the National Bank of the Kyrgyz Republic": a formal name closing a body's name is the body's.
      const bodyBefore = bodyKind(words[of - 1] ?? '') !== 'OTHER' && formalCountryAfter(text, from + of) !== undefined;
      if (!bodyBefore) b = of;
      break;
    }
  }
  const position = text.words(from + a, from + b);
  // A body named in the title (Minister of the State Authority for Military Industry).
  let body: string | undefined;
  for (const mention of text.mentions) {
    if (mention.ner !== 'ORGANIZATION' || mention.tokenStart < from || mention.tokenStart >= to) continue;
    // "Belarusian Internal Affairs Minister", "Minister of Agriculture": a portfolio, not a body. A body has a head
    // word (Ministry, Council, Bank...) or is an acronym.
    if (!ORGANISATION_HEAD.test(mention.text) && !/^[A-Z]{2,}$/.test(mention.text)) continue;
    body = mention.text.replace(/^the\s+/i, '').replace(/\s+of\s+(the\s+)?[A-Z][\w ]+$/, (m) => (countryOf(m.replace(/^\s+of\s+(the\s+)?/, '')) ? '' : m));
  }
  return { printed: text.words(from, to), position, country, body: body ?? ownerBody, evidence: text.cite(from, to), from, to };
}

/** The titles printed in tokens [from, to). */
export function titlesBetween(text: AnnotatedText, from: number, to: number): XTitle[] {
  return titleRuns(text)
    .filter(([a, b]) => a >= from && b <= to)
    .flatMap((run) => titlesOfRun(text, run));
}

const PARTICLES = new Set(['de', 'da', 'do', 'dos', 'das', 'van', 'von', 'der', 'den', 'bin', 'bint', 'ibn', 'al', 'el', 'del', 'della', 'di', 'du', 'la', 'le', 'ter', 'ben']);

interface PersonMention {
  mention: EntityMention;
  name: string;
  words: string[];
}

/** People: PERSON mentions (never pronouns), short forms joined to the one full name they fit. */
export function findPeople(text: AnnotatedText): { people: XPerson[]; titles: XTitle[]; byToken: Map<number, XPerson> } {
  const mentions: PersonMention[] = [];
  for (let mention of text.mentions) {
    if (mention.ner !== 'PERSON') continue;
    if (text.tokens.slice(mention.tokenStart, mention.tokenEnd).some((t) => t.pos === 'PRP' || t.pos === 'PRP$')) continue;
    // "ABU DHABI, 14 May (Example News) --": a dateline in capitals, not a person.
    const lineStart = mention.start === 0 || /\n\s*$/.test(text.text.slice(Math.max(0, mention.start - 3), mention.start));
    if (lineStart && !/\p{Ll}/u.test(mention.text) && /^[,(:\-–—]/.test(text.tokens[mention.tokenEnd]?.word ?? '')) continue;
    // "Harsha de Alwis", "Salim bin Hamad Al Rawahi": a particle and a capitalised word go on with the name.
    let last = mention.tokenEnd;
    while (PARTICLES.has(text.lower(last)) && text.isCapitalised(last + 1) && text.tokens[last + 1]?.ner !== 'TITLE' && !/^(of|the)$/i.test(text.tokens[last + 1].word)) {
      last += 2;
      while (text.isCapitalised(last) && (text.tokens[last].ner === 'PERSON' || text.tokens[last].ner === 'O') && text.tokens[last].pos === 'NNP') last++;
    }
    if (last !== mention.tokenEnd) mention = { ...mention, tokenEnd: last, end: text.tokens[last - 1].end, text: text.quote(mention.start, text.tokens[last - 1].end) };
    let name = mention.text;
    const words = name.split(/\s+/);
    while (words.length > 1 && HONORIFICS.has(words[0].toLowerCase())) words.shift();
    name = words.join(' ');
    if (!/^\p{Lu}[\p{L}\p{M}.'’ -]*\p{L}\.?$/u.test(name) || countryOf(name)) continue;
    if (/\b(Province|Region|County|Capital|City|District|Ministry|Chamber|Committee|Council|Agency|Bank)\b/.test(name)) continue;
    mentions.push({ mention, name, words: words.map((w) => w.toLowerCase()) });
  }
  const people: XPerson[] = [];
  const byToken = new Map<number, XPerson>();
  const sorted = [...mentions].sort((a, b) => b.words.length - a.words.length || a.mention.start - b.mention.start);
  for (const item of sorted) {
    const fits = people.filter((person) => {
      const full = person.name.toLowerCase().split(/\s+/);
      return item.words.every((word) => full.includes(word));
    });
    let person: XPerson;
    if (fits.length === 1) {
      person = fits[0];
      if (item.name !== person.name) person.weakAliases.add(item.name);
    } else {
      person = { name: item.name, aliases: new Set(), weakAliases: new Set(), evidence: [], titles: [], spans: [] };
      people.push(person);
    }
    person.spans.push([item.mention.tokenStart, item.mention.tokenEnd]);
    for (let i = item.mention.tokenStart; i < item.mention.tokenEnd; i++) byToken.set(i, person);
  }
  // Titles: before the name ("Commerce Minister Jam Kamal Khan"), in apposition before it ("Ghana's Minister of Foreign
  // Affairs, Abena Owusu-Mensah") or after it ("Dmitry Pantus, Minister of ...").
  const titles: XTitle[] = [];
  const runs = titleRuns(text);
  const attached = new Set<XTitle>();
  for (const run of runs) {
    const runTitles = titlesOfRun(text, run);
    titles.push(...runTitles);
    const [from, to] = run;
    let person: XPerson | undefined;
    let nameAt: [number, number] | undefined;
    if (isPersonToken(text, to) && !isRespectively(text, to)) {
      person = byToken.get(to);
      nameAt = person?.spans.find(([s]) => s === to);
    } else if (text.tokens[to]?.word === ',' && isPersonToken(text, to + 1) && !isRespectively(text, to + 1)) {
      person = byToken.get(to + 1);
      nameAt = person?.spans.find(([s]) => s === to + 1);
    } else if (text.tokens[from - 1]?.word === ',' && isPersonToken(text, from - 2)) {
      person = byToken.get(from - 2);
      nameAt = person?.spans.find(([, e]) => e === from - 1);
    }
    if (person && nameAt) {
      // "Prime Minister Daulet Seitkaliev of Kazakhstan": the country after the name is the office's.
      if (text.lower(nameAt[1]) === 'of') {
        const match = countryAt(text.tokens.slice(nameAt[1] + 1, nameAt[1] + 6).map((t) => t.word), 0);
        if (match && !match.adjective) for (const title of runTitles) title.country ??= match.entry.iso;
      }
      for (const title of runTitles) {
        attached.add(title);
        if (!person.titles.some((t) => t.position === title.position && t.country === title.country)) person.titles.push(title);
      }
      const a = Math.min(from, nameAt[0]);
      const b = Math.max(to, nameAt[1]);
      const form = text.words(a, b);
      if (form !== person.name && /^\p{L}/u.test(form) && !/[()\t\n]/.test(form)) person.aliases.add(form);
      if (person.evidence.length < 3) person.evidence.push(text.cite(a, b));
    }
  }
  // "the X of A and the Y of B, P and Q, respectively".
  for (let i = 0; i < text.tokens.length; i++) {
    if (text.lower(i) !== 'respectively') continue;
    const pairs = respectivelyPairs(text, i, runs, byToken);
    for (const { person, title } of pairs) {
      title.reading = { kind: 'RESPECTIVELY', note: `"${text.words(title.from, i + 1).slice(0, 300)}": the titles and names are paired in order.` };
      attached.add(title);
      if (!person.titles.includes(title)) person.titles.push(title);
    }
  }
  // "NAME, director general of the Estonian State Digital Agency," / "NAME, head of the ...": a lower-case office in
  // apposition after the name.
  // Also "NAME, Kenya's foreign minister," and "NAME, the Kenyan ambassador to ...": the country before the office.
  for (const person of people) {
    for (const [, end] of person.spans) {
      if (text.tokens[end]?.word !== ',') continue;
      let a = end + 1;
      if (text.lower(a) === 'the') a++;
      const from = a;
      a = afterCountry(text, a);
      if (a === from && from > end + 1 && text.tokens[from].ner === 'NATIONALITY') a++;
      if (!(FINAL_HEADS.has(text.lower(a)) || ['chief', 'director', 'head'].includes(text.lower(a)) || lowerOfficeAt(text, a)) || text.isCapitalised(a)) continue;
      if (a !== from) a = from;
      let b = a + 1;
      const limit = text.sentenceOf(a).end;
      while (b < limit && ![',', '.', ';', ')', ':'].includes(text.tokens[b].word) && !isPersonToken(text, b) && !text.tokens[b].pos?.startsWith('VB') && b - a < 14) b++;
      if (b === a + 1 && !FINAL_HEADS.has(text.lower(a))) continue;
      const title = readTitle(text, a, b);
      if (!person.titles.some((t) => t.position === title.position)) person.titles.push(title);
    }
  }
  // "the Nordland county mayor, Ingrid Solvang Berg", "Kenya's foreign minister Amina Odhiambo": a lower-case office
  // before the name.
  for (const person of people) {
    for (const [nameStart] of person.spans) {
      const head = text.tokens[nameStart - 1]?.word === ',' ? nameStart - 2 : nameStart - 1;
      if (!FINAL_HEADS.has(text.lower(head)) || text.isCapitalised(head) || person.titles.some((t) => t.to === head + 1)) continue;
      let a = head;
      while (a > head - 4 && /^[a-z][a-z-]*$/.test(text.tokens[a - 1]?.word ?? '') && !LOWER_STOP.has(text.lower(a - 1)) && /^(NN|JJ)/.test(text.tokens[a - 1].pos ?? '')) a--;
      let from = a;
      const country = countryBefore(text, a);
      if (country !== undefined) from = country;
      else if (text.isCapitalised(a - 1) && ['CITY', 'STATE_OR_PROVINCE', 'LOCATION'].includes(text.tokens[a - 1].ner ?? '') && text.lower(a - 2) === 'the') {
        // "the Nordland county mayor": the place is the office's jurisdiction, not a country.
      } else if (text.lower(a - 1) !== 'the' || a === head) continue;
      const title = readTitle(text, from, head + 1);
      if (!person.titles.some((t) => t.position.toLowerCase() === title.position.toLowerCase())) person.titles.push(title);
      if (person.evidence.length < 3) person.evidence.push(text.cite(from, nameStart + 1));
    }
  }
  pluralTitles(text, byToken);
  counterparts(text, byToken);
  for (const person of people) {
    // "Minister Kertu Saar" in a caption and "Minister of Entrepreneurship ..., Kertu Saar": one office.
    person.titles = person.titles.filter(
      (title) => !(FINAL_HEADS.has(title.position.toLowerCase()) && person.titles.some((other) => other !== title && other.position.toLowerCase().includes(title.position.toLowerCase()) && other.position.length > title.position.length)),
    );
    if (person.evidence.length === 0) {
      const [a, b] = person.spans.find(([s, e]) => text.words(s, e) === person.name) ?? person.spans[0];
      person.evidence.push(text.cite(a, b));
    }
  }
  countriesByCoreference(text, people);
  return { people, titles: titles.filter((t) => !attached.has(t)), byToken };
}

/** Office words a later mention may use for an office printed before: "the premier" for a Prime Minister. */
export function sameOffice(position: string, word: string): boolean {
  const office = position.toLowerCase();
  const said = word.toLowerCase();
  // A deputy, vice or acting holder is not "the minister".
  if (/^(deputy|vice|acting|assistant|under|first deputy|state)\b/.test(office)) return false;
  if (said === 'premier' || said === 'prime minister' || said === 'pm') return office === 'prime minister' || office === 'premier';
  return office === said || office.endsWith(` ${said}`);
}

/**
 * "the Pakistani premier", "the Uzbek minister": a country stated for a person named earlier with that office, when
 * exactly one person of the text holds an office of that word and no country is known for them.
 */
function countriesByCoreference(text: AnnotatedText, people: XPerson[]): void {
  for (let i = 1; i + 2 < text.tokens.length; i++) {
    if (text.lower(i - 1) !== 'the') continue;
    const country = text.tokens[i].ner === 'NATIONALITY' ? countryOf(text.tokens[i].word) : undefined;
    if (!country) continue;
    const two = `${text.lower(i + 1)} ${text.lower(i + 2)}`;
    const word = two === 'prime minister' ? two : text.lower(i + 1);
    const end = i + 1 + word.split(' ').length;
    if (!FINAL_HEADS.has(word) && word !== 'prime minister') continue;
    // "the Pakistani premier Shehbaz Sharif" names the person, "the Uzbek Minister for Investment" another office.
    if (['of', 'for', 'on', 'to', "'s", '’s'].includes(text.lower(end)) || isPersonToken(text, end) || text.isCapitalised(end) && text.tokens[end]?.ner === 'TITLE') continue;
    const holders = people.filter((p) => p.titles.some((t) => sameOffice(t.position, word)));
    if (holders.some((p) => p.titles.some((t) => t.country === country.iso))) continue;
    const open = holders.filter((p) => p.titles.every((t) => !t.country));
    if (open.length !== 1 || holders.length !== 1) continue;
    const [person] = open;
    const phrase = text.words(i - 1, end);
    for (const title of person.titles) {
      if (!sameOffice(title.position, word)) continue;
      title.country = country.iso;
      title.reading = { kind: 'COREFERENCE', note: `"${phrase}" is ${person.name}, the only ${word} named in the text.` };
      title.evidence = text.cite(i - 1, end);
    }
    person.weakAliases.add(phrase);
  }
}

/** Lower-case words that end a run of office words read backwards from its head. */
const LOWER_STOP = new Set(['the', 'a', 'an', 'and', 'of', 'by', 'with', 'said', 'to', 'his', 'her', 'their', 'its', 'as', 'was', 'is', 'former', 'new', 'who', 'when', 'while', 'after', 'before', 'from']);

/** The token after a country phrase at i ("Kenya 's", "Kenyan"): i itself when there is none. */
function afterCountry(text: AnnotatedText, i: number): number {
  const match = countryAt(text.tokens.slice(i, i + 5).map((t) => t.word), 0);
  if (!match) return i;
  if (match.adjective || isPossessive(text, i + match.length - 1)) return i + match.length;
  return isPossessive(text, i + match.length) ? i + match.length + 1 : i;
}

/** Where a country phrase ending right before token i starts ("Kenya 's" or "Kenyan" before "foreign minister"). */
function countryBefore(text: AnnotatedText, i: number): number | undefined {
  for (let length = 1; length <= 4; length++) {
    const at = i - length;
    if (at < 0) break;
    if (afterCountry(text, at) === i && i > at) return at;
  }
  return undefined;
}

/** "foreign minister", "county mayor": lower-case words ending in an office head, from token i. */
function lowerOfficeAt(text: AnnotatedText, i: number): boolean {
  for (let k = i; k < i + 4; k++) {
    if (!/^[a-z][a-z-]*$/.test(text.tokens[k]?.word ?? '')) return false;
    if (FINAL_HEADS.has(text.lower(k))) return !/s$/.test(text.lower(k)) || k === i;
    if (LOWER_STOP.has(text.lower(k)) || !/^(NN|JJ)/.test(text.tokens[k].pos ?? '')) return false;
  }
  return false;
}

/**
 * "Presidents Daniel Kiprono of Kenya and Yaw Mensah of Ghana", "The chief negotiators, A and B,": a plural office
 * before a list of names gives each the office in the singular (a reading), and the country printed after each name.
 */
function pluralTitles(text: AnnotatedText, byToken: Map<number, XPerson>): void {
  for (let i = 0; i < text.tokens.length; i++) {
    const word = text.lower(i);
    const singular = word.replace(/s$/, '');
    if (singular === word || !FINAL_HEADS.has(singular) || !/^NNP?S?$/.test(text.tokens[i].pos ?? '')) continue;
    let a = i;
    while (a > i - 3 && a > 0 && /^[\p{L}-]+$/u.test(text.tokens[a - 1].word) && !LOWER_STOP.has(text.lower(a - 1)) && !byToken.get(a - 1) && /^(NN|JJ)/.test(text.tokens[a - 1].pos ?? '') && text.tokens[a - 1].ner !== 'NATIONALITY' && text.tokens[a - 1].ner !== 'COUNTRY') a--;
    let k = text.tokens[i + 1]?.word === ',' ? i + 2 : i + 1;
    const holders: { person: XPerson; from: number; to: number; country?: string }[] = [];
    while (byToken.get(k)) {
      const person = byToken.get(k)!;
      const from = k;
      while (byToken.get(k) === person) k++;
      let country: string | undefined;
      if (text.lower(k) === 'of') {
        const match = countryAt(text.tokens.slice(k + 1, k + 6).map((t) => t.word), 0);
        if (match && !match.adjective) {
          country = match.entry.iso;
          k += 1 + match.length;
        }
      }
      holders.push({ person, from, to: k, country });
      if (text.tokens[k]?.word === ',' && byToken.get(k + 1)) k++;
      else if (text.lower(k) === 'and' && byToken.get(k + 1)) k++;
      else if (text.tokens[k]?.word === ',' && text.lower(k + 1) === 'and' && byToken.get(k + 2)) k += 2;
      else break;
    }
    if (holders.length < 2) continue;
    const plural = text.words(a, i + 1);
    const office = plural.replace(/s$/, '');
    const reading = { kind: 'COLLECTIVE_SPLIT' as const, note: `"${text.words(a, k).slice(0, 300)}": each named person holds the office.` };
    for (const holder of holders) {
      const known = holder.person.titles.find((t) => sameOffice(t.position, singular) && (!t.country || t.country === holder.country));
      if (known) {
        if (!known.country && holder.country) Object.assign(known, { country: holder.country, reading, evidence: text.cite(a, holder.to) });
        continue;
      }
      holder.person.titles.push({
        printed: office,
        position: office,
        country: holder.country,
        evidence: text.cite(a, holder.to),
        from: a,
        to: i + 1,
        reading,
      });
    }
  }
}

/**
 * "Finance Minister Saima Rauf and her Uzbek counterpart Bakhtiyor Aliyev": the counterpart holds the same office for
 * the country the adjective states (a coreference reading). Without an office of the person before, nothing.
 */
function counterparts(text: AnnotatedText, byToken: Map<number, XPerson>): void {
  for (let i = 2; i < text.tokens.length; i++) {
    if (text.lower(i) !== 'counterpart' || text.tokens[i - 1].ner !== 'NATIONALITY' || !['his', 'her', 'their', 'its'].includes(text.lower(i - 2))) continue;
    const country = countryOf(text.tokens[i - 1].word);
    const nameAt = text.tokens[i + 1]?.word === ',' ? i + 2 : i + 1;
    const person = byToken.get(nameAt);
    if (!country || !person || person.titles.some((t) => t.to === nameAt || t.from > i)) continue;
    const { start } = text.sentenceOf(i);
    let referent: XPerson | undefined;
    for (let k = i - 3; k >= start && !referent; k--) if (byToken.get(k) && byToken.get(k) !== person) referent = byToken.get(k);
    const office = referent?.titles.find((t) => t.to <= i && t.from >= start) ?? (referent?.titles.length === 1 ? referent.titles[0] : undefined);
    if (!referent || !office) continue;
    let end = nameAt;
    while (byToken.get(end) === person) end++;
    const phrase = text.words(i - 2, i + 1);
    person.titles.push({
      printed: phrase,
      position: office.position,
      country: country.iso,
      evidence: text.cite(i - 2, end),
      from: i - 2,
      to: i + 1,
      reading: { kind: 'COREFERENCE', note: `"${phrase}" of ${referent.name} (${office.position}): the same office, for ${country.name}.` },
    });
  }
}

function isRespectively(text: AnnotatedText, nameStart: number): boolean {
  const { end } = text.sentenceOf(nameStart);
  for (let k = nameStart; k < Math.min(end, nameStart + 14); k++) if (text.lower(k) === 'respectively') return true;
  return false;
}

/** The names listed before "respectively" paired in order with the titles listed before them. */
function respectivelyPairs(
  text: AnnotatedText,
  at: number,
  runs: [number, number][],
  byToken: Map<number, XPerson>,
): { person: XPerson; title: XTitle }[] {
  const { start } = text.sentenceOf(at);
  const names: XPerson[] = [];
  let k = at - 1;
  let firstName = at;
  while (k >= start && (isPersonToken(text, k) || [',', 'and'].includes(text.lower(k)))) {
    const person = byToken.get(k);
    if (person && names[0] !== person) names.unshift(person);
    firstName = k;
    k--;
  }
  if (names.length < 2) return [];
  const before = runs.filter(([, e]) => e <= firstName && e >= start).flatMap((run) => titlesOfRun(text, run));
  const titles = before.slice(-names.length);
  if (titles.length !== names.length) return [];
  return names.map((person, index) => ({ person, title: titles[index] }));
}


/** Letters of Vietnamese that English words never have. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i;

/**
 * Names CoreNLP leaves untagged right after an office title ("Chairwoman of the People's Committee Nguyễn Thu Hà",
 * "Minister of Justice of Sri Lanka Harsha de Alwis"): capitalised words with letters no English title has, or a
 * word that a name particle (de, van, bin...) and a capitalised word follow. Only words of the text are tagged.
 */
export function recoverNames(text: AnnotatedText): void {
  const added: EntityMention[] = [];
  for (const sentence of text.annotation.sentences) {
    for (let i = sentence.tokenStart + 1; i < sentence.tokenEnd; i++) {
      // Right after the title, or after its comma ("Minister of Industry and Trade, Lê Thị Hương").
      const afterTitle = text.isCapitalised(i - 1) || (text.tokens[i - 1].word === ',' && text.isCapitalised(i - 2));
      if (isPersonToken(text, i) || !text.isCapitalised(i) || !afterTitle || isPersonToken(text, i - 1)) continue;
      let end = i;
      while (end < sentence.tokenEnd && text.isCapitalised(end) && !isPersonToken(text, end) && end - i < 4) end++;
      const words = text.tokens.slice(i, end).map((t) => t.word);
      let take: [number, number] | undefined;
      if (end - i >= 2 && words.some((w) => VIETNAMESE.test(w)) && !words.some((w) => FINAL_HEADS.has(w.toLowerCase()))) take = [i, end];
      else if (PARTICLES.has(text.lower(i + 1)) && text.isCapitalised(i + 2) && !FINAL_HEADS.has(text.lower(i)) && text.tokens[i].pos === 'NNP' && !countryOf(text.tokens[i].word)) {
        let stop = i + 3;
        while (stop < sentence.tokenEnd && text.isCapitalised(stop) && stop - i < 5 && !FINAL_HEADS.has(text.lower(stop))) stop++;
        take = [i, stop];
      }
      if (!take) continue;
      for (let k = take[0]; k < take[1]; k++) text.tokens[k].ner = 'PERSON';
      const start = text.tokens[take[0]].start;
      const stopAt = text.tokens[take[1] - 1].end;
      added.push({ text: text.quote(start, stopAt), ner: 'PERSON', start, end: stopAt, sentence: sentence.index, tokenStart: take[0], tokenEnd: take[1] });
      i = take[1];
    }
  }
  if (added.length) text.annotation.mentions = [...text.annotation.mentions, ...added].sort((a, b) => a.start - b.start);
}
