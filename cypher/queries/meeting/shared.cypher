// The meetings two people shared within [$from, $to] (inclusive, either may be null), oldest
// first, for Counterpart.meetings. Each key is the two ids separated by a space (ids never hold
// one); each meeting is meeting/row.
UNWIND $keys AS key
WITH key, split(key, ' ') AS pair
MATCH (:Person {id: pair[0]})-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(:Person {id: pair[1]})
WHERE NOT m:Retracted
  AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
WITH DISTINCT key, m
#include meeting/row
RETURN key, meeting AS value
ORDER BY m.date, m.id
