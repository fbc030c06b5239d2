/**
 * The annotated-article format (v2): an article's text and metadata, and the facts it states, each citing the
 * spans of the text that state it. Written in YAML or JSON; schema/article.schema.json is generated from this file
 * (`npm run schema:article`) for editors and other tools. docs/ingest.md documents it with complete examples.
 *
 * The reference fields of each kind of fact (which key names which kind of fact) come from the fact model
 * (src/model/facts.ts); the fields here are what each kind of fact says about itself.
 *
 * v2 says what real reports say without inventing anything: dates as precise as the text (a year, a month, or
 * none), sides and places without a stated country, the verb of each act on documents, more kinds of document,
 * regions and cities as parties, unnamed officials known by a role label, readings (a fact the text implies
 * through "respectively", a coreference, a table's layout...) and extraction provenance. Every v1 file is a v2 file.
 */
import path from 'node:path';
import { z } from 'zod';
import { PROJECT_ROOT } from '../config';
import { MODEL, READING_KINDS, SIGNING_VERBS, type FactKind, type Reference } from '../model/facts';

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a key: lower-case letters, digits and hyphens')
  .describe('A name for this fact, unique within the article, used to refer to it from other facts.');
const text = z.string().trim().min(1, 'must not be empty');

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Why a date as precise as the source (2025, 2025-04, 2025-04-11) is not one, or undefined when it is. */
export function dateProblem(value: string): string | undefined {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return 'must be an ISO 8601 date as precise as the source: 2025, 2025-04 or 2025-04-11';
  const [, year, month, day] = match;
  if (month !== undefined && (Number(month) < 1 || Number(month) > 12)) return `has no month ${month}`;
  if (day !== undefined) {
    const max = Number(month) === 2 && !isLeap(Number(year)) ? 28 : DAYS_IN_MONTH[Number(month) - 1];
    if (Number(day) < 1 || Number(day) > max) return `is not a day of the calendar (${year}-${month} has ${max} days)`;
  }
  return undefined;
}

/**
 * ISO 8601 as precise as the source: 2025, 2025-04, 2025-04-11, or an interval 2015/2016 (start before end). A bare
 * year (YAML reads `2025` as a number) is taken as the year.
 */
const partialDate = z
  .preprocess((value) => (typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999 ? String(value) : value), z.string())
  .superRefine((value, ctx) => {
    const parts = value.split('/');
    if (parts.length > 2) {
      ctx.addIssue({ code: 'custom', message: `'${value}' must be a date or one interval start/end` });
      return;
    }
    for (const part of parts) {
      const problem = dateProblem(part);
      if (problem) {
        ctx.addIssue({
          code: 'custom',
          message: `'${part}' ${problem.startsWith('must') ? problem : `${problem}: it must be an ISO 8601 date (2025, 2025-04, 2025-04-11)`}`,
        });
        return;
      }
    }
    if (parts.length === 2 && parts[0] > parts[1]) ctx.addIssue({ code: 'custom', message: `the interval ${value} ends before it starts` });
  })
  .describe('ISO 8601 as precise as the source: 2025, 2025-04, 2025-04-11, or an interval such as 2015/2016.');

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
  .array(z.union([key.describe('The key of a span declared in spans.'), spanSchema]))
  .min(1, 'every fact must cite at least one span of the article')
  .describe('The spans of the article that state this fact.');

export const readingSchema = z
  .strictObject({
    kind: z.enum(READING_KINDS).describe(
      'RESPECTIVELY ("A and B, respectively"), COREFERENCE ("the Uzbek minister" for a person named earlier), ' +
        'TABLE_LAYOUT (known from a table\'s rows or columns), TRUNCATED_TEXT (the text is cut), COLLECTIVE_SPLIT ' +
        '(a collective phrase read as separate facts), OTHER.',
    ),
    note: text.max(500).describe('What the reading rests on, in a sentence.'),
  })
  .describe('This fact is a reading of the text, not its plain statement: how it was read, and why.');

export const extractedSchema = z
  .strictObject({
    by: text.describe('The extractor and its version (extract/2 with CoreNLP 4.5.10).'),
    confidence: z.number().min(0).max(1).describe('How sure the extractor is, from 0 to 1.'),
  })
  .describe('This fact was drafted by a machine, not curated by a person.');

/** What every fact carries: its key, its evidence, and how it is stated. */
const factFields = {
  key,
  evidence,
  reading: readingSchema.optional(),
  extracted: extractedSchema.optional(),
};

type Refs<K extends FactKind> = (typeof MODEL)[K]['refs'];
type ReferenceShape<K extends FactKind> = {
  [F in keyof Refs<K>]: Refs<K>[F] extends { many: true }
    ? z.ZodDefault<z.ZodArray<typeof key>>
    : Refs<K>[F] extends { required: true }
      ? typeof key
      : z.ZodOptional<typeof key>;
};

/** The reference fields of a kind of fact, from the fact model. */
function references<K extends FactKind>(kind: K): ReferenceShape<K> {
  const shape: Record<string, z.ZodType> = {};
  for (const [field, ref] of Object.entries(MODEL[kind].refs as Record<string, Reference>)) {
    const target = ref.targets.join(' or ');
    if (ref.many) shape[field] = z.array(key).default([]).describe(`${ref.description} (keys of ${target})`);
    else if (ref.required) shape[field] = key.describe(`${ref.description} (the key of one of ${target})`);
    else shape[field] = key.optional().describe(`${ref.description} (the key of one of ${target})`);
  }
  return shape as ReferenceShape<K>;
}

function fact<K extends FactKind, T extends z.ZodRawShape>(kind: K, own: T) {
  return z.strictObject({ ...factFields, ...own, ...references(kind) });
}

const country = fact('countries', {
  name: text,
  isoCode: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as PK').optional(),
  aliases: z.array(text).default([]).describe('Other names and adjectives used (Belarusian, Republic of Belarus).'),
});

const place = fact('places', {
  name: text,
  kind: z.enum(['REGION', 'CITY', 'VENUE']),
});

const body = fact('bodies', {
  name: text,
  nameAsReported: z.boolean().default(true).describe('False when the article describes the body without naming it.'),
  kind: z.enum(['GOVERNMENT', 'MINISTRY', 'AGENCY', 'TRADE_BODY', 'LEGISLATURE', 'COMPANY', 'OTHER']),
  aliases: z.array(text).default([]),
});

const person = fact('people', {
  name: text.describe('The name as the article gives it, without titles.'),
  aliases: z.array(text).default([]).describe('Forms that contain the name (Prime Minister Shehbaz Sharif).'),
  weakAliases: z.array(text).default([]).describe('Forms without the full name (the premier, a surname alone).'),
});

const position = fact('positions', {
  title: text,
  portfolio: text.optional().describe('The portfolio in a word or two (defence, interior, commerce).'),
});

const occupancy = fact('occupancies', {
  title: text.describe('The title as the article words it.'),
  observedOn: partialDate
    .optional()
    .describe('When the article observes the holding; by default its publication date (as precise as that is).'),
  heldFrom: partialDate.optional().describe('Start of the holding, when the article says (in office since ...).'),
  heldUntil: partialDate.optional(),
});

const PARTICIPANT_ROLES = ['VISITOR', 'HOST', 'PARTICIPANT', 'WITNESS', 'SPEAKER', 'PRESIDING'] as const;

/** A named person, or an unnamed official known by a role label (an Uzbek deputy prime minister). */
const participant = z
  .strictObject({
    person: key.optional().describe('A named participant (the key of one of people).'),
    label: text.optional().describe('An unnamed participant, by the words of the text (the respective ministers).'),
    role: z.enum(PARTICIPANT_ROLES),
    ...references('officials'),
    evidence: evidence.optional().describe("The words that describe an unnamed participant (a named one is cited by the event's evidence)."),
    reading: readingSchema.optional(),
    extracted: extractedSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if ((value.person === undefined) === (value.label === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'give exactly one of person (a named participant) and label (an unnamed one)' });
    } else if (value.label !== undefined && value.evidence === undefined) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: 'an unnamed participant must cite the words that describe it' });
    } else if (value.person !== undefined && (value.country !== undefined || (value.capacity as string[]).length > 0)) {
      ctx.addIssue({ code: 'custom', message: "country and capacity describe an unnamed participant; a named one's are in occupancies" });
    } else if (value.person !== undefined && value.evidence !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['evidence'], message: "a named participant is cited by its event's evidence" });
    }
  });

const event = fact('events', {
  name: text,
  kind: z.enum(['VISIT', 'MEETING', 'TALKS', 'SIGNING_CEREMONY', 'PRESS_EVENT', 'SUMMIT', 'OTHER']),
  date: partialDate.optional(),
  participants: z.array(participant).default([]),
});

const agreement = fact('agreements', {
  title: text,
  titleAsReported: z.boolean().default(true).describe('False when the text describes the document rather than naming it.'),
  kind: z.enum([
    'AGREEMENT',
    'MEMORANDUM_OF_UNDERSTANDING',
    'PROGRAMME',
    'ACCORD',
    'PROTOCOL',
    'TREATY',
    'DECLARATION',
    'DECISION',
    'JOINT_STATEMENT',
    'CONTRACT',
    'OTHER',
  ]),
  kindAsReported: text.optional().describe('The kind in the words of the text, when they say more than the kind (Acknowledgment, Road Map).'),
  topics: z.array(text).default([]),
  validFrom: partialDate.optional(),
  validTo: partialDate.optional(),
  signedOn: partialDate.optional(),
});

const side = z.strictObject({
  role: text.describe('The capacity as reported: Commerce Minister; for an unnamed official, the words (the respective minister).'),
  ...references('sides'),
  evidence,
  reading: readingSchema.optional(),
  extracted: extractedSchema.optional(),
});

const verb = z
  .strictObject({
    kind: z.enum(SIGNING_VERBS),
    words: text.optional().describe('The words of the text (presided over the signing of).'),
  })
  .describe('What the sides did with the documents, as the text says: EXCHANGED unless given.');

const exchange = fact('exchanges', {
  name: text,
  date: partialDate.optional(),
  verb: verb.default({ kind: 'EXCHANGED' }),
  sides: z.array(side).min(1, 'an act on documents has at least one side'),
});

const claim = fact('claims', {
  kind: z.enum(['OFFER', 'ASSURANCE', 'APPRECIATION', 'REQUEST', 'PROPOSAL', 'POSITION']),
  summary: text,
  quantity: z.int().optional(),
  quantityQualifier: text.optional(),
});

export const sourceSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be letters, digits, _ . -')
    .max(200, 'must be at most 200 characters')
    .describe('The stable identifier of the article (its file name in the corpus, for example).'),
  name: text.optional().describe('The headline, when known; else the id is used.'),
  publisher: text.optional(),
  url: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional(),
  publishedOn: partialDate.optional().describe('As precise as known: 2025-04-11, 2025-04 or 2025; omit when unknown.'),
  dateline: text.optional(),
  text: z.string().min(1).optional().describe('The article text. Give this or textFile.'),
  textFile: text.optional().describe("A file with the article text, in this file's folder or below it."),
});

/** The collections of facts, each a list of one kind of fact. */
export const collectionSchemas = {
  countries: country,
  places: place,
  bodies: body,
  people: person,
  positions: position,
  occupancies: occupancy,
  events: event,
  agreements: agreement,
  exchanges: exchange,
  claims: claim,
};

export const articleSchema = z
  .strictObject({
    source: sourceSchema,
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
export type Reading = z.infer<typeof readingSchema>;
export type Extracted = z.infer<typeof extractedSchema>;
export type Participant = Article['events'][number]['participants'][number];
export type Side = Article['exchanges'][number]['sides'][number];

/** One fact of a collection of an article. */
export type ArticleEntity<K extends keyof Article> = Article[K] extends Array<infer T> ? T : never;

export const articleSchemaFile = path.join(PROJECT_ROOT, 'schema', 'article.schema.json');

/** The JSON Schema of the format, as published in schema/article.schema.json. */
export function renderArticleJsonSchema(): string {
  const schema = {
    title: 'Annotated article (format v2)',
    ...(z.toJSONSchema(articleSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>),
  };
  return `${JSON.stringify(schema, null, 2)}\n`;
}
