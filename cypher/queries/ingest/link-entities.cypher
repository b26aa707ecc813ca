// Links between entities (PART_OF, IN_COUNTRY, OF_ORGANIZATION, JURISDICTION): the types a row
// names are replaced by the row's links. Runs after every node of the file exists.
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
CALL (n, row) {
  MATCH (n)-[r]->()
  WHERE type(r) IN row.types
  DELETE r
}
CALL (n, row) {
  UNWIND row.links AS link
  CALL (link) {
      WITH * WHERE link.label = 'Person' MATCH (t:Person {id: link.id}) RETURN t
      UNION ALL
      WITH * WHERE link.label = 'Organization' MATCH (t:Organization {id: link.id}) RETURN t
      UNION ALL
      WITH * WHERE link.label = 'Place' MATCH (t:Place {id: link.id}) RETURN t
      UNION ALL
      WITH * WHERE link.label = 'Position' MATCH (t:Position {id: link.id}) RETURN t
      UNION ALL
      WITH * WHERE link.label = 'Topic' MATCH (t:Topic {id: link.id}) RETURN t
      UNION ALL
      WITH * WHERE link.label = 'RankContext' MATCH (t:RankContext {id: link.id}) RETURN t
  }
  CREATE (n)-[:$(link.type)]->(t)
}
