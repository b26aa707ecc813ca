// How many derived RANKS_ABOVE edges rest on a fact: the claim's own, or those of claims resting on a tenure.
MATCH (f:Fact {id: $id})
CALL (f) {
  WITH f AS c WHERE c:RankClaim
  RETURN c
  UNION
  MATCH (c:RankClaim)-[:RESTS_ON]->(f)
  RETURN c
}
OPTIONAL MATCH ()-[r:RANKS_ABOVE {claimId: c.id}]->()
RETURN count(r) AS edges
