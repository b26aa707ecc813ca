UNWIND $keys AS key
MATCH (pos:Position {id: key})
#include office/position-map
RETURN key, position AS value
