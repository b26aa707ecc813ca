// Everyone a name, alias or id names (case-insensitive: the key arrives lowercased).
MATCH (:Name {key: $key})-[:NAMES]->(p:Person)
RETURN p {.id, .name, .nativeName, .aliases, .externalIds} AS person
ORDER BY p.id
