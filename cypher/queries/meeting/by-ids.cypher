UNWIND $keys AS key
MATCH (m:Meeting {id: key})
WHERE NOT m:Retracted
#include meeting/row
RETURN key, meeting AS value
