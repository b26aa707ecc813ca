// Everyone each person met, with how often and when first and last, most frequent first. The
// shared meetings themselves are not listed here (meeting/shared fetches them when a client asks):
// a busy person's counterparts would otherwise carry every meeting id of the range.
UNWIND $keys AS key
MATCH (:Person {id: key})-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(p:Person)
WHERE p.id <> key AND NOT m:Retracted
  AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
WITH key, p, count(DISTINCT m) AS count, min(m.date) AS first, max(m.date) AS last
// A row, not a map with the person (CounterpartRow in meeting.type.ts): the person is an entity
// the service keeps between requests, which Counterpart.person loads by id (see
// meeting/participant-row for why).
RETURN key, [p.id, count, toString(first), toString(last)] AS value
ORDER BY count DESC, p.name
