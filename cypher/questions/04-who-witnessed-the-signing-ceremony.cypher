// Who witnessed the signing ceremony, and in which office?
MATCH picture = (witness:Person)-[participation:PARTICIPATED_IN {role: 'WITNESS'}]->(ceremony:Event {kind: 'SIGNING_CEREMONY'})
OPTIONAL MATCH (witness)<-[:HELD_BY]-(occupancy:Occupancy)-[:OF_POSITION]->(position:Position)-[:OF_COUNTRY]->(country:Country)
WHERE occupancy.observedOn = ceremony.date
RETURN ceremony.name AS ceremony, witness.name AS witness, position.title AS office, country.name AS country, picture
ORDER BY witness
