UNWIND $keys AS key
MATCH (t:Topic {id: key})
RETURN key, t {.id, .name, .aliases} AS value
