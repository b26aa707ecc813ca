// Statements by speaker ids, meeting ids or statement ids (one list is given), oldest first.
CALL () {
  UNWIND $speakerIds AS key
  CALL (key) {
    MATCH (x:Person {id: key}) RETURN x
    UNION
    MATCH (x:Organization {id: key}) RETURN x
  }
  MATCH (s:Statement)-[:SPOKEN_BY]->(x)
  RETURN key, s
  UNION ALL
  UNWIND $meetingIds AS key
  MATCH (s:Statement)-[:AT]->(:Meeting {id: key})
  RETURN key, s
  UNION ALL
  UNWIND $ids AS key
  MATCH (s:Statement {id: key})
  RETURN key, s
}
WITH key, s WHERE NOT s:Retracted
OPTIONAL MATCH (s)-[:AT]->(m:Meeting)
OPTIONAL MATCH (s)-[:REPORTED_BY]->(outlet:Organization)
CALL (s) {
  MATCH (s)-[:SPOKEN_BY]->(speaker)
  RETURN collect({id: speaker.id, kind: head(labels(speaker))}) AS speakers
}
RETURN key, s {.id, .text, .mode, .date, meetingId: m.id, reportedById: outlet.id, speakers: speakers} AS value
ORDER BY s.date, s.id
