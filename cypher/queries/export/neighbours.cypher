// One person-to-person hop of a breadth-first walk from a person, over the edges export/all-edges
// exports that hold in $from..$to: from the frontier ($people: ids), the meetings they took part
// in and everyone else in them, the positions they held and everyone else who held them then, and
// the people a rank edge joins them to. Rows: (kind, id) of each node reached.
UNWIND $people AS key
CALL (key) {
  MATCH (:Person {id: key})-[:PARTICIPATED_IN]->(m:Meeting)
  WHERE NOT m:Retracted
    AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
  CALL (m) {
    RETURN 'Meeting' AS kind, m.id AS id
    UNION
    MATCH (m)<-[:PARTICIPATED_IN]-(p:Person)
    RETURN 'Person' AS kind, p.id AS id
  }
  RETURN kind, id
  UNION
  MATCH (:Person {id: key})-[:HELD]->(t:Tenure)-[:OF_POSITION]->(pos:Position)
  WHERE NOT t:Retracted
    AND ($to IS NULL OR t.start IS NULL OR t.start <= date($to))
    AND ($from IS NULL OR t.end IS NULL OR t.end > date($from))
  CALL (pos) {
    RETURN 'Position' AS kind, pos.id AS id
    UNION
    MATCH (pos)<-[:OF_POSITION]-(t2:Tenure)<-[:HELD]-(p:Person)
    WHERE NOT t2:Retracted
      AND ($to IS NULL OR t2.start IS NULL OR t2.start <= date($to))
      AND ($from IS NULL OR t2.end IS NULL OR t2.end > date($from))
    RETURN 'Person' AS kind, p.id AS id
  }
  RETURN kind, id
  UNION
  MATCH (:Person {id: key})-[r:RANKS_ABOVE]-(other:Person)
  WHERE ($to IS NULL OR r.validFrom IS NULL OR r.validFrom <= date($to))
    AND ($from IS NULL OR r.validTo IS NULL OR r.validTo > date($from))
  RETURN 'Person' AS kind, other.id AS id
}
RETURN DISTINCT kind, id
