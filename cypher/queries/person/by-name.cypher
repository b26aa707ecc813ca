// Everyone each name, alias or id names (case-insensitive: the keys arrive lowercased). A keyed
// read: the lookups of concurrent requests share one statement (src/neo4j/keyed-read-batcher.ts).
UNWIND $keys AS key
MATCH (:Name {key: key})-[:NAMES]->(p:Person)
#include person/map
RETURN key, person
ORDER BY p.id
