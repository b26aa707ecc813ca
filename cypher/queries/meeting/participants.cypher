// Who took part in each meeting, hosts first, with the title as the source wrote it, each as
// meeting/participant-row (the ids of the person, the tenure and the office).
UNWIND $keys AS key
MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Meeting {id: key})
#include meeting/participant-row
RETURN key, participant AS value
ORDER BY roleOrder, p.name
