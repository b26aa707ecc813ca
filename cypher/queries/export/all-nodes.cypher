// Every node of the exported graph, streamed as found (no ORDER BY): people, meetings, and the
// positions people held. With $from/$to (ISO dates, inclusive; either may be null) only what was
// true or happened then: meetings in the range, positions with a tenure overlapping it, and the
// people with a meeting, a tenure or a rank edge in it. Without a range, every person.
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
  RETURN p.id AS id, 'Person' AS kind, p.name AS label, null AS date, null AS endDate, p.nativeName AS nativeName, null AS place
  UNION ALL
  MATCH (m:Meeting)
  WHERE NOT m:Retracted
    AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
  OPTIONAL MATCH (m)-[:AT]->(pl:Place)
  WITH m, head(collect(pl.name)) AS place
  RETURN m.id AS id, 'Meeting' AS kind, 'Meeting ' + toString(m.date) + coalesce(' · ' + place, '') AS label,
         m.date AS date, m.endDate AS endDate, null AS nativeName, place
  UNION ALL
  MATCH (pos:Position)
  WHERE EXISTS {
    MATCH (pos)<-[:OF_POSITION]-(t:Tenure)<-[:HELD]-(:Person)
    WHERE NOT t:Retracted
      AND ($to IS NULL OR t.start IS NULL OR t.start <= date($to))
      AND ($from IS NULL OR t.end IS NULL OR t.end > date($from)) }
  RETURN pos.id AS id, 'Position' AS kind, pos.title AS label, null AS date, null AS endDate, null AS nativeName, null AS place
}
RETURN id, kind, label, date, endDate, nativeName, place
