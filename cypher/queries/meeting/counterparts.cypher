// Everyone each person met, with how often and when first and last, most frequent first. The
// shared meetings themselves are not listed here (meeting/shared fetches them when a client asks):
// a busy person's counterparts would otherwise carry every meeting id of the range.
UNWIND $keys AS key
MATCH (:Person {id: key})-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(p:Person)
WHERE p.id <> key AND NOT m:Retracted
  AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
WITH key, p, count(DISTINCT m) AS count, min(m.date) AS first, max(m.date) AS last
// The person (person/map) comes along: Person.counterparts primes the person loader with it, so
// `counterparts { person { name } }` costs no second round trip.
#include person/map
RETURN key, {personId: p.id, count: count, first: toString(first), last: toString(last), person: person} AS value
ORDER BY count DESC, p.name
