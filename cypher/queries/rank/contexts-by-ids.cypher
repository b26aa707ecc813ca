// Rank contexts by id, for loaders.
UNWIND $keys AS key
MATCH (c:RankContext {id: key})
RETURN key, c {.id, .name, .aliases} AS value
