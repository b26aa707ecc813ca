// The map a participant is returned as (ParticipantRecord in meeting.type.ts): `p` took part as
// `r`. It carries the person, the tenure and the office (the maps of person/map,
// office/tenure-map and office/position-map), which Meeting.participants primes into those
// loaders: a page of meetings with participants, their tenures and offices costs no further round
// trip. The map is bound to `participant`, beside everything else in scope, and the order
// participants are listed in (hosts first, then guests, then the rest; by name within each) is
// `roleOrder, p.name`.
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
WITH *, {personId: p.id, role: r.role, title: r.title, delegationId: r.delegationId, positionId: r.positionId, tenureId: r.tenureId,
         person: person, tenure: tenure, position: position} AS participant,
       CASE r.role WHEN 'HOST' THEN 0 WHEN 'GUEST' THEN 1 ELSE 2 END AS roleOrder
