// Before a re-declared fact gets the file's edges: its own edges go, and so do its evidence edges
// into this document (other documents' evidence stays). New facts skip this.
UNWIND $rows AS id
MATCH (f:Fact {id: id})
CALL (f) {
  MATCH (f)-[r]->(x)
  WHERE NOT r:SUPPORTED_BY OR x.id STARTS WITH $documentId + ':'
  DELETE r
}
CALL (f) {
  MATCH (f)<-[r:HELD|PARTICIPATED_IN|TRAVELLED]-()
  DELETE r
}
