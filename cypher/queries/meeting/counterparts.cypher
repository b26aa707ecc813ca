// Everyone each person met, with how often and when first and last, most frequent first. The
// shared meetings themselves are not listed here (meeting/shared fetches them when a client asks):
// a busy person's counterparts would otherwise carry every meeting id of the range.
UNWIND $keys AS key
MATCH (:Person {id: key})-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(other:Person)
WHERE other.id <> key AND NOT m:Retracted
  AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
WITH key, other, count(DISTINCT m) AS count, min(m.date) AS first, max(m.date) AS last
// The person map (as person/by-ids returns it) comes along: Person.counterparts primes the person
// loader with it, so `counterparts { person { name } }` costs no second round trip.
RETURN key, {personId: other.id, count: count, first: toString(first), last: toString(last),
             person: other {.id, .name, .nativeName, .aliases, .externalIds}} AS value
ORDER BY count DESC, other.name
