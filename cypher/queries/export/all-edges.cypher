// Every edge of the exported graph, streamed as found (no ORDER BY): who took part in which
// meeting (PARTICIPATED_IN), who held which position (HELD, one per tenure), who ranks above whom
// (RANKS_ABOVE, one per rank claim). Each carries the evidence of the fact it rests on: the quotes
// in document order and the titles of their documents. $from/$to as in export/all-nodes.
CALL () {
  MATCH (p:Person)-[r:PARTICIPATED_IN]->(m:Meeting)
  WHERE NOT m:Retracted
    AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
  RETURN p.id + '|' + m.id AS id, 'PARTICIPATED_IN' AS kind, p.id AS source, m.id AS target,
         toLower(coalesce(r.role, 'participant')) AS label, m.date AS validFrom, coalesce(m.endDate, m.date) AS validTo,
         r.role AS role, r.title AS title, m AS fact
  UNION ALL
  MATCH (p:Person)-[:HELD]->(t:Tenure)-[:OF_POSITION]->(pos:Position)
  WHERE NOT t:Retracted
    AND ($to IS NULL OR t.start IS NULL OR t.start <= date($to))
    AND ($from IS NULL OR t.end IS NULL OR t.end > date($from))
  RETURN t.id AS id, 'HELD' AS kind, p.id AS source, pos.id AS target, 'held' AS label,
         t.start AS validFrom, t.end AS validTo, null AS role, t.endCause AS title, t AS fact
  UNION ALL
  MATCH (a:Person)-[r:RANKS_ABOVE]->(b:Person)
  WHERE ($to IS NULL OR r.validFrom IS NULL OR r.validFrom <= date($to))
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
