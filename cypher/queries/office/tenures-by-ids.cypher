UNWIND $keys AS key
MATCH (p:Person)-[:HELD]->(t:Tenure {id: key})-[:OF_POSITION]->(pos:Position)
#include office/tenure-map
RETURN key, tenure AS value
