// Derived RANKS_ABOVE edges, one per non-retracted rank claim: rebuilt for the given claims and
// for every claim resting on one of the given tenures. validFrom is the latest start and validTo
// the earliest end of the basis tenures (null = open); a retracted basis tenure voids the edge.
CALL () {
  UNWIND $claimIds AS id
  MATCH (c:RankClaim {id: id})
  RETURN c
  UNION
  UNWIND $tenureIds AS id
  MATCH (:Tenure {id: id})<-[:RESTS_ON]-(c:RankClaim)
  RETURN c
}
CALL (c) {
  MATCH ()-[old:RANKS_ABOVE {claimId: c.id}]->()
  DELETE old
}
CALL (c) {
  WITH c WHERE NOT c:Retracted
  MATCH (c)-[:SUPERIOR]->(superior:Person)
  MATCH (c)-[:INFERIOR]->(inferior:Person)
  MATCH (c)-[:IN_CONTEXT]->(context:RankContext)
  OPTIONAL MATCH (c)-[:RESTS_ON]->(t:Tenure)
  WITH c, superior, inferior, context, max(t.start) AS validFrom, min(t.end) AS validTo, sum(CASE WHEN t:Retracted THEN 1 ELSE 0 END) AS retracted
  WHERE retracted = 0
  CREATE (superior)-[:RANKS_ABOVE {claimId: c.id, contextId: context.id, validFrom: validFrom, validTo: validTo}]->(inferior)
}
RETURN count(c) AS rebuilt
