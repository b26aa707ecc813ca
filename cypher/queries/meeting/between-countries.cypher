// One page of the meetings two countries both took part in (Bilateral.meetings), oldest first,
// keyset-paged on (date, id); [from, to] inclusive, either may be null. Anchored on both countries
// in one pattern, the planner joins their meetings rather than walking all of one country's and
// testing each for the other: as a branch of meeting/search this page cost 1.6 times as much
// (docs/benchmark.md, W6).
MATCH (:Organization {id: $a})<-[:INVOLVES]-(m:Meeting)-[:INVOLVES]->(:Organization {id: $b})
WHERE NOT m:Retracted
  AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
  AND ($afterDate IS NULL OR m.date > date($afterDate) OR (m.date = date($afterDate) AND m.id > $afterId))
WITH m ORDER BY m.date, m.id LIMIT $limit
#include meeting/row
RETURN meeting
ORDER BY m.date, m.id
