/**
 * The annotated-article format: an article's text and metadata, and the facts it states, each citing the spans
 * of the text that state it. Written in YAML or JSON; schema/article.schema.json is generated from this file
 * (`npm run schema:article`) for editors and other tools. docs/ingest.md documents it with a complete example.
 */
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config';

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a key: lower-case letters, digits and hyphens')
  .describe('A name for this fact, unique within the article, used to refer to it from other facts.');
const ref = (what: string) => key.describe(`The key of ${what} declared in this article.`);
const text = z.string().trim().min(1, 'must not be empty');
const isoDate = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' });
/** ISO 8601 as precise as the source: 2025, 2025-04, 2025-04-11, or an interval 2015/2016. */
const partialDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?(\/\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?)?$/,
    'must be an ISO 8601 date as precise as the source (2025, 2025-04, 2025-04-11) or an interval (2015/2016)',
  );

/** A span of the article: a quote located in the text (its nth occurrence), or character offsets. */
export const spanSchema = z.union([
  z.strictObject({
    quote: text.describe('Words of the article, exactly as printed.'),
    occurrence: z.int().min(1).optional().describe('Which occurrence of the quote, when it appears more than once (1 = first).'),
  }),
  z.strictObject({
    start: z.int().min(0).describe('Offset of the first character (Unicode code points from 0).'),
    end: z.int().min(1).describe('Offset after the last character.'),
    quote: text.optional().describe('The text at those offsets; checked when given.'),
  }),
]);

/** Where a fact is stated: the key of a named span, or a span given in place. */
const evidence = z
  .array(z.union([ref('a span (in spans)'), spanSchema]))
  .min(1, 'every fact must cite at least one span of the article')
  .describe('The spans of the article that state this fact.');

const country = z.strictObject({
  key,
  name: text,
  isoCode: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as PK').optional(),
  aliases: z.array(text).default([]).describe('Other names and adjectives used (Belarusian, Republic of Belarus).'),
  evidence,
});

const place = z.strictObject({
  key,
  name: text,
  kind: z.enum(['CITY', 'VENUE']),
  country: ref('a country'),
  within: ref('a place').optional(),
  evidence,
});

const body = z.strictObject({
  key,
  name: text,
  nameAsReported: z.boolean().default(true).describe('False when the article describes the body without naming it.'),
  kind: z.enum(['GOVERNMENT', 'MINISTRY', 'AGENCY', 'TRADE_BODY', 'LEGISLATURE', 'OTHER']),
  aliases: z.array(text).default([]),
  country: ref('a country').optional(),
  evidence,
});

const person = z.strictObject({
  key,
  name: text.describe('The name as the article gives it, without titles.'),
  aliases: z.array(text).default([]).describe('Forms that contain the name (Prime Minister Shehbaz Sharif).'),
  weakAliases: z.array(text).default([]).describe('Forms without the full name (the premier, a surname alone).'),
  evidence,
});

const position = z.strictObject({
  key,
  title: text,
  portfolio: text.optional().describe('The portfolio in a word or two (defence, interior, commerce).'),
  country: ref('a country').optional(),
  body: ref('a body').optional().describe('The body the title names, when it names one.'),
  evidence,
});

const occupancy = z.strictObject({
  key,
  position: ref('a position'),
  holder: ref('a person').optional().describe('Omitted when the article does not name the holder.'),
  title: text.describe('The title as the article words it.'),
  observedOn: isoDate.describe('The date on which the article observes the holding.'),
  heldFrom: partialDate.optional().describe('Start of the holding, when the article says (in office since ...).'),
  heldUntil: partialDate.optional(),
  evidence,
});

const participant = z.strictObject({
  person: ref('a person'),
  role: z.enum(['VISITOR', 'HOST', 'PARTICIPANT', 'WITNESS', 'SPEAKER']),
});

const event = z.strictObject({
  key,
  name: text,
  kind: z.enum(['VISIT', 'MEETING', 'TALKS', 'SIGNING_CEREMONY', 'PRESS_EVENT']),
  date: partialDate.optional(),
  partOf: ref('an event').optional(),
  country: ref('a country').optional(),
  place: ref('a place').optional(),
  between: z.array(ref('a country')).default([]),
  participants: z.array(participant).default([]),
  evidence,
});

const agreement = z.strictObject({
  key,
  title: text,
  titleAsReported: z.boolean().default(true),
  kind: z.enum(['AGREEMENT', 'MEMORANDUM_OF_UNDERSTANDING', 'PROGRAMME', 'ACCORD', 'PROTOCOL', 'TREATY', 'DECLARATION']),
  topics: z.array(text).default([]),
  validFrom: partialDate.optional(),
  validTo: partialDate.optional(),
  signedOn: partialDate.optional(),
  parties: z.array(ref('a country or body')).default([]).describe('The countries or bodies the agreement binds.'),
  signatories: z.array(ref('a country or body')).default([]).describe('Who the article says signed it.'),
  signedDuring: z.array(ref('an event')).default([]),
  evidence,
});

const side = z.strictObject({
  country: ref('a country'),
  role: text.describe('The capacity as reported: Commerce Minister.'),
  person: ref('a person').optional().describe('Omitted when the article names nobody.'),
  capacity: z.array(ref('an occupancy')).default([]).describe('The holdings of office the side acted in.'),
  evidence,
});

const exchange = z.strictObject({
  key,
  name: text,
  date: partialDate.optional(),
  partOf: ref('an event').optional(),
  documents: z.array(ref('an agreement')).min(1, 'an exchange hands over at least one document'),
  sides: z.array(side).length(2, 'an exchange has two sides'),
  evidence,
});

const claim = z.strictObject({
  key,
  kind: z.enum(['OFFER', 'ASSURANCE', 'APPRECIATION', 'REQUEST', 'PROPOSAL', 'POSITION']),
  summary: text,
  quantity: z.int().optional(),
  quantityQualifier: text.optional(),
  speaker: ref('a person'),
  actor: ref('a country').optional(),
  madeAt: ref('an event').optional(),
  refersTo: z.array(ref('an event')).default([]),
  evidence,
});

export const articleSchema = z
  .strictObject({
    source: z.strictObject({
      id: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be letters, digits, _ . -')
        .describe('The stable identifier of the article (its file name in the corpus, for example).'),
      name: text.optional().describe('The headline, when known; else the id is used.'),
      publisher: text.optional(),
      publishedOn: isoDate,
      dateline: text.optional(),
      text: z.string().min(1).optional().describe('The article text. Give this or textFile.'),
      textFile: text.optional().describe('A file with the article text, relative to this file.'),
    }),
    spans: z.record(key, spanSchema).default({}).describe('Named spans of the text, cited by key from the facts.'),
    countries: z.array(country).default([]),
    places: z.array(place).default([]),
    bodies: z.array(body).default([]),
    people: z.array(person).default([]),
    positions: z.array(position).default([]),
    occupancies: z.array(occupancy).default([]),
    events: z.array(event).default([]),
    agreements: z.array(agreement).default([]),
    exchanges: z.array(exchange).default([]),
    claims: z.array(claim).default([]),
  })
  .describe('An article and the facts it states, each citing spans of its text.');

export type Article = z.infer<typeof articleSchema>;
export type Span = z.infer<typeof spanSchema>;
export type EvidenceRef = Article['people'][number]['evidence'][number];

export const articleSchemaFile = path.join(PROJECT_ROOT, 'schema', 'article.schema.json');

/** The JSON Schema of the format, as published in schema/article.schema.json. */
export function renderArticleJsonSchema(): string {
  const schema = {
    title: 'Annotated article',
    ...(z.toJSONSchema(articleSchema, { io: 'input' }) as Record<string, unknown>),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
