/**
 * Selective targets for the contract queries on a generated graph, chosen deterministically: the first person (by
 * id) who exchanged documents, the countries of that exchange, one of its documents, the person's surname, and
 * actors 2, 4 and 6 steps away by the `connection` field's own measure.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { cypherOfQueryField, type Targets } from './contract-queries';

export async function chooseTargets(driver: Driver, database: string): Promise<Targets> {
  const read = async (query: string, params: Record<string, unknown> = {}) =>
    (await driver.executeQuery(query, params, { database, routing: neo4j.routing.READ })).records.map((record) => record.toObject());
  const [exchange] = await read(
    `MATCH (person:Person)<-[:PERSON]-(side:ExchangeSide)<-[:HAS_SIDE]-(x:DocumentExchange)
     WITH person, side, x ORDER BY person.id LIMIT 1
     MATCH (side)-[:REPRESENTS]->(own:Country)
     MATCH (x)-[:HAS_SIDE]->(other:ExchangeSide)-[:REPRESENTS]->(them:Country) WHERE other <> side
     MATCH (other)-[:PERSON]->(counterpart:Person)
     MATCH (x)-[:EXCHANGED]->(document:Agreement)
     RETURN person.name AS person, own.name AS own, them.name AS them, counterpart.name AS counterpart,
            min(document.title) AS document`,
  );
  if (!exchange) throw new Error('the graph has no document exchange with a named person');
  const person = exchange.person as string;
  const connection = cypherOfQueryField('connection');
  // Null when not connected, or when the name does not resolve to one actor (the field's Cypher then fails).
  const lengthTo = async (to: string) => {
    try {
      const [row] = await read(`CALL () { ${connection} } RETURN CASE WHEN connection.found THEN connection.length END AS length`, { from: person, to });
      return (row?.length ?? null) as number | null;
    } catch {
      return null;
    }
  };

  const connections: Targets['connections'] = [];
  for (const [hops, to] of [
    [2, exchange.own],
    [4, exchange.counterpart],
  ] as Array<[number, string]>) {
    const length = await lengthTo(to);
    connections.push({ label: `${length ?? 'no'} hops`, from: person, to });
    void hops;
  }
  // Six steps: the first person (by id) that far away.
  const candidates = (await read('MATCH (p:Person) RETURN p.name AS name ORDER BY p.id LIMIT 200')).map((row) => row.name as string);
  let far: { to: string; length: number } | undefined;
  for (const candidate of candidates) {
    const length = await lengthTo(candidate);
    if (length !== null && (!far || Math.abs(length - 6) < Math.abs(far.length - 6))) far = { to: candidate, length };
    if (length === 6) break;
  }
  if (far) connections.push({ label: `${far.length} hops`, from: person, to: far.to });
  return {
    person,
    exchanger: person,
    countryA: exchange.own as string,
    countryB: exchange.them as string,
    agreementTitle: exchange.document as string,
    searchCommon: 'minister',
    searchRare: person.split(' ').at(-1)!,
    connections,
  };
}
