// Edges from facts to Person nodes, one row per edge: both ends by one index seek, the type from the row.
UNWIND $rows AS row
MATCH (f:Fact {id: row.from})
MATCH (t:Person {id: row.to})
CREATE (f)-[r:$(row.type)]->(t)
SET r = row.props
