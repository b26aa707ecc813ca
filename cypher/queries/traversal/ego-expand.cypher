// One level of an egoNetwork: from the people of $frontier (ids) to the facts that connect them
// to other people and those people, over the allowed kinds ($kinds: MEETING, TRIP, INVITATION,
// STATEMENT (co-speakers), RANK, OFFICE (the same position held)), narrowed to [$from, $to]
// (inclusive; null = open): meetings, trips, invitations and statements by date, tenures and rank
// edges when their interval overlaps. A rank claim connects its two people like a meeting does
// (claim -SUPERIOR/INFERIOR-> person) when its RANKS_ABOVE edge overlaps the period. At most
// $rowCap (fact, person) rows. The caller runs it once per level (depth cap 3): a single query
// unrolled over the three levels took seconds to plan; this one is planned once and reused.
//
// Each frontier person is bound before the subquery that walks from it, and the rank test walks
// from the claim to its own edge: left to itself, a plan cached while the graph was small started
// from every Person and scanned every RANKS_ABOVE edge per row (seconds on 300 people). The kinds
// are one CASE rather than a chain of ORs, which the planner would split into unions to plan.
UNWIND $frontier AS pid
MATCH (p:Person {id: pid})
CALL (p) {
  MATCH (p)-[:PARTICIPATED_IN|TRAVELLED|SPOKEN_BY|INVITER|INVITEE|FULFILLED_BY|SUPERIOR|INFERIOR]-(f)
        -[:PARTICIPATED_IN|TRAVELLED|SPOKEN_BY|INVITER|INVITEE|FULFILLED_BY|SUPERIOR|INFERIOR]-(q:Person)
  WHERE q <> p AND NOT f:Retracted AND CASE
    WHEN f:Meeting THEN 'MEETING' IN $kinds AND ($from IS NULL OR coalesce(f.endDate, f.date) >= date($from)) AND ($to IS NULL OR f.date <= date($to))
    WHEN f:Trip THEN 'TRIP' IN $kinds AND ($from IS NULL OR coalesce(f.endDate, f.startDate) >= date($from)) AND ($to IS NULL OR f.startDate <= date($to))
    WHEN f:Invitation THEN 'INVITATION' IN $kinds AND ($from IS NULL OR f.date >= date($from)) AND ($to IS NULL OR f.date <= date($to))
    WHEN f:Statement THEN 'STATEMENT' IN $kinds AND ($from IS NULL OR f.date >= date($from)) AND ($to IS NULL OR f.date <= date($to))
    WHEN f:RankClaim THEN 'RANK' IN $kinds AND EXISTS {
      MATCH (f)-[:SUPERIOR]->(:Person)-[r:RANKS_ABOVE]->(:Person)<-[:INFERIOR]-(f)
      WHERE r.claimId = f.id
        AND ($to IS NULL OR r.validFrom IS NULL OR r.validFrom <= date($to))
        AND ($from IS NULL OR r.validTo IS NULL OR r.validTo > date($from))
        AND (r.validFrom IS NULL OR r.validTo IS NULL OR r.validFrom < r.validTo) }
    ELSE false
  END
  RETURN f.id AS fact, q.id AS other
  UNION
  MATCH (p)-[:HELD]->(t1:Tenure)-[:OF_POSITION]->(:Position)<-[:OF_POSITION]-(t2:Tenure)<-[:HELD]-(q:Person)
  WHERE 'OFFICE' IN $kinds AND q <> p AND NOT t1:Retracted AND NOT t2:Retracted
    AND ($to IS NULL OR (t1.start <= date($to) AND t2.start <= date($to)))
    AND ($from IS NULL OR ((t1.end IS NULL OR t1.end > date($from)) AND (t2.end IS NULL OR t2.end > date($from))))
  RETURN null AS fact, q.id AS other
}
WITH DISTINCT fact, other LIMIT toInteger($rowCap)
RETURN collect(DISTINCT fact) AS facts, collect(DISTINCT other) AS people, count(*) >= $rowCap AS capped
