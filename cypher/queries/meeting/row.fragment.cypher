// The row a meeting is returned as (MeetingRow in meeting.type.ts, which Meeting.fromRow reads):
// its fields, and the ids of its place and of the trip it was part of. `m` is the meeting; the row
// is bound to `meeting`, beside everything else in scope, for the query's RETURN.
// A list, not a map: neo4j-driver decodes a map key by key, and a page of meetings is many rows
// (see meeting/participant-row).
OPTIONAL MATCH (m)-[:AT]->(place:Place)
OPTIONAL MATCH (m)-[:DURING]->(trip:Trip)
WITH *, [m.id, toString(m.date), toString(m.endDate), m.dateExpression, m.durationMinutes, m.durationExpression, m.format, m.cameo, m.description,
         place.id, trip.id] AS meeting
