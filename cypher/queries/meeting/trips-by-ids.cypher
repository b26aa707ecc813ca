UNWIND $keys AS key
MATCH (t:Trip {id: key})
WHERE NOT t:Retracted
OPTIONAL MATCH (t)-[:TO]->(dest)
RETURN key, t {.id, .startDate, .endDate, .purpose, .significance, .firstSince,
               destination: CASE WHEN dest IS NULL THEN null ELSE {id: dest.id, kind: head(labels(dest))} END} AS value
