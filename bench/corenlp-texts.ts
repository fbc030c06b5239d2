/**
 * Invented news reports of 2 to 4 KB for the CoreNLP benchmark: the lead paragraph of a generated article
 * (src/generate), then paragraphs written from templates with its people and countries: a statement, quotes in curly
 * quotes, a numbered list of documents, figures, an unnamed official, relative dates. Deterministic for a seed.
 */
import { generateArticle, random, world } from '../src/generate/corpus';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const TOPICS = ['renewable energy', 'customs cooperation', 'higher education', 'tourism', 'public health', 'digital trade', 'agriculture', 'water management'];

type Paragraph = (c: Cast, pick: <T>(items: T[]) => T, next: () => number) => string;

interface Cast {
  visitor: string;
  host: string;
  ministerA: string;
  ministerB: string;
  countryA: string;
  countryB: string;
  capital: string;
  year: number;
}

const PARAGRAPHS: Paragraph[] = [
  (c, pick) =>
    `According to a statement issued by the foreign ministry of ${c.countryB}, the two sides reviewed the full range of ` +
    `bilateral relations, including trade, energy, education and contacts between their peoples, and agreed to hold ` +
    `the next round of political consultations in ${c.countryA} later this year. The statement said the talks on ` +
    `${pick(WEEKDAYS)} had been held "in a warm and constructive atmosphere".`,
  (c, pick) =>
    `“We have built a partnership that serves both our peoples,” ${c.visitor} told reporters after the talks on ` +
    `${pick(WEEKDAYS)}. “Today’s agreements open a new chapter, and we intend to fill it with concrete projects.” ` +
    `${c.host} said that ${c.countryB} was ready to share its experience in ${pick(TOPICS)} 🤝 and would send a ` +
    `delegation of experts to ${c.countryA} before the end of the year.`,
  (c, pick, next) =>
    `The documents signed on ${pick(WEEKDAYS)} include:\n` +
    `1. a memorandum of understanding on ${pick(TOPICS)};\n` +
    `2. an agreement on ${pick(TOPICS)} between the ministries of the two countries;\n` +
    `3. a programme of cultural exchanges for ${c.year}-${c.year + 2};\n` +
    `4. a protocol amending the ${c.year - 1 - Math.floor(next() * 10)} agreement on the avoidance of double taxation.`,
  (c, _pick, next) =>
    `Trade between ${c.countryA} and ${c.countryB} reached ${100 + Math.floor(next() * 900)} million dollars last ` +
    `year, a rise of ${2 + Math.floor(next() * 30)} per cent, according to figures published by the statistics ` +
    `office of ${c.countryA}. Officials of both governments said they hoped to double that figure within five years, ` +
    `mainly through exports of machinery, fertilisers and processed food, and through new direct flights between ` +
    `the two capitals, which the national carriers are expected to announce in the coming weeks.`,
  (c, pick) =>
    `The Minister of Foreign Affairs of ${c.countryB}, who was not named in the statement, welcomed the delegation ` +
    `at the airport on ${pick(WEEKDAYS)} morning. Later in the day ${c.ministerA} and ${c.ministerB} co-chaired a ` +
    `meeting of the joint economic commission, its first since ${c.year - 3}, and agreed on a plan of action for the ` +
    `next two years.`,
  (c, pick) =>
    `${c.visitor} is expected to leave ${c.capital} on ${pick(WEEKDAYS)} for a regional summit, where the heads of ` +
    `government will discuss transport corridors and energy security. The visit is the first at this level since ` +
    `${c.year - 5}. Share this article: Facebook | X | Email. Related: ${c.countryA} and ${c.countryB} to open new ` +
    `consulates; Ministers discuss ${pick(TOPICS)}.`,
  (c, pick) =>
    `In a joint press statement, the leaders condemned terrorism in all its forms and called for the peaceful ` +
    `settlement of disputes through dialogue. ${c.host} thanked ${c.visitor} for the invitation to visit ` +
    `${c.countryA}, which was accepted; the dates will be agreed through diplomatic channels. The two sides also ` +
    `exchanged views on ${pick(TOPICS)} and on cooperation within international organisations.`,
];

const MIN_LENGTH = 2_000;
const MAX_LENGTH = 4_000;

/** The n-th benchmark report of `seed`: 2,000 to 4,000 characters. */
export function inventedReport(seed: number, n: number): string {
  const article = generateArticle(world(200), seed, n);
  const next = random(seed * 7_919 + n);
  const pick = <T>(items: T[]): T => items[Math.floor(next() * items.length)];
  const person = (key: string) => article.people?.find((p) => p.key === key)?.name ?? 'the minister';
  const country = (key: string) => article.countries?.find((c) => c.key === key)?.name ?? 'the country';
  const cast: Cast = {
    visitor: person('visitor'),
    host: person('host'),
    ministerA: person('minister-a'),
    ministerB: person('minister-b'),
    countryA: country('a'),
    countryB: country('b'),
    capital: article.places?.[0]?.name ?? 'the capital',
    year: Number(String(article.source.publishedOn ?? 2020).slice(0, 4)),
  };
  const order = PARAGRAPHS.map((paragraph) => ({ paragraph, key: next() })).sort((a, b) => a.key - b.key);
  const target = MIN_LENGTH + next() * (MAX_LENGTH - MIN_LENGTH - 500);
  let text = article.source.text ?? '';
  for (const { paragraph } of order) {
    const more = `${text}\n\n${paragraph(cast, pick, next)}`;
    if (more.length > MAX_LENGTH) continue;
    text = more;
    if (text.length >= target) break;
  }
  if (text.length < MIN_LENGTH) throw new Error(`benchmark report ${seed}/${n} is only ${text.length} characters`);
  return text;
}
