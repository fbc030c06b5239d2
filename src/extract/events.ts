/**
 * Extraction rules: the day of the report's events, its dateline, and the events (visits, meetings, ceremonies, press
 * events).
 */
import type { Reading as FactReading } from '../ingest/format';
import { AnnotatedText } from './document';
import { countryAt } from './lexicon';
import { type XAct, type XEvent, type XParticipant, type XPerson, type XPlace } from './reading';
import { sentenceCase } from './documents';

/** The day of the report's events: the first date of the report's first paragraph, else of the first act. */
export function findEventDate(text: AnnotatedText): string | undefined {
  for (const mention of text.mentions) {
    if (mention.ner !== 'DATE') continue;
    const date = text.dateOf(mention);
    if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) continue;
    if (text.published && date > `${text.published}`.padEnd(10, '9')) continue;
    if (text.published && /^\d{4}-\d{2}-\d{2}$/.test(text.published)) {
      const days = (Date.parse(text.published) - Date.parse(date)) / 86_400_000;
      if (days > 14) continue;
    }
    return date;
  }
  return undefined;
}

/** The dateline city ("NAIROBI, March 4 (Wire) -", "MINSK:", "Tashkent."), if the report has one. */
export function findDateline(text: AnnotatedText, places: XPlace[]): XPlace | undefined {
  const first = text.annotation.sentences[0];
  if (!first) return undefined;
  for (const sentence of text.annotation.sentences.slice(0, 3)) {
    const token = text.tokens[sentence.tokenStart];
    if (token.ner === 'CITY' || token.ner === 'STATE_OR_PROVINCE') {
      const next = text.tokens[sentence.tokenStart + 1];
      if (next && [':', ',', '-', '.', '--', '—'].includes(next.word)) return places.find((p) => p.name.toLowerCase() === token.word.toLowerCase());
    }
  }
  return undefined;
}

const COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };

/**
 * "at the close of a two-day meeting" on a known day D: the meeting ran from D minus one day to D, an interval read
 * from the count (a reading), not stated.
 */
function countedClose(said: string, date: string | undefined): { date: string; reading: FactReading } | undefined {
  const match = /\bat the (?:close|end) of (?:a|the) (two|three|four|five|six|seven)-day\b/i.exec(said);
  if (!match || !date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const days = COUNTS[match[1].toLowerCase()];
  const start = new Date(`${date}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - (days - 1));
  return {
    date: `${start.toISOString().slice(0, 10)}/${date}`,
    reading: { kind: 'OTHER', note: `"${match[0]}" that closed on ${date}: the ${days} days are counted back from it.` },
  };
}

export function findEvents(
  text: AnnotatedText,
  acts: XAct[],
  people: XPerson[],
  byToken: Map<number, XPerson>,
  places: XPlace[],
  dateline: XPlace | undefined,
  eventDate: string | undefined,
  mainCountries: string[],
): { events: XEvent[]; ceremony?: XEvent } {
  const events: XEvent[] = [];
  let ceremony: XEvent | undefined;
  if (acts.length > 0) {
    // The place: "a ceremony in Nairobi", a city named in the acts' sentences, else the dateline.
    let place: XPlace | undefined;
    for (const act of acts) {
      for (const candidate of places) if (new RegExp(`\\bin ${candidate.name}\\b`, 'i').test(act.evidence.quote)) place ??= candidate;
    }
    place ??= dateline;
    const participants: XParticipant[] = [];
    for (const act of acts) {
      if (act.verb !== 'WITNESSED' && act.verb !== 'SIGNED_IN_PRESENCE_OF' && act.verb !== 'PRESIDED_OVER_SIGNING') continue;
      for (const side of act.sides) {
        const role = act.verb === 'PRESIDED_OVER_SIGNING' ? 'PRESIDING' : 'WITNESS';
        if (side.person && !participants.some((p) => p.person === side.person)) participants.push({ person: side.person, role });
      }
    }
    // The meeting, talks or session the text places the acts in; else a signing ceremony.
    const said = acts.map((a) => a.evidence.quote).join(' ');
    const framing = /ceremony/i.test(said)
      ? null
      : /\b(?:within the framework of|at|during|on the sidelines of|following|after|in the course of|on the margins of) the ((?:[\w-]+ ){0,7}?(meeting|session|talks|summit|conference|round))\b/i.exec(said) ??
        /\b(?:signed|inked|exchanged) (?:[\w-]+ ){0,3}(?:following|after|at|during) the ((?:[\w-]+ ){0,7}?(meeting|session|talks|summit|conference))\b/i.exec(text.text);
    const session = !framing && !/ceremony/i.test(said) ? /\b(?:annual |joint |plenary )?(session|summit|meeting) of the ([\w' -]+?)(?:[,.]|$)|\bthe ([\w' -]+?)'s (annual |plenary )?(session|meeting|summit)\b/i.exec(said) : null;
    const date = acts.find((a) => a.date)?.date ?? eventDate;
    const evidence = acts.slice(0, 3).map((a) => a.evidence);
    // The talks or meeting the signing closed: an event of its own.
    if (framing) {
      const counted = countedClose(said, date);
      events.push({ kind: /talks|round/i.test(framing[2]) ? 'TALKS' : 'MEETING', name: sentenceCase(framing[1].replace(/^(close|end|start|opening) of (a|the|an) /i, '')), date: counted?.date ?? date, reading: counted?.reading, place, between: [], participants: [], evidence });
    }
    ceremony = session
      ? { kind: 'MEETING', name: sentenceCase(session[0].replace(/[,.]$/, '')), date, place, between: [], participants, evidence }
      : { kind: 'SIGNING_CEREMONY', name: place ? `Signing ceremony in ${place.name}` : 'Signing ceremony', date, place, between: [], participants, evidence };
    events.push(ceremony);
  }
  // A visit: "X's (official|state) visit to Y", "visit of X to Y", "X ... visited Y".
  for (let i = 0; i < text.tokens.length; i++) {
    if (text.lower(i) !== 'visit' && text.lower(i) !== 'visited') continue;
    const { start, end } = text.sentenceOf(i);
    let visitor: XPerson | undefined;
    for (let k = i - 1; k >= Math.max(start, i - 10); k--) if (byToken.get(k)) { visitor = byToken.get(k); break; }
    if (!visitor && text.lower(i + 1) === 'of') visitor = byToken.get(i + 2) ?? byToken.get(i + 3) ?? byToken.get(i + 4);
    if (!visitor) continue;
    let country: string | undefined;
    for (let k = i + 1; k < Math.min(end, i + 8); k++) {
      if (text.lower(k) !== 'to' && text.lower(i) !== 'visited') continue;
      const words = text.tokens.slice(k + (text.lower(i) === 'visited' ? 0 : 1), k + 6).map((t) => t.word);
      const match = countryAt(words, 0);
      if (match && !match.adjective) country = match.entry.iso;
      break;
    }
    if (!country) continue;
    const dateMention = text.mentions.find((m) => m.ner === 'DATE' && m.tokenStart >= start && m.tokenStart < end);
    const days = /\bfrom (\d{1,2}) to (\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/.exec(text.words(start, end));
    if (days) {
      const month = String(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].indexOf(days[3].toLowerCase()) + 1).padStart(2, '0');
      const at = (day: string) => `${days[4]}-${month}-${day.padStart(2, '0')}`;
      if (!events.some((e) => e.kind === 'VISIT' && e.participants[0]?.person === visitor)) {
        events.push({ kind: 'VISIT', name: `Visit of ${visitor.name} to ${country.toUpperCase()}`, date: `${at(days[1])}/${at(days[2])}`, country, between: [], participants: [{ person: visitor, role: 'VISITOR' }], evidence: [text.citeSentence(i)] });
      }
      continue;
    }
    const span = dateMention ? /\b(\d{4})\s*[-–]\s*(\d{2}|\d{4})\b/.exec(dateMention.text) : null;
    const explicit = span ? `${span[1]}/${span[2].length === 2 ? span[1].slice(0, 2) + span[2] : span[2]}` : dateMention ? text.dateOf(dateMention) : undefined;
    const date = explicit ?? (events.length === 1 ? eventDate : undefined);
    if (events.some((e) => e.kind === 'VISIT' && e.participants[0]?.person === visitor && e.country === country)) continue;
    events.push({
      kind: 'VISIT',
      name: `Visit of ${visitor.name} to ${country.toUpperCase()}`,
      date,
      country,
      between: [],
      participants: [{ person: visitor, role: 'VISITOR' }],
      evidence: [text.citeSentence(i)],
    });
  }
  // Talks between the two sides / a meeting of two named people.
  for (let i = 0; i < text.tokens.length; i++) {
    const lower = text.lower(i);
    if (lower !== 'talks' && lower !== 'meeting') continue;
    if (text.tokens[i].pos?.startsWith('VB')) continue;
    const { start, end } = text.sentenceOf(i);
    const window = text.words(i, Math.min(end, i + 10)).toLowerCase();
    if (lower === 'talks' && /between the two sides|between the two countries|between .* and /.test(window) && mainCountries.length === 2) {
      if (!events.some((e) => e.kind === 'TALKS' && e.date === eventDate)) {
        events.push({ kind: 'TALKS', name: `Talks between ${mainCountries.map((c) => c.toUpperCase()).join(' and ')}`, date: eventDate, between: mainCountries, participants: [], evidence: [text.citeSentence(i)] });
      }
      continue;
    }
    if (lower === 'meeting') {
      const named = new Set<XPerson>();
      for (let k = Math.max(start, i - 6); k < Math.min(end, i + 8); k++) {
        const person = byToken.get(k);
        if (person) named.add(person);
      }
      if (named.size >= 1 && /\bwith\b/.test(window) && !events.some((e) => e.kind === 'MEETING' && e.date === eventDate)) {
        const list = [...named].slice(0, 2);
        events.push({ kind: 'MEETING', name: `Meeting of ${list.map((p) => p.name).join(' and ')}`, date: eventDate, between: [], participants: list.map((person) => ({ person, role: 'PARTICIPANT' as const })), evidence: [text.citeSentence(i)] });
      }
    }
  }
  events.push(...pressEvents(text, byToken, eventDate));
  void people;
  return { events, ceremony };
}

const PRESS_EVENT = /\b((?:joint |final )?(?:press|news|media) (?:conference|briefing|stakeout|availability)|(?:joint )?press point)\b/i;

/**
 * Press events: "told a news conference after the session", "in a joint press stakeout". The speaker is the person
 * named in the sentence; the date is one the sentence states, or the report's event date when the sentence ties the
 * press event to the talks ("after the session"); else it stays undated.
 */
function pressEvents(text: AnnotatedText, byToken: Map<number, XPerson>, eventDate: string | undefined): XEvent[] {
  const events: XEvent[] = [];
  for (const sentence of text.annotation.sentences) {
    const { tokenStart: start, tokenEnd: end } = sentence;
    const words = text.words(start, end);
    const match = PRESS_EVENT.exec(words);
    if (!match) continue;
    const speakers = new Set<XPerson>();
    for (let k = start; k < end; k++) if (byToken.get(k)) speakers.add(byToken.get(k)!);
    if (speakers.size === 0) continue;
    // A date next to the phrase ("at a press conference on Tuesday"), not one of what was said ("last year").
    let at = start;
    while (at < end && !['press', 'news', 'media'].includes(text.lower(at))) at++;
    const dateMention = text.mentions.find((m) => m.ner === 'DATE' && m.tokenStart >= at - 4 && m.tokenStart <= at + 6);
    const explicit = dateMention ? text.dateOf(dateMention) : undefined;
    const tied = /\b(after|following|at the end of|on the sidelines of) the (session|meeting|talks|summit|ceremony|signing)\b/i.test(words.slice(match.index));
    const date = explicit ?? (tied ? eventDate : undefined);
    const name = sentenceCase(match[1]);
    if (events.some((e) => e.name === name && e.date === date)) continue;
    events.push({
      kind: 'PRESS_EVENT',
      name,
      date,
      between: [],
      participants: [...speakers].slice(0, 2).map((person) => ({ person, role: 'SPEAKER' as const })),
      evidence: [text.citeSentence(start)],
    });
  }
  return events;
}
