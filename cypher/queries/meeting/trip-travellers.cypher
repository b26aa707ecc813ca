UNWIND $keys AS key
MATCH (p:Person)-[:TRAVELLED]->(:Trip {id: key})
RETURN key, p.id AS value
ORDER BY p.name
