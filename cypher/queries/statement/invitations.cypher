// Invitations a person sent or received, or made at given meetings, oldest first.
CALL () {
  UNWIND $personIds AS key
  MATCH (i:Invitation)-[:INVITER|INVITEE]->(:Person {id: key})
  RETURN key, i
  UNION
  UNWIND $meetingIds AS key
  MATCH (i:Invitation)-[:MADE_AT]->(:Meeting {id: key})
  RETURN key, i
}
WITH key, i WHERE NOT i:Retracted
MATCH (i)-[:INVITER]->(inviter:Person)
MATCH (i)-[:INVITEE]->(invitee:Person)
OPTIONAL MATCH (i)-[:TO]->(dest)
OPTIONAL MATCH (i)-[:MADE_AT]->(m:Meeting)
OPTIONAL MATCH (i)-[:FULFILLED_BY]->(f:Person)
RETURN key, i {.id, .date, .dateExpression, .status, inviterId: inviter.id, inviteeId: invitee.id, meetingId: m.id, fulfilledById: f.id,
               destination: CASE WHEN dest IS NULL THEN null ELSE {id: dest.id, kind: head(labels(dest))} END} AS value
ORDER BY i.date, i.id
