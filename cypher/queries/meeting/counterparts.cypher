// Everyone each person met, with how often and when first and last, most frequent first.
UNWIND $keys AS key
MATCH (:Person {id: key})-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(other:Person)
WHERE other.id <> key AND NOT m:Retracted
  AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
WITH key, other, m ORDER BY m.date, m.id
WITH key, other, collect(DISTINCT m.id) AS meetingIds, min(m.date) AS first, max(m.date) AS last
// The person map (as person/by-ids returns it) comes along: Person.counterparts primes the person
// loader with it, so `counterparts { person { name } }` costs no second round trip.
RETURN key, {personId: other.id, meetingIds: meetingIds, count: size(meetingIds), first: first, last: last,
             person: other {.id, .name, .nativeName, .aliases, .externalIds}} AS value
ORDER BY size(meetingIds) DESC, other.name
