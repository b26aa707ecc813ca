// Who took part in each meeting, hosts first, with the title as the source wrote it. Each row also
// carries the person, the tenure and the office (the maps of person/map, office/tenure-map and
// office/position-map), which the resolver primes into those loaders: a page of meetings with
// participants, their tenures and offices costs one round trip here instead of four.
UNWIND $keys AS key
MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Meeting {id: key})
// The tenure by its id (an index lookup), then checked to be the person's: walking the person's
// HELD edges and testing each tenure's id cost a third more database hits on a page of meetings.
OPTIONAL CALL (p, r) {
  MATCH (t:Tenure {id: r.tenureId})-[:OF_POSITION]->(pos:Position)
  WHERE EXISTS { (p)-[:HELD]->(t) }
  #include office/tenure-map
  RETURN tenure
}
OPTIONAL CALL (r) {
  MATCH (pos:Position {id: r.positionId})
  #include office/position-map
  RETURN position
}
#include person/map
RETURN key, {personId: p.id, role: r.role, title: r.title, delegationId: r.delegationId, positionId: r.positionId, tenureId: r.tenureId,
             person: person, tenure: tenure, position: position} AS value
ORDER BY CASE r.role WHEN 'HOST' THEN 0 WHEN 'GUEST' THEN 1 ELSE 2 END, p.name
