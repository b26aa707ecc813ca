// The last ring of a person's network ($ring: ids of the people the walk reached last) keeps its
// offices and the meetings it shares with someone already in the network ($people: every person
// in it), in $from..$to; a meeting with nobody else of the network would dangle.
UNWIND $ring AS key
CALL (key) {
  MATCH (:Person {id: key})-[:HELD]->(t:Tenure)-[:OF_POSITION]->(pos:Position)
  WHERE NOT t:Retracted
    AND ($to IS NULL OR t.start IS NULL OR t.start <= date($to))
    AND ($from IS NULL OR t.end IS NULL OR t.end > date($from))
  RETURN 'Position' AS kind, pos.id AS id
  UNION
  MATCH (:Person {id: key})-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(other:Person)
  WHERE other.id <> key AND other.id IN $people AND NOT m:Retracted
    AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
  RETURN 'Meeting' AS kind, m.id AS id
}
RETURN DISTINCT kind, id
