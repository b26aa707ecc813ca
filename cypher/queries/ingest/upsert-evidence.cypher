// Evidence spans of the document: id <documentId>:<start>-<end>, shared by every fact quoting it.
// Who a span is attributed to comes as a person id or an organisation id (one index seek each).
MATCH (d:Document {id: $documentId})
UNWIND $rows AS row
MERGE (e:Evidence {id: row.id})
SET e += row.props
MERGE (e)-[:IN_DOCUMENT]->(d)
WITH e, row
CALL (e) {
  MATCH (e)-[r:ATTRIBUTED_TO]->()
  DELETE r
}
CALL (e, row) {
  MATCH (t:Person {id: row.attributedToPerson})
  CREATE (e)-[:ATTRIBUTED_TO]->(t)
}
CALL (e, row) {
  MATCH (t:Organization {id: row.attributedToOrganization})
  CREATE (e)-[:ATTRIBUTED_TO]->(t)
}
