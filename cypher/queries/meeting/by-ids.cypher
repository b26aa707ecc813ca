UNWIND $keys AS key
MATCH (m:Meeting {id: key})
WHERE NOT m:Retracted
OPTIONAL MATCH (m)-[:AT]->(place:Place)
OPTIONAL MATCH (m)-[:DURING]->(trip:Trip)
RETURN key, m {.id, date: toString(m.date), endDate: toString(m.endDate), .dateExpression, .durationMinutes, .durationExpression, .format, .cameo, .description,
               placeId: place.id, tripId: trip.id} AS value
