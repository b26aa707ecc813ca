UNWIND $keys AS key
MATCH (p:Person)-[:HELD]->(t:Tenure {id: key})-[:OF_POSITION]->(pos:Position)
RETURN key, t {.id, start: toString(t.start), .startPrecision, end: toString(t.end), .endPrecision, .endCause, personId: p.id, positionId: pos.id} AS value
