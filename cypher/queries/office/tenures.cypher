// Tenures by person ids and/or position ids, optionally only those valid on $asOf.
// The as-of rule of the whole service lives here: a tenure is valid on D iff start <= D < end.
CALL () {
  UNWIND $personIds AS key
  MATCH (:Person {id: key})-[:HELD]->(t:Tenure)
  RETURN key, t
  UNION ALL
  UNWIND $positionIds AS key
  MATCH (:Position {id: key})<-[:OF_POSITION]-(t:Tenure)
  RETURN key, t
}
WITH key, t
WHERE NOT t:Retracted
  AND ($asOf IS NULL OR (t.start <= date($asOf) AND (t.end IS NULL OR date($asOf) < t.end)))
MATCH (p:Person)-[:HELD]->(t)-[:OF_POSITION]->(pos:Position)
// The office comes along (office/position-map): Person.positions primes the position loader with
// it, so `positions { position { title } }` costs no second round trip.
#include office/tenure-map
#include office/position-map
RETURN key, tenure {.*, positionRecord: position} AS value
ORDER BY t.start, t.id
