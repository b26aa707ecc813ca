// The source document, whole (a document is only ever declared by its own file), and its publisher.
MERGE (d:Document {id: $id})
SET d += $props, d.contentHash = $hash
WITH d
CALL (d) {
  MATCH (d)-[r:PUBLISHED_BY]->()
  DELETE r
}
MATCH (o:Organization {id: $publisher})
MERGE (d)-[:PUBLISHED_BY]->(o)
