// The whole rank graph, every context and every date: the stated claims (derived RANKS_ABOVE
// edges, one per non-retracted RankClaim), the precedence holdings (a person holds a position that
// has a level in a context, over the overlap of tenure and precedence) and the rank contexts.
// Nothing is narrowed here to a day or a context: the service keeps these rows for a short while
// (src/rank/rank-graph.cache.ts) and narrows them in memory per request (claimHolds and
// holdingHolds in src/rank/rank.engine.ts, the rule this query applied before: from <= D < to,
// null = open), so one read serves every asOf and context until the next write or the cache's TTL.
CALL () {
  MATCH (s:Person)-[r:RANKS_ABOVE]->(i:Person)
  MATCH (c:Fact {id: r.claimId})
  WHERE c:RankClaim AND NOT c:Retracted
  OPTIONAL MATCH (c)-[:RESTS_ON]->(t:Tenure)
  WITH r, s, i, c, collect(t.id) AS basis
  ORDER BY c.id
  RETURN collect({id: c.id, contextId: r.contextId, superiorId: s.id, inferiorId: i.id, date: c.date,
                  validFrom: r.validFrom, validTo: r.validTo, basis: basis}) AS claims
}
CALL () {
  MATCH (prec:Precedence)-[:IN_CONTEXT]->(ctx:RankContext)
  WHERE NOT prec:Retracted
  MATCH (prec)-[:OF_POSITION]->(pos:Position)<-[:OF_POSITION]-(t:Tenure)<-[:HELD]-(p:Person)
  WHERE NOT t:Retracted
  WITH prec, ctx, pos, t, p,
       CASE WHEN prec.validFrom IS NULL OR t.start > prec.validFrom THEN t.start ELSE prec.validFrom END AS from,
       CASE WHEN prec.validTo IS NULL THEN t.end
            WHEN t.end IS NULL OR prec.validTo < t.end THEN prec.validTo
            ELSE t.end END AS to
  // An empty overlap is no holding on any day; this does not depend on the day asked about.
  WHERE to IS NULL OR from < to
  WITH prec, ctx, pos, t, p, from, to
  ORDER BY prec.id, t.id
  RETURN collect({precedenceId: prec.id, contextId: ctx.id, level: prec.level, positionId: pos.id,
                  precedenceFrom: prec.validFrom, precedenceTo: prec.validTo,
                  tenureId: t.id, personId: p.id, from: from, to: to}) AS holdings
}
// The contexts as `rank/contexts-by-ids` returns them, so that the rank fields can answer
// `context { id name aliases }` from the same snapshot without another round trip.
CALL () {
  MATCH (c:RankContext)
  WITH c ORDER BY c.id
  RETURN collect(c {.id, .name, .aliases}) AS contexts
}
RETURN claims, holdings, contexts
