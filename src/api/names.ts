/**
 * Names of actors in arguments (`connection(from:, to:)`, `exchangesOf(person:)`...) resolve in the field's own
 * Cypher (schema.graphql), one round trip: a name or alias whatever the case, accents and punctuation. When a name
 * resolves to no actor or to several, that Cypher stops with an `unresolved-name` failure carrying what it found;
 * here that failure becomes a client error (BAD_USER_INPUT, HTTP 400) naming the argument and the candidates, or,
 * for an unknown name, the closest matches by full-text search.
 */
import { GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import neo4j, { type Driver } from 'neo4j-driver';

/** What the Cypher says when a name does not resolve to exactly one actor. */
interface Unresolved {
  argument: string;
  name: string;
  kinds: string[];
  candidates: string[];
}

const MARKER = /unresolved-name (\{.*\})/s;

export function unresolvedName(error: unknown): Unresolved | undefined {
  for (let current = error as { message?: string; originalError?: unknown } | undefined; current; current = current.originalError as typeof current) {
    const match = typeof current.message === 'string' ? MARKER.exec(current.message) : null;
    if (match) return JSON.parse(match[1]) as Unresolved;
    if (current.originalError === current) break;
  }
  return undefined;
}

interface Actor {
  id: string;
  name: string;
  kind: string;
}

const KIND_NAMES: Record<string, [string, string]> = {
  Person: ['person', 'people'],
  Country: ['country', 'countries'],
  Body: ['body', 'bodies'],
};

function describeKinds(kinds: string[], plural: boolean): string {
  const names = kinds.map((kind) => KIND_NAMES[kind]?.[plural ? 1 : 0] ?? kind);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : names[0];
}

const describe = (actors: Actor[]) => actors.map((actor) => `${actor.name} (${actor.id})`).join(', ');

/** A word, its forms within two edits, and (from four letters) the words that start as it does: "Belarussia" finds Belarus. */
function closeTo(word: string): string {
  const lower = word.toLowerCase();
  return lower.length >= 4 ? `${lower}~2 OR ${lower.slice(0, 4)}*` : `${lower}*`;
}

/** The actors with these ids, and the closest matches of a name among actors of these kinds. */
async function lookUp(driver: Driver, database: string, unresolved: Unresolved): Promise<{ candidates: Actor[]; closest: Actor[] }> {
  const run = async (query: string, params: Record<string, unknown>) =>
    (await driver.executeQuery(query, params, { database, routing: neo4j.routing.READ })).records.map((record) => record.toObject() as Actor);
  const actor = "{id: node.id, name: node.name, kind: [label IN labels(node) WHERE label <> 'Fact'][0]}";
  const candidates = unresolved.candidates.length
    ? await run(`MATCH (node:Fact) WHERE node.id IN $ids RETURN ${actor} AS actor ORDER BY node.name, node.id`, { ids: unresolved.candidates })
    : [];
  const words = unresolved.name.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0).slice(0, 16);
  const closest =
    unresolved.candidates.length === 0 && words.length > 0
      ? await run(
          `CALL db.index.fulltext.queryNodes('fact_names', $query, {limit: 50}) YIELD node
           WHERE any(label IN labels(node) WHERE label IN $kinds)
           RETURN ${actor} AS actor LIMIT 5`,
          { query: words.map(closeTo).join(' OR '), kinds: unresolved.kinds },
        )
      : [];
  return { candidates: candidates.map((row) => (row as unknown as { actor: Actor }).actor), closest: closest.map((row) => (row as unknown as { actor: Actor }).actor) };
}

async function explain(driver: Driver, database: string, unresolved: Unresolved): Promise<GraphQLError> {
  const { candidates, closest } = await lookUp(driver, database, unresolved);
  const what = `Argument "${unresolved.argument}": "${unresolved.name}"`;
  const message =
    candidates.length > 1
      ? `${what} is ambiguous: it names ${candidates.length} ${describeKinds(unresolved.kinds, true)}: ${describe(candidates)}. Give the full name or another alias.`
      : `${what} names no ${describeKinds(unresolved.kinds, false)}` +
        (closest.length ? `. Closest matches: ${describe(closest)}.` : ', and nothing close to it. Try `search`.');
  return new GraphQLError(message, {
    extensions: {
      code: 'BAD_USER_INPUT',
      http: { status: 400 },
      argument: unresolved.argument,
      name: unresolved.name,
      ...(candidates.length > 1 ? { candidates } : { closest }),
    },
  });
}

/** Wraps every root field: an `unresolved-name` failure of its Cypher becomes the client error above. */
export function explainUnresolvedNames(schema: GraphQLSchema, driver: Driver, database: string): GraphQLSchema {
  for (const field of Object.values(schema.getQueryType()!.getFields())) {
    if (!field.resolve) continue;
    const resolve = field.resolve as GraphQLFieldResolver<unknown, unknown>;
    field.resolve = async (source, args, context, info) => {
      try {
        return await resolve(source, args, context, info);
      } catch (error) {
        const unresolved = unresolvedName(error);
        throw unresolved ? await explain(driver, database, unresolved) : error;
      }
    };
  }
  return schema;
}
