UNWIND $keys AS key
MATCH (pos:Position {id: key})
OPTIONAL MATCH (pos)-[:OF_ORGANIZATION]->(o:Organization)
OPTIONAL MATCH (pos)-[:JURISDICTION]->(j:Organization)
RETURN key, pos {.id, .title, .aliases, organizationId: o.id, jurisdictionId: j.id} AS value
