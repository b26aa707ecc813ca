// The drawing of an egoNetwork whose people ($persons: [{id, depth}]) and connecting facts
// ($facts: [{id, depth}]) ego-expand found: the people, the facts and their edges to the people of
// the network, the rank edges among those people, their offices (tenure -> position) and statements
// as leaves, and the links between facts of the network (statement AT meeting, invitation MADE_AT
// meeting, meeting DURING trip); all narrowed to [$from, $to] like the expansion. Ids in $persons
// and $facts are unique. An edge may lead out of the network (a meeting's other participants, a
// rank edge to someone not reached): the caller keeps only edges whose two ends it keeps, which
// is cheaper there than testing membership in long lists here. The caller cuts the result to the
// node cap, nearest first.
WITH $persons AS persons, $facts AS facts
CALL (persons) {
  UNWIND persons AS pe
  MATCH (p:Person {id: pe.id})
  RETURN collect({id: p.id, labels: labels(p), props: p {.name, .nativeName, .aliases}, depth: pe.depth}) AS personNodes
}
CALL (facts) {
  UNWIND facts AS fe
  MATCH (f:Fact {id: fe.id})
  WHERE NOT f:RankClaim
  OPTIONAL MATCH (f)-[r:PARTICIPATED_IN|TRAVELLED|SPOKEN_BY|INVITER|INVITEE|FULFILLED_BY]-(:Person)
  WITH f, fe.depth AS depth, collect(CASE WHEN r IS NULL THEN null
                           ELSE {type: type(r), source: startNode(r).id, target: endNode(r).id, props: properties(r), factId: f.id} END) AS es
  RETURN collect({id: f.id, labels: labels(f), props: properties(f), depth: depth}) AS factNodes, collect(es) AS factEdges
}
CALL (persons) {
  WITH persons WHERE 'RANK' IN $kinds
  UNWIND persons AS pe
  MATCH (s:Person {id: pe.id})-[r:RANKS_ABOVE]->(i:Person)
  WHERE ($to IS NULL OR r.validFrom IS NULL OR r.validFrom <= date($to))
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
  MATCH (f:Fact {id: fid})-[r:AT|MADE_AT|DURING]->(g:Fact)
  WHERE NOT g:Retracted
  RETURN collect(DISTINCT {type: type(r), source: f.id, target: g.id, props: properties(r), factId: f.id}) AS crossEdges
}
RETURN personNodes, factNodes, factEdges, rankEdges, offices, statements, crossEdges
