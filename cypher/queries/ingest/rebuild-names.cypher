// Rebuilds the Name nodes of entities: one per key (id, name, each alias, native name), shared
// between everything that has that name, which is what makes a name ambiguous.
UNWIND $rows AS row
CALL (row) {
    WITH * WHERE row.label = 'Person' MATCH (n:Person {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'Organization' MATCH (n:Organization {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'Place' MATCH (n:Place {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'Position' MATCH (n:Position {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'Topic' MATCH (n:Topic {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'RankContext' MATCH (n:RankContext {id: row.id}) RETURN n
}
CALL (n) {
  MATCH (:Name)-[r:NAMES]->(n)
  DELETE r
}
CALL (n, row) {
  UNWIND row.keys AS key
  MERGE (name:Name {key: key})
  MERGE (name)-[:NAMES]->(n)
}
