// Which bodies does the military-technical roadmap bind, and for which years?
MATCH (roadmap:Agreement)
WHERE roadmap.title STARTS WITH 'Programme (Roadmap) of the Military-Technical Cooperation'
MATCH picture = (roadmap)-[:BINDS]->(party)-[:OF_COUNTRY]->(country:Country)
RETURN roadmap.title AS agreement, party.name AS party, country.name AS country,
       roadmap.validFrom AS validFrom, roadmap.validTo AS validTo, picture
ORDER BY party
