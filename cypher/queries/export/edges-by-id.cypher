// The edges among the nodes of a subgraph ($people, $meetings, $positions: lists of ids) that
// were true or happened in $from..$to, in the same shape as export/all-edges; streamed as found.
CALL () {
  UNWIND $people AS key
  MATCH (p:Person {id: key})-[r:PARTICIPATED_IN]->(m:Meeting)
  WHERE m.id IN $meetings AND NOT m:Retracted
    AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
  RETURN p.id + '|' + m.id AS id, 'PARTICIPATED_IN' AS kind, p.id AS source, m.id AS target,
         toLower(coalesce(r.role, 'participant')) AS label, m.date AS validFrom, coalesce(m.endDate, m.date) AS validTo,
         r.role AS role, r.title AS title, m AS fact
  UNION ALL
  UNWIND $people AS key
  MATCH (p:Person {id: key})-[:HELD]->(t:Tenure)-[:OF_POSITION]->(pos:Position)
  WHERE pos.id IN $positions AND NOT t:Retracted
    AND ($to IS NULL OR t.start IS NULL OR t.start <= date($to))
    AND ($from IS NULL OR t.end IS NULL OR t.end > date($from))
  RETURN t.id AS id, 'HELD' AS kind, p.id AS source, pos.id AS target, 'held' AS label,
         t.start AS validFrom, t.end AS validTo, null AS role, t.endCause AS title, t AS fact
  UNION ALL
  UNWIND $people AS key
  MATCH (a:Person {id: key})-[r:RANKS_ABOVE]->(b:Person)
  WHERE b.id IN $people
    AND ($to IS NULL OR r.validFrom IS NULL OR r.validFrom <= date($to))
    AND ($from IS NULL OR r.validTo IS NULL OR r.validTo > date($from))
  MATCH (c:RankClaim {id: r.claimId})
  OPTIONAL MATCH (c)-[:IN_CONTEXT]->(ctx:RankContext)
  RETURN r.claimId AS id, 'RANKS_ABOVE' AS kind, a.id AS source, b.id AS target, 'ranks above' AS label,
         r.validFrom AS validFrom, r.validTo AS validTo, null AS role, ctx.name AS title, c AS fact
}
CALL (fact) {
  OPTIONAL MATCH (fact)-[:SUPPORTED_BY]->(e:Evidence)-[:IN_DOCUMENT]->(d:Document)
  WITH e, d ORDER BY d.publishedAt, d.id, e.start
  RETURN [q IN collect(e.quote) WHERE q IS NOT NULL] AS quotes, collect(DISTINCT d.title) AS sources
}
RETURN id, kind, source, target, label, validFrom, validTo, role, title, quotes, sources
