// Entity nodes with their merged properties (the importer merged the file's declaration into the
// node's state already). The label decides which constraint's index the MERGE uses.
UNWIND $rows AS row
CALL (row) {
    WITH * WHERE row.label = 'Person' MERGE (n:Person {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'Organization' MERGE (n:Organization {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'Place' MERGE (n:Place {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'Position' MERGE (n:Position {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'Topic' MERGE (n:Topic {id: row.id}) RETURN n
    UNION ALL
    WITH * WHERE row.label = 'RankContext' MERGE (n:RankContext {id: row.id}) RETURN n
}
SET n += row.props
WITH n, row
CALL (n, row) {
  WITH * WHERE row.label = 'Organization' AND row.isCountry
  SET n:Country
}
CALL (n, row) {
  WITH * WHERE row.label = 'Organization' AND NOT row.isCountry
  REMOVE n:Country
}
