// People by id, for loaders and federation references.
UNWIND $keys AS key
MATCH (p:Person {id: key})
RETURN key, p {.id, .name, .nativeName, .aliases, .externalIds} AS value
