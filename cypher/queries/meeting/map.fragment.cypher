// The map a meeting is returned as (what meeting.type.ts reads): its fields, and the ids of its
// place and of the trip it was part of. `m` is the meeting; the map is bound to `meeting`, beside
// everything else in scope, for the query's RETURN.
OPTIONAL MATCH (m)-[:AT]->(place:Place)
OPTIONAL MATCH (m)-[:DURING]->(trip:Trip)
WITH *, m {.id, date: toString(m.date), endDate: toString(m.endDate), .dateExpression, .durationMinutes, .durationExpression, .format, .cameo, .description,
           placeId: place.id, tripId: trip.id} AS meeting
