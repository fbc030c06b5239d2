// Offices whose holder the sources do not name, and where they acted.
MATCH (occupancy:Occupancy {holderNamed: false})-[:OF_POSITION]->(position:Position)-[:OF_COUNTRY]->(country:Country)
OPTIONAL MATCH (occupancy)<-[:IN_CAPACITY]-(side:ExchangeSide)<-[:HAS_SIDE]-(exchange:DocumentExchange)
RETURN position.title AS office, country.name AS country, occupancy.observedOn AS observedOn,
       collect(exchange.name) AS actedIn, occupancy
