// Who exchanged documents with Viktor Khrenin, in what capacity, and which documents?
MATCH (khrenin:Person {name: 'Viktor Khrenin'})<-[:PERSON]-(side:ExchangeSide)<-[:HAS_SIDE]-(exchange:DocumentExchange)
MATCH (exchange)-[:HAS_SIDE]->(other:ExchangeSide)-[:REPRESENTS]->(country:Country)
WHERE other <> side
OPTIONAL MATCH (other)-[:PERSON]->(counterpart:Person)
MATCH (exchange)-[:EXCHANGED]->(document:Agreement)
MATCH picture = (khrenin)<-[:PERSON]-(side)<-[:HAS_SIDE]-(exchange)-[:HAS_SIDE]->(other)
RETURN counterpart.name AS counterpart, other.role AS capacity, country.name AS country,
       collect(document.title) AS documents, picture
