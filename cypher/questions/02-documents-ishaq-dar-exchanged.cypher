// Which documents did Ishaq Dar exchange, and with whom? (The counterpart may be unnamed: then only the office is known.)
MATCH (dar:Person {name: 'Ishaq Dar'})<-[:PERSON]-(side:ExchangeSide)<-[:HAS_SIDE]-(exchange:DocumentExchange)
MATCH (exchange)-[:HAS_SIDE]->(other:ExchangeSide)-[:REPRESENTS]->(country:Country)
WHERE other <> side
OPTIONAL MATCH (other)-[:PERSON]->(counterpart:Person)
MATCH picture = (dar)<-[:PERSON]-(side)<-[:HAS_SIDE]-(exchange)-[:EXCHANGED]->(document:Agreement)
RETURN document.title AS document, side.role AS darCapacity, counterpart.name AS counterpart,
       other.role AS counterpartCapacity, country.name AS counterpartCountry, picture
ORDER BY document
