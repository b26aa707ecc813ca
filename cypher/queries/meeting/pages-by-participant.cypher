// One page of meetings for each of many people at once (Person.meetings under a list of people),
// oldest first, keyset-paged on (date, id); $limit is the page size plus one. Each meeting comes
// whole (meeting/map), so a page costs this one round trip, not a second one for the meetings.
UNWIND $keys AS key
CALL (key) {
  MATCH (:Person {id: key})-[:PARTICIPATED_IN]->(m:Meeting)
  WHERE NOT m:Retracted
    AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
    AND ($afterDate IS NULL OR m.date > date($afterDate) OR (m.date = date($afterDate) AND m.id > $afterId))
  RETURN m ORDER BY m.date, m.id LIMIT $limit
}
#include meeting/map
RETURN key, meeting AS value
ORDER BY m.date, m.id
