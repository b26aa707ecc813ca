// Who took part in each meeting, hosts first, with the title as the source wrote it.
UNWIND $keys AS key
MATCH (p:Person)-[r:PARTICIPATED_IN]->(:Meeting {id: key})
RETURN key, {personId: p.id, role: r.role, title: r.title, delegationId: r.delegationId, positionId: r.positionId, tenureId: r.tenureId} AS value
ORDER BY CASE r.role WHEN 'HOST' THEN 0 WHEN 'GUEST' THEN 1 ELSE 2 END, p.name
