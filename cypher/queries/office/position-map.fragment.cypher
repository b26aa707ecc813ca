// The map an office is returned as (what position.type.ts reads): its fields and the ids of the
// body it belongs to and of its jurisdiction. `pos` is the position; the map is bound to
// `position`, beside everything else in scope.
OPTIONAL MATCH (pos)-[:OF_ORGANIZATION]->(o:Organization)
OPTIONAL MATCH (pos)-[:JURISDICTION]->(j:Organization)
WITH *, pos {.id, .title, .aliases, organizationId: o.id, jurisdictionId: j.id} AS position
