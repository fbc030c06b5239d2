/**
 * The contract queries of the API, each as GraphQL and as the hand-written Cypher that answers the same question
 * with the same shape, for one selective target (a person, a country pair, an agreement). The benchmarks run both
 * and compare; `sameAnswer` checks once that they agree.
 */
import fs from 'node:fs';
import { Kind, parse, type DirectiveNode, type ObjectTypeDefinitionNode, type StringValueNode } from 'graphql';
import { SCHEMA_PATH } from '../src/api/schema';

export interface ContractQuery {
  name: string;
  graphql: { query: string; variables: Record<string, unknown> };
  cypher: { query: string; params: Record<string, unknown> };
  /** The GraphQL answer's root field, to compare with the Cypher rows. */
  root: string;
}

export interface Targets {
  person: string;
  /** A person who exchanged documents. */
  exchanger: string;
  countryA: string;
  countryB: string;
  agreementTitle: string;
  searchCommon: string;
  searchRare: string;
  connections: Array<{ label: string; from: string; to: string }>;
}

/** The Cypher of a Query field's @cypher directive in schema.graphql: what GraphQL runs, without GraphQL. */
export function cypherOfQueryField(field: string): string {
  const document = parse(fs.readFileSync(SCHEMA_PATH, 'utf8'));
  const query = document.definitions.find(
    (definition): definition is ObjectTypeDefinitionNode => definition.kind === Kind.OBJECT_TYPE_DEFINITION && definition.name.value === 'Query',
  );
  const directive = query?.fields?.find((candidate) => candidate.name.value === field)?.directives?.find(
    (candidate: DirectiveNode) => candidate.name.value === 'cypher',
  );
  const statement = directive?.arguments?.find((argument) => argument.name.value === 'statement')?.value as StringValueNode | undefined;
  if (!statement) throw new Error(`Query.${field} has no @cypher statement in schema.graphql`);
  return statement.value;
}

const EXCHANGE_FIELDS = `
  name
  documents(sort: [{ title: ASC }]) { title }
  sides(sort: [{ role: ASC }, { id: ASC }]) { role person { name } country { name } }
  evidence(sort: [{ start: ASC }, { id: ASC }]) { quote }`;

const EXCHANGE_PROJECTION = `
  x {
    .name,
    documents: COLLECT { MATCH (x)-[:EXCHANGED]->(d:Agreement) RETURN d { .title } ORDER BY d.title },
    sides: COLLECT {
      MATCH (x)-[:HAS_SIDE]->(s:ExchangeSide)
      WITH s ORDER BY s.role, s.id
      RETURN s {
        .role,
        person: COLLECT { MATCH (s)-[:PERSON]->(p:Person) RETURN p { .name } },
        country: COLLECT { MATCH (s)-[:REPRESENTS]->(c:Country) RETURN c { .name } }
      }
    },
    evidence: COLLECT { MATCH (x)-[:EVIDENCED_BY]->(e:Passage) WITH e ORDER BY e.start, e.id RETURN e { .quote } }
  }`;

export function contractQueries(targets: Targets): ContractQuery[] {
  const queries: ContractQuery[] = [
    {
      name: 'documentExchanges of one person',
      root: 'documentExchanges',
      graphql: {
        query: `query($name: String!) {
          documentExchanges(where: { sides: { some: { person: { some: { name: { eq: $name } } } } } }, sort: [{ name: ASC }]) { ${EXCHANGE_FIELDS} }
        }`,
        variables: { name: targets.exchanger },
      },
      cypher: {
        query: `MATCH (:Person {name: $name})<-[:PERSON]-(:ExchangeSide)<-[:HAS_SIDE]-(x:DocumentExchange)
                WITH DISTINCT x ORDER BY x.name LIMIT 50
                RETURN ${EXCHANGE_PROJECTION} AS row`,
        params: { name: targets.exchanger },
      },
    },
    {
      name: 'agreements of one country pair',
      root: 'agreements',
      graphql: {
        query: `query($a: String!, $b: String!) {
          agreements(where: { AND: [
            { signatories: { some: { name: { eq: $a } } } },
            { signatories: { some: { name: { eq: $b } } } }
          ] }, sort: [{ title: ASC }, { signedOn: ASC }]) { title kind topics signedOn validFrom validTo }
        }`,
        variables: { a: targets.countryA, b: targets.countryB },
      },
      cypher: {
        query: `MATCH (:Country {name: $a})<-[:SIGNED_BY]-(a:Agreement)-[:SIGNED_BY]->(:Country {name: $b})
                WITH DISTINCT a ORDER BY a.title, a.signedOn LIMIT 50
                RETURN a { .title, .kind, .topics, .signedOn, .validFrom, .validTo } AS row`,
        params: { a: targets.countryA, b: targets.countryB },
      },
    },
    {
      name: 'one agreement with parties, exchanges, evidence',
      root: 'agreements',
      graphql: {
        query: `query($title: String!) {
          agreements(where: { title: { eq: $title } }) {
            title kind topics validFrom validTo
            parties(sort: [{ name: ASC }]) { name }
            exchanges(sort: [{ name: ASC }]) { sides(sort: [{ role: ASC }]) { person { name } } }
            evidence(sort: [{ start: ASC }, { id: ASC }]) { quote }
          }
        }`,
        variables: { title: targets.agreementTitle },
      },
      cypher: {
        query: `MATCH (a:Agreement {title: $title})
                WITH a LIMIT 50
                RETURN a {
                  .title, .kind, .topics, .validFrom, .validTo,
                  parties: COLLECT { MATCH (a)-[:BINDS]->(p) RETURN p { .name } ORDER BY p.name },
                  exchanges: COLLECT {
                    MATCH (a)<-[:EXCHANGED]-(x:DocumentExchange)
                    RETURN { sides: COLLECT {
                      MATCH (x)-[:HAS_SIDE]->(s:ExchangeSide)
                      RETURN { person: COLLECT { MATCH (s)-[:PERSON]->(q:Person) RETURN q { .name } } } ORDER BY s.role
                    } } ORDER BY x.name
                  },
                  evidence: COLLECT { MATCH (a)-[:EVIDENCED_BY]->(e:Passage) WITH e ORDER BY e.start, e.id RETURN e { .quote } }
                } AS row`,
        params: { title: targets.agreementTitle },
      },
    },
    {
      name: 'one person with positions, counterparts, evidence',
      root: 'people',
      graphql: {
        query: `query($name: String!) {
          people(where: { name: { eq: $name } }) {
            name aliases
            positions { title country { name } }
            counterparts { name }
            evidence(sort: [{ start: ASC }, { id: ASC }]) { quote source { name publishedOn } start end }
          }
        }`,
        variables: { name: targets.person },
      },
      cypher: {
        query: `MATCH (person:Person {name: $name})
                WITH person LIMIT 50
                RETURN person {
                  .name, .aliases,
                  positions: COLLECT {
                    MATCH (person)<-[:HELD_BY]-(:Occupancy)-[:OF_POSITION]->(position:Position)
                    WITH DISTINCT position ORDER BY position.title LIMIT 50
                    RETURN position { .title, country: COLLECT { MATCH (position)-[:OF_COUNTRY]->(c:Country) RETURN c { .name } } }
                  },
                  counterparts: COLLECT {
                    MATCH (person)<-[:PERSON]-(side:ExchangeSide)<-[:HAS_SIDE]-(:DocumentExchange)-[:HAS_SIDE]->(other:ExchangeSide)-[:PERSON]->(counterpart:Person)
                    WHERE other <> side AND counterpart <> person
                    WITH DISTINCT counterpart ORDER BY counterpart.name LIMIT 50
                    RETURN counterpart { .name }
                  },
                  evidence: COLLECT {
                    MATCH (person)-[:EVIDENCED_BY]->(e:Passage)
                    WITH e ORDER BY e.start, e.id
                    RETURN e { .quote, source: COLLECT { MATCH (e)-[:IN_SOURCE]->(s:Source) RETURN s { .name, publishedOn: toString(s.publishedOn) } }, .start, .end }
                  }
                } AS row`,
        params: { name: targets.person },
      },
    },
  ];
  // The same questions asked from their indexed end (a person, a country): what users should write on a large
  // graph, since @neo4j/graphql plans a relationship filter on the root field as a scan of the root label.
  queries.push(
    {
      name: 'exchanges of one person, asked from the person',
      root: 'people',
      graphql: {
        query: `query($name: String!) {
          people(where: { name: { eq: $name } }, limit: 1) {
            exchangeSides(sort: [{ id: ASC }], limit: 20) { exchange(limit: 1) { ${EXCHANGE_FIELDS} } }
          }
        }`,
        variables: { name: targets.exchanger },
      },
      cypher: {
        query: `MATCH (person:Person {name: $name})
                WITH person LIMIT 1
                RETURN person {
                  exchangeSides: COLLECT {
                    MATCH (person)<-[:PERSON]-(side:ExchangeSide)
                    WITH side ORDER BY side.id LIMIT 20
                    RETURN { exchange: COLLECT { MATCH (side)<-[:HAS_SIDE]-(x:DocumentExchange) WITH x LIMIT 1 RETURN ${EXCHANGE_PROJECTION} } }
                  }
                } AS row`,
        params: { name: targets.exchanger },
      },
    },
    {
      name: 'agreements of one country pair, asked from the country',
      root: 'countries',
      graphql: {
        query: `query($a: String!, $b: String!) {
          countries(where: { name: { eq: $a } }, limit: 1) {
            signed(where: { signatories: { some: { name: { eq: $b } } } }, sort: [{ title: ASC }, { signedOn: ASC }], limit: 50) {
              title kind topics signedOn validFrom validTo
            }
          }
        }`,
        variables: { a: targets.countryA, b: targets.countryB },
      },
      cypher: {
        query: `MATCH (country:Country {name: $a})
                WITH country LIMIT 1
                RETURN country {
                  signed: COLLECT {
                    MATCH (country)<-[:SIGNED_BY]-(a:Agreement)-[:SIGNED_BY]->(:Country {name: $b})
                    WITH DISTINCT a ORDER BY a.title, a.signedOn LIMIT 50
                    RETURN a { .title, .kind, .topics, .signedOn, .validFrom, .validTo }
                  }
                } AS row`,
        params: { a: targets.countryA, b: targets.countryB },
      },
    },
  );
  // The fast root fields: the same questions, starting from the named actor's index.
  queries.push(
    {
      name: 'exchangesOf one person (fast form)',
      root: 'exchangesOf',
      graphql: {
        query: `query($name: String!) { exchangesOf(person: $name, sort: [{ name: ASC }]) { ${EXCHANGE_FIELDS} } }`,
        variables: { name: targets.exchanger },
      },
      cypher: queries[0].cypher,
    },
    {
      name: 'agreementsBetween one country pair (fast form)',
      root: 'agreementsBetween',
      graphql: {
        query: `query($a: String!, $b: String!) {
          agreementsBetween(countries: [$a, $b], sort: [{ title: ASC }, { signedOn: ASC }]) { title kind topics signedOn validFrom validTo }
        }`,
        variables: { a: targets.countryA, b: targets.countryB },
      },
      cypher: queries[1].cypher,
    },
    {
      name: 'exchangesBetween one country pair',
      root: 'exchangesBetween',
      graphql: {
        query: `query($a: String!, $b: String!) { exchangesBetween(a: $a, b: $b, sort: [{ name: ASC }]) { ${EXCHANGE_FIELDS} } }`,
        variables: { a: targets.countryA, b: targets.countryB },
      },
      cypher: {
        query: `MATCH (:Country {name: $a})<-[:REPRESENTS]-(one:ExchangeSide)<-[:HAS_SIDE]-(x:DocumentExchange)-[:HAS_SIDE]->(other:ExchangeSide)-[:REPRESENTS]->(:Country {name: $b})
                WHERE one <> other
                WITH DISTINCT x ORDER BY x.name LIMIT 50
                RETURN ${EXCHANGE_PROJECTION} AS row`,
        params: { a: targets.countryA, b: targets.countryB },
      },
    },
    {
      name: 'agreementsOf one country',
      root: 'agreementsOf',
      graphql: {
        query: `query($a: String!) { agreementsOf(actor: $a, sort: [{ title: ASC }, { id: ASC }]) { title kind signedOn } }`,
        variables: { a: targets.countryA },
      },
      cypher: {
        query: `MATCH (:Country {name: $a})<-[:SIGNED_BY|BINDS]-(a:Agreement)
                WITH DISTINCT a ORDER BY a.title, a.id LIMIT 50
                RETURN a { .title, .kind, .signedOn } AS row`,
        params: { a: targets.countryA },
      },
    },
  );
  for (const [label, text] of [
    ['common', targets.searchCommon],
    ['rare', targets.searchRare],
  ] as const) {
    queries.push({
      name: `search (${label} term)`,
      root: 'search',
      graphql: { query: 'query($text: String!) { search(text: $text, limit: 10) { kind id name score } }', variables: { text } },
      cypher: { query: `CALL () { ${cypherOfQueryField('search')} } RETURN hit { .kind, .id, .name, .score } AS row`, params: { text, limit: 10 } },
    });
  }
  for (const { label, from, to } of targets.connections) {
    queries.push({
      name: `connection (${label})`,
      root: 'connection',
      graphql: {
        query: 'query($from: String!, $to: String!) { connection(from: $from, to: $to) { length steps { kind name via } } }',
        variables: { from, to },
      },
      cypher: { query: `CALL () { ${cypherOfQueryField('connection')} } RETURN connection AS row`, params: { from, to } },
    });
  }
  return queries;
}
