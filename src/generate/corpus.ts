/**
 * A deterministic generator of annotated articles about an invented diplomatic world, for benchmarks: about 200
 * countries (a few hubs visit and are visited often, most rarely), each with a head of state, a head of
 * government and ministers whose holders change every few years, and articles on visits between them: who came,
 * who hosted, the talks, the agreements signed, the ministers who exchanged them, a statement. Every fact cites
 * the sentence of the generated text that states it, as in a real annotated article.
 *
 * Names are built from consonant-vowel syllables, so no two people share a name once case, accents, word order
 * and transliteration are folded: entity resolution matches a person only to themself.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { articleSchema } from '../ingest/format';

export type ArticleInput = z.input<typeof articleSchema>;

/** mulberry32: a small, fast, seeded PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CONSONANTS = 'bdfglmnprstvz';
const VOWELS = 'aeiou';
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v));

/** A word of syllables that spells the number n (distinct numbers, distinct words). */
function word(n: number, minSyllables: number): string {
  let text = '';
  let rest = n;
  let count = 0;
  do {
    text += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
    count += 1;
  } while (rest > 0 || count < minSyllables);
  return text[0].toUpperCase() + text.slice(1);
}

const OFFICES = [
  { title: 'President', portfolio: 'head of state', topic: null },
  { title: 'Prime Minister', portfolio: 'head of government', topic: null },
  { title: 'Foreign Minister', portfolio: 'foreign affairs', topic: 'consular affairs' },
  { title: 'Trade Minister', portfolio: 'trade', topic: 'trade' },
  { title: 'Defence Minister', portfolio: 'defence', topic: 'defence' },
  { title: 'Energy Minister', portfolio: 'energy', topic: 'energy' },
  { title: 'Health Minister', portfolio: 'health', topic: 'health' },
  { title: 'Culture Minister', portfolio: 'culture', topic: 'culture' },
] as const;

const FIRST_YEAR = 2010;
const TERM_YEARS = 4;

export interface World {
  countries: Array<{ name: string; isoCode: string; capital: string; weight: number }>;
}

export function world(countryCount: number): World {
  const countries = Array.from({ length: countryCount }, (_, i) => ({
    name: `${word(i * 7 + 3, 2)}land`,
    isoCode: String.fromCharCode(65 + Math.floor(i / 26), 65 + (i % 26)),
    capital: `${word(i * 11 + 5, 2)} City`,
    // Zipf-like: the first countries are the hubs.
    weight: 1 / (i + 1),
  }));
  return { countries };
}

/** The holder of an office of a country in a year: one person per term, named uniquely. */
function holder(countryIndex: number, office: number, year: number): string {
  const term = Math.floor((year - FIRST_YEAR) / TERM_YEARS);
  const id = (countryIndex * OFFICES.length + office) * 8 + term;
  return `${word(id % 97, 1)}${word(Math.floor(id / 97) % 7, 1).toLowerCase()} ${word(id + 1000, 3)}`;
}

function pick<T extends { weight: number }>(items: T[], next: () => number, total: number): number {
  let target = next() * total;
  for (const [i, item] of items.entries()) {
    target -= item.weight;
    if (target <= 0) return i;
  }
  return items.length - 1;
}

/** The n-th article of the corpus: the same (seed, n) always gives the same article. */
export function generateArticle(w: World, seed: number, n: number): ArticleInput {
  const next = random(seed * 1_000_003 + n);
  const total = w.countries.reduce((sum, country) => sum + country.weight, 0);
  const a = pick(w.countries, next, total);
  let b = pick(w.countries, next, total);
  if (b === a) b = (a + 1 + Math.floor(next() * (w.countries.length - 1))) % w.countries.length;
  const visiting = w.countries[a];
  const host = w.countries[b];
  const year = FIRST_YEAR + Math.floor(next() * 16);
  const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const visitorOffice = next() < 0.5 ? 0 : next() < 0.5 ? 1 : 2;
  const hostOffice = visitorOffice;
  const ministryA = 2 + Math.floor(next() * (OFFICES.length - 2));
  const ministryB = 2 + Math.floor(next() * (OFFICES.length - 2));
  const topics = [OFFICES[ministryA].topic!, OFFICES[ministryB].topic!].filter((topic, i, all) => all.indexOf(topic) === i);

  const visitor = holder(a, visitorOffice, year);
  const hostPerson = holder(b, hostOffice, year);
  const ministerA = holder(a, ministryA, year);
  const ministerB = holder(b, ministryB, year);
  const visitorTitle = OFFICES[visitorOffice].title;
  const agreements = topics.map((topic) => `Agreement on ${topic} cooperation between ${visiting.name} and ${host.name}`);

  const ministry = (office: number, country: { name: string }) => `Ministry of ${OFFICES[office].portfolio} of ${country.name}`;
  const sentences = {
    arrival: `${visitorTitle} ${visitor} of ${visiting.name} arrived in ${host.capital} for talks with ${OFFICES[hostOffice].title} ${hostPerson} of ${host.name}.`,
    meeting: `The two leaders met at the Government House before a signing ceremony.`,
    signing: `The governments signed the ${agreements.join(' and the ')}, binding the ${ministry(ministryA, visiting)} and the ${ministry(ministryB, host)}.`,
    exchange: `${OFFICES[ministryA].title} ${ministerA} and ${OFFICES[ministryB].title} ${ministerB} exchanged the documents.`,
    statement: `${visitor} said that ${visiting.name} valued its partnership with ${host.name}.`,
  };
  const text = `${host.capital.toUpperCase()}: ${Object.values(sentences).join(' ')}`;
  const span = (key: keyof typeof sentences) => key;

  const everyone = [
    { key: 'visitor', name: visitor, office: visitorOffice, country: 'a', evidence: span('arrival') },
    { key: 'host', name: hostPerson, office: hostOffice, country: 'b', evidence: span('arrival') },
    { key: 'minister-a', name: ministerA, office: ministryA, country: 'a', evidence: span('exchange') },
    { key: 'minister-b', name: ministerB, office: ministryB, country: 'b', evidence: span('exchange') },
  ];
  // A leader who is also the minister who signs (the same office) is declared once, as an annotator would.
  const people = everyone.filter((person, i) => everyone.findIndex((other) => other.name === person.name) === i);
  const keyOf = (key: string) => people.find((person) => person.name === everyone.find((other) => other.key === key)!.name)!.key;
  return {
    source: {
      id: `gen-${seed}-${n}`,
      name: `${visitorTitle} of ${visiting.name} visits ${host.name}`,
      publisher: 'Generated Wire',
      publishedOn: date,
      dateline: host.capital.toUpperCase(),
      text,
    },
    spans: Object.fromEntries(Object.entries(sentences).map(([key, sentence]) => [key, { quote: sentence }])),
    countries: [
      { key: 'a', name: visiting.name, isoCode: visiting.isoCode, evidence: ['arrival'] },
      { key: 'b', name: host.name, isoCode: host.isoCode, evidence: ['arrival'] },
    ],
    places: [{ key: 'capital', name: host.capital, kind: 'CITY', country: 'b', evidence: ['arrival'] }],
    bodies: [
      { key: 'government-a', name: `Government of ${visiting.name}`, nameAsReported: false, kind: 'GOVERNMENT', country: 'a', evidence: ['signing'] },
      { key: 'government-b', name: `Government of ${host.name}`, nameAsReported: false, kind: 'GOVERNMENT', country: 'b', evidence: ['signing'] },
      { key: 'ministry-a', name: ministry(ministryA, visiting), kind: 'MINISTRY', country: 'a', evidence: ['signing'] },
      { key: 'ministry-b', name: ministry(ministryB, host), kind: 'MINISTRY', country: 'b', evidence: ['signing'] },
    ],
    people: people.map((person) => ({
      key: person.key,
      name: person.name,
      aliases: [`${OFFICES[person.office].title} ${person.name}`],
      evidence: [person.evidence],
    })),
    positions: people.map((person) => ({
      key: `${person.key}-office`,
      title: OFFICES[person.office].title,
      portfolio: OFFICES[person.office].portfolio,
      country: person.country,
      body: person.key.startsWith('minister') ? `ministry-${person.country}` : `government-${person.country}`,
      evidence: [person.evidence],
    })),
    occupancies: people.map((person) => ({
      key: `${person.key}-holding`,
      position: `${person.key}-office`,
      holder: person.key,
      title: OFFICES[person.office].title,
      observedOn: date,
      evidence: [person.evidence],
    })),
    events: [
      {
        key: 'visit',
        name: `Visit of ${visitor} to ${host.name}`,
        kind: 'VISIT',
        date,
        country: 'b',
        place: 'capital',
        participants: [
          { person: 'visitor', role: 'VISITOR' },
          { person: 'host', role: 'HOST' },
        ],
        evidence: ['arrival'],
      },
      { key: 'talks', name: `Talks between ${visiting.name} and ${host.name}`, kind: 'TALKS', date, partOf: 'visit', between: ['a', 'b'], evidence: ['arrival'] },
      {
        key: 'meeting',
        name: `Meeting of ${visitor} and ${hostPerson}`,
        kind: 'MEETING',
        date,
        partOf: 'visit',
        participants: [
          { person: 'visitor', role: 'PARTICIPANT' },
          { person: 'host', role: 'PARTICIPANT' },
        ],
        evidence: ['meeting'],
      },
      {
        key: 'ceremony',
        name: `Signing ceremony of ${visiting.name} and ${host.name} in ${host.capital}`,
        kind: 'SIGNING_CEREMONY',
        date,
        partOf: 'visit',
        place: 'capital',
        participants: [
          { person: 'visitor', role: 'WITNESS' },
          { person: 'host', role: 'WITNESS' },
        ],
        evidence: ['meeting', 'signing'],
      },
    ],
    agreements: agreements.map((title, i) => ({
      key: `agreement-${i}`,
      title,
      kind: 'AGREEMENT',
      topics: [topics[i]],
      signedOn: date,
      parties: ['ministry-a', 'ministry-b'],
      signatories: ['a', 'b'],
      signedDuring: ['visit'],
      evidence: ['signing'],
    })),
    exchanges: [
      {
        key: 'exchange',
        name: `Exchange of documents between ${ministerA} and ${ministerB}`,
        date,
        partOf: 'ceremony',
        documents: agreements.map((_, i) => `agreement-${i}`),
        sides: [
          { country: 'a', role: OFFICES[ministryA].title, person: keyOf('minister-a'), capacity: [`${keyOf('minister-a')}-holding`], evidence: ['exchange'] },
          { country: 'b', role: OFFICES[ministryB].title, person: keyOf('minister-b'), capacity: [`${keyOf('minister-b')}-holding`], evidence: ['exchange'] },
        ],
        evidence: ['exchange', 'signing'],
      },
    ],
    claims: [
      {
        key: 'partnership',
        kind: 'POSITION',
        summary: `${visiting.name} values its partnership with ${host.name}.`,
        speaker: 'visitor',
        actor: 'a',
        madeAt: 'visit',
        evidence: ['statement'],
      },
    ],
  };
}

/** Articles per scale: about 10k, 100k, 1M and 5M facts (each article states about 150). */
export const SCALES = { S: 70, M: 700, L: 7000, XL: 35000 } as const;
export type Scale = keyof typeof SCALES;

export const COUNTRIES = 200;

/** Changes whenever the generator's output does: cached corpora carry it in their folder name. */
export const GENERATOR_VERSION = 3;

/**
 * Writes the corpus as JSON files (a folder per thousand) into dir, once: a complete corpus has a `.complete`
 * marker and is reused as it is.
 */
export function writeCorpus(dir: string, articles: number, seed: number, onProgress?: (done: number) => void): string {
  if (fs.existsSync(path.join(dir, '.complete'))) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const w = world(COUNTRIES);
  for (let n = 0; n < articles; n++) {
    const sub = path.join(dir, String(Math.floor(n / 1000)).padStart(3, '0'));
    if (n % 1000 === 0) {
      fs.mkdirSync(sub, { recursive: true });
      onProgress?.(n);
    }
    fs.writeFileSync(path.join(sub, `${String(n).padStart(6, '0')}.json`), JSON.stringify(generateArticle(w, seed, n)));
  }
  fs.writeFileSync(path.join(dir, '.complete'), '');
  onProgress?.(articles);
  return dir;
}
