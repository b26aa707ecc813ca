// Merges one person into another: every relationship of `merge` moves onto `keep` (a Name that
// names both stays one edge), `keep` takes the merged names, and `merge` becomes a MergedPerson
// that keeps its properties and says where it went, when, by whom and why.
MATCH (keep:Person {id: $keep})
MATCH (merge:Person {id: $merge})
CALL (keep, merge) {
  MATCH (merge)-[r]->(x)
  WITH r, x, type(r) AS type, properties(r) AS props
  CREATE (keep)-[moved:$(type)]->(x)
  SET moved = props
  DELETE r
  RETURN count(*) AS outgoing
}
CALL (keep, merge) {
  MATCH (merge)<-[r]-(x)
  WITH r, x, type(r) AS type, properties(r) AS props
  CALL (x, keep, type, props) {
    WITH * WHERE type = 'NAMES'
    MERGE (x)-[:NAMES]->(keep)
  }
  CALL (x, keep, type, props) {
    WITH * WHERE type <> 'NAMES'
    CREATE (x)-[moved:$(type)]->(keep)
    SET moved = props
  }
  DELETE r
  RETURN count(*) AS incoming
}
SET keep.aliases = $aliases,
    keep.nativeName = coalesce(keep.nativeName, merge.nativeName),
    keep.mergedIds = $mergedIds,
    keep.searchText = $searchText
REMOVE merge:Person
SET merge:MergedPerson
CREATE (merge)-[:MERGED_INTO {at: $at, by: $by, reason: $reason}]->(keep)
RETURN outgoing + incoming AS moved
