// The rank graph of one context ($contextId) or of every context (null): the stated claims
// (derived RANKS_ABOVE edges, one per non-retracted RankClaim) and the precedence holdings (a
// person holds a position that has a level in the context). With $asOf both are narrowed to what
// is valid on that day (from <= D < to; null = open). The transitive closure is computed from
// these rows in memory (src/rank/rank.engine.ts): one round trip per request, however many people
// it asks about.
CALL () {
  MATCH (s:Person)-[r:RANKS_ABOVE]->(i:Person)
  WHERE ($contextId IS NULL OR r.contextId = $contextId)
    AND ($asOf IS NULL OR ((r.validFrom IS NULL OR r.validFrom <= date($asOf)) AND (r.validTo IS NULL OR date($asOf) < r.validTo)))
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
  WHERE NOT prec:Retracted AND ($contextId IS NULL OR ctx.id = $contextId)
  MATCH (prec)-[:OF_POSITION]->(pos:Position)<-[:OF_POSITION]-(t:Tenure)<-[:HELD]-(p:Person)
  WHERE NOT t:Retracted
  WITH prec, ctx, pos, t, p,
       CASE WHEN prec.validFrom IS NULL OR t.start > prec.validFrom THEN t.start ELSE prec.validFrom END AS from,
       CASE WHEN prec.validTo IS NULL THEN t.end
            WHEN t.end IS NULL OR prec.validTo < t.end THEN prec.validTo
            ELSE t.end END AS to
  WHERE (to IS NULL OR from < to)
    AND ($asOf IS NULL OR (from <= date($asOf) AND (to IS NULL OR date($asOf) < to)))
  WITH prec, ctx, pos, t, p, from, to
  ORDER BY prec.id, t.id
  RETURN collect({precedenceId: prec.id, contextId: ctx.id, level: prec.level, positionId: pos.id,
                  precedenceFrom: prec.validFrom, precedenceTo: prec.validTo,
                  tenureId: t.id, personId: p.id, from: from, to: to}) AS holdings
}
RETURN claims, holdings
