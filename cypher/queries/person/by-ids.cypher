// People by id, for loaders and federation references.
UNWIND $keys AS key
MATCH (p:Person {id: key})
#include person/map
RETURN key, person AS value
