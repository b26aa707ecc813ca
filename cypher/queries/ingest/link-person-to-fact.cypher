// Edges from people to facts (HELD, PARTICIPATED_IN, TRAVELLED), one row per edge.
UNWIND $rows AS row
MATCH (p:Person {id: row.to})
MATCH (f:Fact {id: row.from})
CREATE (p)-[r:$(row.type)]->(f)
SET r = row.props
