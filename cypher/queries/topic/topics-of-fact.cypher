// The topics a meeting or statement is about.
UNWIND $keys AS key
MATCH (:Fact {id: key})-[:ABOUT]->(t:Topic)
RETURN key, t {.id, .name, .aliases} AS value
ORDER BY t.name
