// One page of meetings (Query.meetings), oldest first, keyset-paged on (date, id). The search
// starts from the most selective anchor given — a participant, a place, a topic — and only scans
// meetings by date when none is. Every filter is inclusive: a meeting matches [from, to] when any
// of its days falls inside.
CALL () {
  WITH 1 AS guard WHERE $participantId IS NOT NULL
  MATCH (:Person {id: $participantId})-[:PARTICIPATED_IN]->(m:Meeting)
  RETURN m
  UNION
  WITH 1 AS guard WHERE $participantId IS NULL AND $placeId IS NOT NULL
  MATCH (:Place {id: $placeId})<-[:AT]-(m:Meeting)
  RETURN m
  UNION
  WITH 1 AS guard WHERE $participantId IS NULL AND $placeId IS NULL AND $topicId IS NOT NULL
  MATCH (:Topic {id: $topicId})<-[:ABOUT]-(m:Meeting)
  RETURN m
  UNION
  WITH 1 AS guard WHERE $participantId IS NULL AND $placeId IS NULL AND $topicId IS NULL
  MATCH (m:Meeting)
  WHERE $to IS NULL OR m.date <= date($to)
  RETURN m
}
// The property filters come first, in a subquery so that they run on each meeting before the sort
// (as a plain WHERE, the planner sorted every meeting of the anchor and filtered afterwards), and
// the pattern filters only after the sort, one meeting at a time in date order until the page is
// full: a participant shares few of an anchor's meetings with another, or with a topic.
CALL (m) {
  WITH m
  WHERE NOT m:Retracted
    AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
    AND ($afterDate IS NULL OR m.date > date($afterDate) OR (m.date = date($afterDate) AND m.id > $afterId))
  RETURN m AS kept
}
WITH kept AS m ORDER BY m.date, m.id
WHERE ($withId IS NULL OR EXISTS { (m)<-[:PARTICIPATED_IN]-(:Person {id: $withId}) })
  AND ($placeId IS NULL OR EXISTS { (m)-[:AT]->(:Place {id: $placeId}) })
  AND ($topicId IS NULL OR EXISTS { (m)-[:ABOUT]->(:Topic {id: $topicId}) })
WITH m LIMIT $limit
#include meeting/row
RETURN meeting
ORDER BY m.date, m.id
