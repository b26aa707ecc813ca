UNWIND $keys AS key
MATCH (m:Meeting)-[:DURING]->(:Trip {id: key})
WHERE NOT m:Retracted
RETURN key, m.id AS value
ORDER BY m.date, m.id
