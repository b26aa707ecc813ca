// Resolves names, aliases or ids (already lowercased and trimmed) to the nodes of one label.
// One row per key that names anything; several candidates under one key make the name ambiguous.
UNWIND $keys AS key
MATCH (:Name {key: key})-[:NAMES]->(n)
WHERE $label IN labels(n)
RETURN key, collect(n {.id, name: coalesce(n.name, n.title), kind: $label}) AS value
