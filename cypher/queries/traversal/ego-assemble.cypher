// The drawing of an egoNetwork whose people ($persons: [{id, depth}]) and connecting facts
// ($facts: [{id, depth}]) ego-expand found: the people, the facts and their edges to the people of
// the network, the rank edges among those people, their offices (tenure -> position) and statements
// as leaves, and the links between facts of the network (statement AT meeting, invitation MADE_AT
// meeting, meeting DURING trip); all narrowed to [$from, $to] like the expansion. The caller cuts
// the result to the node cap, nearest first.
WITH $persons AS persons, $facts AS facts, [p IN $persons | p.id] AS personIds
CALL (persons) {
  UNWIND persons AS pe
  MATCH (p:Person {id: pe.id})
  RETURN collect({id: p.id, labels: labels(p), props: p {.name, .nativeName, .aliases}, depth: pe.depth}) AS personNodes
}
CALL (facts, personIds) {
  UNWIND facts AS fe
  WITH fe.id AS factId, min(fe.depth) AS depth, personIds
  MATCH (f:Fact {id: factId})
  WHERE NOT f:RankClaim
  OPTIONAL MATCH (f)-[r:PARTICIPATED_IN|TRAVELLED|SPOKEN_BY|INVITER|INVITEE|FULFILLED_BY]-(p:Person)
  WHERE p.id IN personIds
  WITH f, depth, collect(CASE WHEN r IS NULL THEN null
                           ELSE {type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r), factId: f.id} END) AS es
  RETURN collect({id: f.id, labels: labels(f), props: properties(f), depth: depth}) AS factNodes, collect(es) AS factEdges
}
CALL (personIds) {
  WITH personIds WHERE 'RANK' IN $kinds
  UNWIND personIds AS pid
  MATCH (s:Person {id: pid})-[r:RANKS_ABOVE]->(i:Person)
  WHERE i.id IN personIds
    AND ($to IS NULL OR r.validFrom IS NULL OR r.validFrom <= date($to))
    AND ($from IS NULL OR r.validTo IS NULL OR r.validTo > date($from))
    AND (r.validFrom IS NULL OR r.validTo IS NULL OR r.validFrom < r.validTo)
  RETURN collect({type: 'RANKS_ABOVE', source: s.id, target: i.id, props: properties(r), factId: r.claimId}) AS rankEdges
}
CALL (persons) {
  WITH persons WHERE 'OFFICE' IN $kinds
  UNWIND persons AS pe
  MATCH (p:Person {id: pe.id})-[:HELD]->(t:Tenure)-[:OF_POSITION]->(pos:Position)
  WHERE NOT t:Retracted AND ($to IS NULL OR t.start <= date($to)) AND ($from IS NULL OR t.end IS NULL OR t.end > date($from))
  RETURN collect({personId: p.id, depth: pe.depth,
                  tenure: {id: t.id, labels: labels(t), props: properties(t)},
                  position: {id: pos.id, labels: labels(pos), props: properties(pos)}}) AS offices
}
CALL (persons) {
  WITH persons WHERE 'STATEMENT' IN $kinds
  UNWIND persons AS pe
  MATCH (p:Person {id: pe.id})<-[:SPOKEN_BY]-(s:Statement)
  WHERE NOT s:Retracted AND ($from IS NULL OR s.date >= date($from)) AND ($to IS NULL OR s.date <= date($to))
  RETURN collect({personId: p.id, depth: pe.depth, statement: {id: s.id, labels: labels(s), props: properties(s)}}) AS statements
}
WITH personNodes, factNodes, factEdges, rankEdges, offices, statements,
     [x IN facts | x.id] + [s IN statements | s.statement.id] AS factIds
CALL (factIds) {
  UNWIND factIds AS fid
  WITH DISTINCT fid, factIds
  MATCH (f:Fact {id: fid})-[r:AT|MADE_AT|DURING]->(g:Fact)
  WHERE g.id IN factIds AND NOT g:Retracted
  RETURN collect(DISTINCT {type: type(r), source: f.id, target: g.id, props: properties(r), factId: f.id}) AS crossEdges
}
RETURN personNodes, factNodes, factEdges, rankEdges, offices, statements, crossEdges
