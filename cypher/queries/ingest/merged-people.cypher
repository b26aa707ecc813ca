// Ids that now belong to a person merged into another: a file must not bring them back.
UNWIND $ids AS id
MATCH (m:MergedPerson {id: id})-[:MERGED_INTO]->(p)
RETURN m.id AS id, p.id AS mergedInto
