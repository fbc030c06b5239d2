/** Extraction rules: acts on documents (signed, exchanged, initialled, witnessed...) and who stood on each side. */
import type { SigningVerb } from '../model/facts';
import { AnnotatedText, type Cited } from './document';
import { ACT_VERBS, countryAt, countryOf } from './lexicon';
import { type XAct, type XActor, type XAgreement, type XBody, type XPerson, type XSide, type XTitle } from './reading';
import { FINAL_HEADS } from './words';
import { sameOffice } from './people';
import { partiesOf } from './documents';

const VERB_WORDS: Record<string, SigningVerb> = ACT_VERBS;

export function findActs(
  text: AnnotatedText,
  people: { byToken: Map<number, XPerson> },
  unnamedTitles: XTitle[],
  agreements: XAgreement[],
  mainCountries: string[],
  eventDate: string | undefined,
  bodies: XBody[],
): { acts: XAct[]; unnamed: XTitle[] } {
  const acts: XAct[] = [];
  const unnamed: XTitle[] = [];
  let lastDocuments: XAgreement[] = [];
  let lastSides: XSide[] = [];
  let generalSignatories: XActor[] = [];
  let presenceAhead: { sides: XSide[]; until: number; evidence: Cited } | undefined;
  for (const sentence of text.annotation.sentences) {
    if (presenceAhead && sentence.index > presenceAhead.until) presenceAhead = undefined;
    const { tokenStart: start, tokenEnd: end } = sentence;
    const at = (a: XAgreement) => [a.from, ...(a.mentions ?? [])].find((m) => m >= start && m < end);
    const documents = agreements.filter((a) => at(a) !== undefined);
    // "In the presence of the two presidents, ministers ... then exchanged three further documents." and the
    // documents come in the sentences after: those present are the sides of an act on each of them.
    const opening = /^in the presence of (.+?),/i.exec(text.words(start, end));
    if (opening && documents.length === 0) {
      let comma = start;
      while (comma < end && text.tokens[comma].word !== ',') comma++;
      let present = sidesIn(text, start + 4, comma, people.byToken, unnamedTitles, unnamed);
      const collective = /\b(two|both|three) ([A-Za-z -]+?s)$/i.exec(opening[1].trim());
      if (present.length === 0 && collective) present = holdersOf(collective, people.byToken, text.cite(start + 4, comma));
      if (present.length > 0) presenceAhead = { sides: present, until: sentence.index + 4, evidence: text.cite(start, end) };
      continue;
    }
    for (let v = start; v < end; v++) {
      const lemma = text.tokens[v].lemma?.toLowerCase() ?? '';
      const pos = text.tokens[v].pos ?? '';
      let verb = VERB_WORDS[lemma] ?? (lemma === 'preside' ? 'PRESIDED_OVER_SIGNING' : undefined);
      if (!verb || !pos.startsWith('VB')) continue;
      if (verb === 'PRESIDED_OVER_SIGNING' && !/^over the signing/i.test(text.words(v + 1, Math.min(end, v + 4)))) continue;
      // "the initialled treaty", "a signed copy": a participle describing a noun, not an act.
      if (['the', 'a', 'an', 'this', 'its', 'their'].includes(text.lower(v - 1))) continue;
      let words = text.tokens[v].word;
      if (text.lower(v - 1) === 'also') words = `also ${words}`;
      // "witnessed the signing/exchange": the witnesses are the sides.
      if (verb === 'WITNESSED' && !/^(the )?(signing|exchange|ceremony)/.test(text.words(v + 1, Math.min(end, v + 3)).toLowerCase())) continue;
      if (verb === 'WITNESSED') words = text.words(v, Math.min(end, v + 3)).replace(/\s+of$/, '');
      if (verb === 'PRESIDED_OVER_SIGNING') words = text.words(v, Math.min(end, v + 5)).replace(/\s+(a|an|the)$/i, '');
      const passive = text.lower(v + 1) === 'by' || ['was', 'were', 'been', 'be'].includes(text.lower(v - 1)) || (text.lower(v - 1) === 'also' && ['was', 'were'].includes(text.lower(v - 2))) || text.tokens.slice(start, v).some((t) => /^(was|were|been|be)$/i.test(t.word)) && text.tokens.slice(v, end).some((t) => t.word.toLowerCase() === 'by');
      // The clause: from the sentence start (or the previous clause break) to the next break.
      let clauseEnd = end;
      for (let k = v + 1; k < end; k++) if ([';'].includes(text.tokens[k].word) || ['while', 'whereas', 'but'].includes(text.lower(k))) { clauseEnd = k; break; }
      let clauseStart = start;
      for (let k = v - 1; k >= start; k--) if ([';'].includes(text.tokens[k].word) || ['while', 'whereas', 'but', 'as'].includes(text.lower(k)) && k < v - 1) { clauseStart = k + 1; break; }
      let presence = -1;
      for (let k = v; k < clauseEnd; k++) if (text.lower(k) === 'presence' && text.lower(k - 1) === 'the' && text.lower(k - 2) === 'in') presence = k - 2;
      const sideEnd = presence >= 0 ? presence : clauseEnd;
      let agentFrom: number;
      let agentTo: number;
      if (passive) {
        let by = v + 1;
        while (by < sideEnd && text.lower(by) !== 'by') by++;
        agentFrom = by + 1;
        agentTo = sideEnd;
      } else {
        agentFrom = clauseStart;
        agentTo = v;
        // "Following the meeting between A and B, the two countries signed": the opening phrase is not the subject.
        // (Also after a dateline: "Jakarta, 3 September - Following ...".)
        let opening = agentFrom;
        for (let k = agentFrom; k < agentTo; k++) if (/^(-|--|–|—)$/.test(text.tokens[k].word)) opening = k + 1;
        if (/^(following|after|during|at|on|upon|before|in)$/.test(text.lower(opening)) && !/^in the presence\b/i.test(text.words(opening, opening + 3))) {
          let comma = opening;
          while (comma < agentTo && text.tokens[comma].word !== ',') comma++;
          if (comma < agentTo) agentFrom = comma + 1;
        }
      }
      // "... co-chaired by A and B, who witnessed the signing": the people "who" stands for.
      if (!passive && text.lower(v - 1) === 'who' && text.tokens[v - 2]?.word === ',') agentFrom = start;
      let sides = sidesIn(text, agentFrom, agentTo, people.byToken, unnamedTitles, unnamed);
      if (!passive) {
        // "... signed the agreement with the Kenyan Minister of Foreign Affairs"
        for (let k = v + 1; k < sideEnd; k++) {
          if (['following', 'after', 'during', 'before', 'at', 'as', 'when', 'while'].includes(text.lower(k))) break;
          if (text.lower(k) !== 'with') continue;
          let stop = k + 1;
          while (stop < sideEnd && !['at', 'in', 'on', 'during', ',', 'after', 'before'].includes(text.lower(stop))) stop++;
          sides.push(...sidesIn(text, k + 1, stop, people.byToken, unnamedTitles, unnamed));
          break;
        }
      }
      // "the two Prime Ministers", "The three heads of government": the people given that title, if that many.
      const collective = /\b(two|both|three|four) ([A-Za-z -]+?s)( of (state|government))?$/i.exec(text.words(agentFrom, agentTo).trim());
      if (sides.length === 0 && collective) {
        sides = holdersOf(collective, people.byToken, text.cite(agentFrom, agentTo));
      }
      if (sides.length === 0) sides = officesOfCountries(text, agentFrom, agentTo, people.byToken, unnamed);
      if (sides.length === 0 && /\b(two|both|three) (ministers|leaders|heads|officials|premiers|presidents)|\bthey\b/i.test(text.words(agentFrom, agentTo)) && lastSides.length >= 2) {
        const phrase = /\b(the )?(two|both|three) \w+|\bthey\b/i.exec(text.words(agentFrom, agentTo))![0];
        sides = lastSides.map((side) => ({ ...side, evidence: text.cite(agentFrom, agentTo), reading: { kind: 'COREFERENCE' as const, note: `"${phrase}" are the sides named before: ${side.person?.name ?? side.role}.` } }));
      }
      if (sides.length === 0) continue;
      // The documents of the verb's own clause ("A signed X, while Y was inked by B"), else those near it.
      const inClause = documents.filter((d) => at(d)! >= clauseStart && at(d)! < clauseEnd);
      let docs = inClause.length > 0 ? inClause : documents.filter((d) => Math.abs(at(d)! - v) < 60);
      // "... witnessed the exchange of the following documents:": the documents of the list that follows.
      if (docs.length === 0 && (/\bfollowing\b/i.test(text.words(v, clauseEnd)) || text.tokens[end - 1]?.word === ':')) {
        const after = text.annotation.sentences.slice(sentence.index + 1, sentence.index + 16);
        for (const next of after) {
          // "In addition, three memorandums were signed between institutions": another set, not the list.
          if (/^(in addition|additionally|separately|also|besides|meanwhile|furthermore|moreover)\b/i.test(text.words(next.tokenStart, next.tokenEnd))) break;
          const listed = agreements.filter((a) => a.from >= next.tokenStart && a.from < next.tokenEnd);
          if (listed.length === 0 && next.tokenEnd - next.tokenStart <= 3) continue; // a bare "2." of the list
          if (listed.length === 0) {
            if (docs.length > 0) break;
            continue;
          }
          docs.push(...listed);
        }
      }
      if (docs.length === 0 && /\b(the )?(pre-signed )?(documents|them|agreements?|accords?|memorand\w*|protocols?|contracts?|treaty|programmes?)\b/i.test(text.words(clauseStart, clauseEnd))) docs = lastDocuments;
      if (docs.length === 0 && /\bdocuments\b/i.test(text.words(v, clauseEnd))) docs = lastDocuments;
      // Witnesses of "the signing" of documents the report lists elsewhere (a table): they get them at the end.
      if (docs.length === 0 && verb === 'WITNESSED') {
        acts.push({ verb, words, date: eventDate, documents: docs, sides, evidence: text.cite(start, end), confidence: 0.55 });
        continue;
      }
      if (docs.length === 0) continue;
      // The sentence's own date, when it is one of the report's days (not "by the end of 2025").
      const published = text.published;
      const dateMention = text.mentions.find((m) => {
        if (m.ner !== 'DATE' || m.tokenStart < start || m.tokenStart >= end) return false;
        const value = text.dateOf(m);
        return value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && (!published || value <= published.padEnd(10, '9'));
      });
      const date = dateMention ? text.dateOf(dateMention) : eventDate;
      contrast(sides, mainCountries);
      acts.push({ verb, words, date, documents: docs, sides, evidence: text.cite(start, end), confidence: sides.every((s) => s.person) ? 0.8 : 0.65 });
      if (presenceAhead && (verb === 'SIGNED' || verb === 'EXCHANGED')) {
        acts.push({ verb: 'SIGNED_IN_PRESENCE_OF', words: 'In the presence of', date, documents: docs, sides: presenceAhead.sides, evidence: presenceAhead.evidence, confidence: 0.6 });
      }
      lastSides = sides;
      // "in the presence of X": those present are the sides of an act of their own.
      if (presence >= 0) {
        const present = sidesIn(text, presence + 3, clauseEnd, people.byToken, unnamedTitles, unnamed);
        if (present.length > 0) {
          acts.push({ verb: 'SIGNED_IN_PRESENCE_OF', words: 'in the presence of', date, documents: docs, sides: present, evidence: text.cite(start, end), confidence: 0.7 });
        }
      }
      if (verb === 'SIGNED' || verb === 'INITIALLED' || verb === 'FORMALISED') for (const doc of docs) if (verb === 'SIGNED') doc.signedOn ??= date;
    }
    // Countries or bodies that sign: signatories ("Kenya and Ghana signed an agreement").
    const general = signatoriesIn(text, start, end, documents, mainCountries, bodies);
    if (general.length > 0) generalSignatories = general;
    if (documents.length > 0) lastDocuments = documents;
  }
  for (const doc of agreements) if (doc.signatories.length === 0 && generalSignatories.length > 0) doc.signatories.push(...generalSignatories);
  return { acts, unnamed };
}

/**
 * "The agriculture ministers of Peru and Bolivia signed ...": one side per country, the person named with that office
 * for that country if there is one, else an unnamed official known by the office and the country.
 */
function officesOfCountries(text: AnnotatedText, from: number, to: number, byToken: Map<number, XPerson>, unnamed: XTitle[]): XSide[] {
  const words = text.words(from, to);
  const match = /\b(?:the )?((?:[a-z][\w-]* ){0,3})(ministers|presidents|prime ministers|premiers|ambassadors|governors|mayors|envoys|chairmen|chairpersons|heads of (?:state|government)) of ((?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*),? and ((?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*)/.exec(words);
  if (!match) return [];
  const countries = [match[3], match[4]].map((name) => countryOf(name.replace(/^the /, '')));
  if (countries.some((c) => !c) || countries[0]!.iso === countries[1]!.iso) return [];
  const office = `${match[1]}${match[2].replace(/^heads of/, 'head of').replace(/men$/, 'man').replace(/s$/, '')}`;
  const start = text.tokens[from].start + match.index;
  const evidence = { start, end: start + match[0].length, quote: match[0] };
  const reading = { kind: 'COLLECTIVE_SPLIT' as const, note: `"${match[0]}": one ${office} for each country.` };
  return countries.map((country) => {
    const named = [...new Set(byToken.values())].filter((p) => p.titles.some((t) => t.country === country!.iso && sameOffice(t.position, office)));
    if (named.length === 1) {
      const titles = named[0].titles.filter((t) => t.country === country!.iso);
      return { person: named[0], titles, role: titles.map((t) => t.position).join(' and '), country: country!.iso, reading: { kind: 'COREFERENCE' as const, note: `"${match[0]}": the ${office} of ${country!.name} named before is ${named[0].name}.` }, evidence };
    }
    const title: XTitle = { printed: match[0], position: office, country: country!.iso, evidence, from, to, reading };
    unnamed.push(title);
    return { titles: [title], role: office, country: country!.iso, reading, evidence };
  });
}

/** "the two Prime Ministers", "The three heads of government": the people given that title, if exactly that many. */
function holdersOf(collective: RegExpExecArray, byToken: Map<number, XPerson>, evidence: Cited): XSide[] {
  const count = { two: 2, both: 2, three: 3, four: 4 }[collective[1].toLowerCase() as 'two'] ?? 0;
  const noun = `${collective[2].replace(/s$/i, '')}${collective[3] ?? ''}`.toLowerCase().replace(/^heads of/, 'head of');
  const first = noun.split(' ')[0];
  const last = noun.replace(/^.* /, '');
  const holders = [...new Set(byToken.values())].filter((p) => p.titles.some((t) => t.position.toLowerCase().endsWith(last) && t.position.toLowerCase().includes(first)));
  if (holders.length !== count) return [];
  return holders.map((person) => {
    const titles = person.titles.filter((t) => t.position.toLowerCase().includes(first));
    return {
      person,
      titles,
      role: [...new Set(titles.map((t) => t.position))].join(' and '),
      country: titles.find((t) => t.country)?.country,
      evidence,
      reading: { kind: 'COREFERENCE' as const, note: `"${collective[0]}" are the ${noun}s named before: ${person.name} is one.` },
    };
  });
}

/** Country of a side by contrast: in a two-country report, the counterpart of a side of one country is of the other. */
function contrast(sides: XSide[], mainCountries: string[]): void {
  if (sides.length !== 2 || mainCountries.length !== 2) return;
  const [a, b] = sides;
  for (const [known, other] of [[a, b], [b, a]] as const) {
    if (known.country && !other.country && mainCountries.includes(known.country)) {
      other.country = mainCountries.find((c) => c !== known.country);
      other.reading ??= { kind: 'OTHER', note: `The counterpart of a ${known.country.toUpperCase()} side in a report on two countries.` };
    }
  }
}

/** People and unnamed titled officials in tokens [from, to), in order. */
function sidesIn(
  text: AnnotatedText,
  from: number,
  to: number,
  byToken: Map<number, XPerson>,
  unnamedTitles: XTitle[],
  unnamed: XTitle[],
): XSide[] {
  const sides: XSide[] = [];
  const seen = new Set<XPerson>();
  for (let k = from; k < to; k++) {
    const person = byToken.get(k);
    if (person && !seen.has(person)) {
      seen.add(person);
      const near = person.titles.filter((t) => t.to <= k + 1 && t.to >= from - 1 || t.from >= k && t.from < to);
      const titles = near.length > 0 ? near : person.titles.slice(0, 1);
      const country = titles.find((t) => t.country)?.country;
      const reading = titles.find((t) => t.reading)?.reading;
      let end = k;
      while (byToken.get(end + 1) === person) end++;
      const a = Math.min(k, ...near.map((t) => t.from));
      sides.push({ person, titles, role: titles.map((t) => t.position).join(' and ') || person.name, country, reading, evidence: text.cite(a, end + 1) });
    }
  }
  // "the Finnish ambassador, who was not named", "the respective ministers": unnamed, by the text's words.
  for (let k = from; k < to; k++) {
    const word = text.lower(k);
    if (!FINAL_HEADS.has(word) || text.isCapitalised(k) || byToken.get(k + 1) || (text.tokens[k + 1]?.word === ',' && byToken.get(k + 2))) continue;
    const nationality = text.tokens[k - 1]?.ner === 'NATIONALITY' || text.tokens[k - 1]?.ner === 'COUNTRY' ? countryOf(text.tokens[k - 1].word) : undefined;
    const respective = text.lower(k - 1) === 'respective';
    if (!nationality && !respective) continue;
    const a = text.lower(k - 2) === 'the' ? k - 2 : k - 1;
    const title: XTitle = {
      printed: text.words(a, k + 1),
      position: respective ? text.words(a, k + 1) : text.tokens[k].word,
      country: nationality?.iso,
      evidence: text.cite(a, k + 1),
      from: a,
      to: k + 1,
    };
    if (sides.some((s) => s.evidence.start <= title.evidence.start && s.evidence.end >= title.evidence.end)) continue;
    if (respective) sides.push({ titles: [], role: title.printed, evidence: title.evidence });
    else {
      unnamed.push(title);
      sides.push({ titles: [title], role: title.position, country: title.country, evidence: title.evidence });
    }
  }
  for (const title of unnamedTitles) {
    if (title.from < from || title.to > to) continue;
    // "the two Prime Ministers": a plural names people met before, not an official of its own.
    const head = text.tokens[title.to - 1];
    if (/s$/i.test(head.word) && FINAL_HEADS.has(head.word.toLowerCase().replace(/s$/, ''))) continue;
    if (sides.some((s) => s.titles.includes(title))) continue;
    if (!unnamed.includes(title)) unnamed.push(title);
    sides.push({ titles: [title], role: title.position, country: title.country, evidence: title.evidence });
  }
  return sides.sort((x, y) => x.evidence.start - y.evidence.start);
}

/** The end of the clause of the verb at v: the next ";", ", while" or sentence end. */
function clauseEndAfter(text: AnnotatedText, v: number, end: number): number {
  for (let k = v + 1; k < end; k++) if (text.tokens[k].word === ';' || ['while', 'whereas', 'but'].includes(text.lower(k))) return k;
  return end;
}

/**
 * Countries or bodies that sign ("Kenya and Ghana signed an agreement", "The governments of Pakistan and Belarus
 * signed ..."): signatories of the documents the clause names. A generic object ("a series of agreements") makes them
 * the signatories of every document of the report that has none: returned for the caller to apply.
 */
function signatoriesIn(text: AnnotatedText, start: number, end: number, documents: XAgreement[], mainCountries: string[], bodies: XBody[]): XActor[] {
  for (let v = start; v < end; v++) {
    const lemma = text.tokens[v].lemma?.toLowerCase();
    if (!(lemma === 'sign' || lemma === 'ink' || lemma === 'formalise' || lemma === 'formalize') || !text.tokens[v].pos?.startsWith('VB')) continue;
    // "An accord ... was signed between the Russian Direct Investment Fund and the Egyptian Sovereign Fund".
    if (text.lower(v + 1) === 'between') {
      const between = partiesOf(text, v + 1, clauseEndAfter(text, v, end), bodies);
      for (const doc of documents.filter((d) => d.from < v)) for (const actor of between) if (!doc.signatories.some((s) => JSON.stringify(s) === JSON.stringify(actor))) doc.signatories.push(actor);
      continue;
    }
    const subject = text.words(start, v);
    if (text.tokens.slice(start, v).some((t) => t.ner === 'PERSON' || t.ner === 'TITLE')) continue;
    const actors: XActor[] = [];
    const governments = /\bthe governments of ([A-Z][\w ]+?) and ([A-Z][\w ]+?)$/i.exec(subject.trim().replace(/\s+(on \w+|have|also|,)$/i, ''));
    if (governments && countryOf(governments[1]) && countryOf(governments[2])) {
      for (const name of [governments[1], governments[2]]) {
        const bodyName = `Government of ${name}`;
        let body = bodies.find((b) => b.name.toLowerCase() === bodyName.toLowerCase());
        if (!body) {
          body = { name: bodyName, kind: 'GOVERNMENT', country: countryOf(name)!.iso, nameAsReported: false, evidence: [text.cite(start, v)] };
          bodies.push(body);
        }
        actors.push({ body });
      }
    } else if (/\b(both nations|both countries|the two countries|the two sides|both sides|the two nations)\b/i.test(subject) && mainCountries.length === 2) {
      for (const iso of mainCountries) actors.push({ country: iso });
    } else {
      const words = text.tokens.slice(start, v).map((t) => t.word);
      for (let k = 0; k < words.length; k++) {
        const match = countryAt(words, k);
        if (match && !match.adjective) {
          // "The agriculture ministers of Peru and Bolivia signed": the countries qualify the signers.
          if (words[k - 1]?.toLowerCase() === 'of') break;
          const after = words[k + match.length];
          if (after && !['and', ',', 'on', 'have', 'has', 'signed', 'also', 'today', 'yesterday'].includes(after.toLowerCase()) && text.tokens[start + k + match.length]?.pos !== 'VBD') continue;
          actors.push({ country: match.entry.iso });
          k += match.length - 1;
        }
      }
    }
    if (actors.length < 2) continue;
    const named = documents.filter((doc) => doc.from > v);
    if (named.length === 0 && /\b(series|number|several|a set) of\b|\b(agreements|documents|accords|memorandums)\b/i.test(text.words(v, Math.min(end, v + 8)))) return actors;
    for (const doc of named) {
      for (const actor of actors) if (!doc.signatories.some((s) => JSON.stringify(s) === JSON.stringify(actor))) doc.signatories.push(actor);
    }
  }
  return [];
}
