// The whole ceremony: every exchange, its documents, and both sides (person when named, capacity, country).
MATCH (ceremony:Event {kind: 'SIGNING_CEREMONY'})<-[:PART_OF]-(exchange:DocumentExchange)-[:HAS_SIDE]->(side:ExchangeSide)-[:REPRESENTS]->(country:Country)
OPTIONAL MATCH (side)-[:PERSON]->(person:Person)
OPTIONAL MATCH (side)-[:IN_CAPACITY]->(occupancy:Occupancy)
MATCH (exchange)-[:EXCHANGED]->(document:Agreement)
RETURN ceremony, exchange, side, country, person, occupancy, document
