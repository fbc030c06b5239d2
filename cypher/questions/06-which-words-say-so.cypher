// Which words of which source say that Belarus offered to invite skilled Pakistani workers?
MATCH (claim:Claim {kind: 'OFFER'})-[:SAID_BY]->(speaker:Person)
MATCH picture = (claim)-[:EVIDENCED_BY]->(passage:Passage)-[:IN_SOURCE]->(source:Source)
RETURN claim.summary AS claim, speaker.name AS saidBy, passage.quote AS quote, passage.start AS start, passage.end AS end,
       source.name AS source, source.publishedOn AS publishedOn, picture
