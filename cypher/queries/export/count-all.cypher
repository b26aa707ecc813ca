// How many nodes and edges export/all-nodes and export/all-edges will stream (for a progress bar).
CALL () {
  MATCH (p:Person)
  WHERE ($from IS NULL AND $to IS NULL)
     OR EXISTS {
          MATCH (p)-[:PARTICIPATED_IN]->(m:Meeting)
          WHERE NOT m:Retracted
            AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
            AND ($to IS NULL OR m.date <= date($to)) }
     OR EXISTS {
          MATCH (p)-[:HELD]->(t:Tenure)-[:OF_POSITION]->(:Position)
          WHERE NOT t:Retracted
            AND ($to IS NULL OR t.start IS NULL OR t.start <= date($to))
            AND ($from IS NULL OR t.end IS NULL OR t.end > date($from)) }
     OR EXISTS {
          MATCH (p)-[r:RANKS_ABOVE]-(:Person)
          WHERE ($to IS NULL OR r.validFrom IS NULL OR r.validFrom <= date($to))
            AND ($from IS NULL OR r.validTo IS NULL OR r.validTo > date($from)) }
  RETURN count(p) AS people
}
CALL () {
  MATCH (m:Meeting)
  WHERE NOT m:Retracted
    AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
  RETURN count(m) AS meetings, sum(COUNT { (m)<-[:PARTICIPATED_IN]-(:Person) }) AS participations
}
CALL () {
  MATCH (p:Person)-[:HELD]->(t:Tenure)-[:OF_POSITION]->(pos:Position)
  WHERE NOT t:Retracted
    AND ($to IS NULL OR t.start IS NULL OR t.start <= date($to))
    AND ($from IS NULL OR t.end IS NULL OR t.end > date($from))
  RETURN count(DISTINCT pos) AS positions, count(t) AS tenures
}
CALL () {
  MATCH (:Person)-[r:RANKS_ABOVE]->(:Person)
  WHERE ($to IS NULL OR r.validFrom IS NULL OR r.validFrom <= date($to))
    AND ($from IS NULL OR r.validTo IS NULL OR r.validTo > date($from))
  RETURN count(r) AS ranks
}
RETURN people + meetings + positions AS nodes, participations + tenures + ranks AS edges
