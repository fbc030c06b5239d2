/**
 * The data-quality report (`npm run report`): what an analyst should know before trusting an answer.
 * One read query per section; the CLI prints them, the tests call them.
 */
import type { Driver } from 'neo4j-driver';
import { conflictsInGraph } from '../ingest/conflict-lookup';
import { formatConflict, type Conflict } from '../ingest/conflicts';
import { listMerges, type MergeEntry } from '../ingest/merges';
import { SIDES_SIGN, VERB_WORDING, type SigningVerb } from '../model/facts';

export interface UnnamedHolder {
  position: string;
  country: string | null;
  observedOn: string;
  actedIn: string[];
  /** Holders other sources name for the same office on that date (SAME_AS links made by entity resolution). */
  namedElsewhere: string[];
}

export interface PortfolioMismatch {
  exchange: string;
  /** What the sides did with the documents, and the source's words for it. */
  verb: SigningVerb;
  verbWords: string | null;
  person: string | null;
  role: string;
  portfolios: string[];
  documents: string[];
  topics: string[];
}

export interface AgreementWithoutNamedSignatory {
  title: string;
  signatories: string[];
}

export interface FactWithoutEvidence {
  id: string;
  labels: string[];
}

/** How many facts each kind of reading marks, and how many only an extractor drafted. */
export interface StatementCounts {
  readings: Array<{ reading: string; facts: number }>;
  extracted: number;
}

/** Who loaded the sources: per loader (a token's subject, cli:<user>), how many and when last. */
export interface SourceLoader {
  loadedBy: string | null;
  sources: number;
  lastLoadedAt: string | null;
}

export interface DataQualityReport {
  unnamedHolders: UnnamedHolder[];
  portfolioMismatches: PortfolioMismatch[];
  agreementsWithoutNamedSignatory: AgreementWithoutNamedSignatory[];
  factsWithoutEvidence: FactWithoutEvidence[];
  statements: StatementCounts;
  /** What entity resolution merged, why, and whether it was undone. */
  merges: MergeEntry[];
  /** Sources that likely contradict each other (the same event on other dates, one agreement with other signers). */
  conflicts: Conflict[];
  loaders: SourceLoader[];
}

const UNNAMED_HOLDERS = `
MATCH (occupancy:Occupancy {holderNamed: false})-[:OF_POSITION]->(position:Position)
OPTIONAL MATCH (position)-[:OF_COUNTRY]->(country:Country)
OPTIONAL MATCH (occupancy)<-[:IN_CAPACITY]-(:ExchangeSide)<-[:HAS_SIDE]-(exchange:DocumentExchange)
WITH occupancy, position, country, collect(DISTINCT exchange.name) AS actedIn
OPTIONAL MATCH (occupancy)-[:SAME_AS]->(:Occupancy)-[:HELD_BY]->(named:Person)
WITH occupancy, position, country, actedIn, collect(DISTINCT named.name) AS namedElsewhere
RETURN position.title AS position, country.name AS country, occupancy.observedOn AS observedOn, actedIn, namedElsewhere
ORDER BY country, position, observedOn`;

// A side's capacity matches a document when one of its positions has a portfolio among the document's topics,
// or belongs to a body the document binds. A side that signed or exchanged (not one that presided or witnessed)
// and matches none of its act's documents is listed.
const PORTFOLIO_MISMATCHES = `
MATCH (exchange:DocumentExchange)-[:HAS_SIDE]->(side:ExchangeSide)-[:IN_CAPACITY]->(:Occupancy)-[:OF_POSITION]->(position:Position)
WHERE exchange.verb IN $signing
WITH exchange, side, collect(position) AS positions
MATCH (exchange)-[:EXCHANGED]->(document:Agreement)
WITH exchange, side, positions, collect(document) AS documents
WHERE NONE(document IN documents WHERE ANY(position IN positions WHERE
        position.portfolio IN document.topics OR EXISTS { (position)-[:IN_BODY]->(:Body)<-[:BINDS]-(document) }))
OPTIONAL MATCH (side)-[:PERSON]->(person:Person)
RETURN exchange.name AS exchange, exchange.verb AS verb, exchange.verbWords AS verbWords, person.name AS person, side.role AS role,
       [position IN positions | position.portfolio] AS portfolios,
       [document IN documents | document.title] AS documents,
       reduce(topics = [], document IN documents | topics + document.topics) AS topics
ORDER BY exchange, role`;

const AGREEMENTS_WITHOUT_NAMED_SIGNATORY = `
MATCH (agreement:Agreement)
WHERE NOT EXISTS { (agreement)<-[:EXCHANGED]-(act:DocumentExchange)-[:HAS_SIDE]->(:ExchangeSide)-[:PERSON]->(:Person) WHERE act.verb IN $signing }
  AND NOT EXISTS { (agreement)-[:SIGNED_BY]->(:Person) }
OPTIONAL MATCH (agreement)-[:SIGNED_BY]->(signatory)
WITH agreement, collect(signatory.name) AS signatories
RETURN agreement.title AS title, signatories
ORDER BY title`;

const FACTS_WITHOUT_EVIDENCE = `
MATCH (fact:Fact)
WHERE NOT EXISTS { (fact)-[:EVIDENCED_BY]->(:Passage)-[:IN_SOURCE]->(:Source) }
RETURN fact.id AS id, [label IN labels(fact) WHERE label <> 'Fact'] AS labels
ORDER BY id`;

const READINGS = `
MATCH (fact:Fact) WHERE fact.reading IS NOT NULL
RETURN fact.reading AS reading, count(*) AS facts
ORDER BY reading`;

const EXTRACTED = "MATCH (fact:Fact {provenance: 'EXTRACTED'}) RETURN count(*) AS facts";

const LOADERS = `
MATCH (source:Source)
RETURN source.loadedBy AS loadedBy, count(*) AS sources, toString(max(source.loadedAt)) AS lastLoadedAt
ORDER BY loadedBy`;

async function rows<T>(driver: Driver, database: string, query: string): Promise<T[]> {
  const { records } = await driver.executeQuery(query, { signing: [...SIDES_SIGN] }, { database, routing: 'READ' });
  return records.map((record) => record.toObject() as T);
}

export async function dataQualityReport(driver: Driver, database: string): Promise<DataQualityReport> {
  return {
    unnamedHolders: await rows<UnnamedHolder>(driver, database, UNNAMED_HOLDERS),
    portfolioMismatches: await rows<PortfolioMismatch>(driver, database, PORTFOLIO_MISMATCHES),
    agreementsWithoutNamedSignatory: await rows<AgreementWithoutNamedSignatory>(driver, database, AGREEMENTS_WITHOUT_NAMED_SIGNATORY),
    factsWithoutEvidence: await rows<FactWithoutEvidence>(driver, database, FACTS_WITHOUT_EVIDENCE),
    statements: {
      readings: (await rows<{ reading: string; facts: unknown }>(driver, database, READINGS)).map((row) => ({ reading: row.reading, facts: Number(row.facts) })),
      extracted: Number((await rows<{ facts: unknown }>(driver, database, EXTRACTED))[0]?.facts ?? 0),
    },
    merges: await listMerges(driver, database),
    conflicts: await conflictsInGraph(driver, database),
    loaders: (await rows<{ loadedBy: string | null; sources: unknown; lastLoadedAt: string | null }>(driver, database, LOADERS)).map((row) => ({
      ...row,
      sources: Number(row.sources),
      // Neo4j prints 09:43:26.2Z for 09:43:26.200Z: the same instant as the API writes it (ISO 8601, milliseconds).
      lastLoadedAt: row.lastLoadedAt ? new Date(row.lastLoadedAt).toISOString() : null,
    })),
  };
}

function section<T>(title: string, items: T[], line: (item: T) => string, none = 'none'): string[] {
  return [`${title} (${items.length})`, ...(items.length ? items.map((item) => `  - ${line(item)}`) : [`  ${none}`]), ''];
}

export function formatReport(report: DataQualityReport): string {
  return [
    ...section('Office-holders the sources do not name', report.unnamedHolders, (item) =>
      `${item.position}${item.country ? ` of ${item.country}` : ''}, ${item.observedOn}` +
        (item.actedIn.length ? `: ${item.actedIn.join('; ')}` : '') +
        (item.namedElsewhere.length ? ` (named by another source: ${item.namedElsewhere.join(', ')})` : ''),
    ),
    ...section('Exchanges where the exchanger\'s portfolio differs from the document\'s domain', report.portfolioMismatches, (item) =>
      `${item.person ?? `(unnamed) ${item.role}`} (${item.role}; portfolio: ${item.portfolios.join(', ')}) ` +
        `${item.verbWords ?? VERB_WORDING[item.verb]} ${item.documents.join('; ')} (about: ${item.topics.join(', ')})`,
    ),
    ...section('Agreements with no named signatory or exchanger', report.agreementsWithoutNamedSignatory, (item) =>
      `${item.title}${item.signatories.length ? ` (signed by ${item.signatories.join(', ')})` : ''}`,
    ),
    ...section('Facts without evidence (expected: none)', report.factsWithoutEvidence, (item) =>
      `${item.id} (${item.labels.join(', ')})`,
    ),
    ...section('Facts that are readings of their text, not its plain statement', report.statements.readings, (item) =>
      `${item.reading}: ${item.facts}`,
    ),
    `Facts only an extractor drafted (no person curated them): ${report.statements.extracted}`,
    '',
    ...section('Merges made by entity resolution (npm run merge:undo -- <id> undoes one)', report.merges, (item) =>
      `${item.id}${item.status === 'undone' ? ' [undone]' : ''}: ${item.kind} by ${item.method}: ${item.reason}`,
    ),
    ...section('Sources that likely contradict each other (both kept as stated; check the sources)', report.conflicts, formatConflict),
    ...section('Who loaded the sources', report.loaders, (item) =>
      `${item.loadedBy ?? '(not recorded: loaded before who and when were kept)'}: ${item.sources} source(s)${item.lastLoadedAt ? `, last at ${item.lastLoadedAt}` : ''}`,
    ),
  ].join('\n');
}
