// What sources say strains the relation between two countries, as of a date when given
// (a claim speaks from its date on), newest first.
MATCH (:Organization {id: $a})<-[:BETWEEN]-(i:RelationIssue)-[:BETWEEN]->(:Organization {id: $b})
WHERE NOT i:Retracted AND ($asOf IS NULL OR i.date IS NULL OR i.date <= date($asOf))
MATCH (i)-[:TOPIC]->(t:Topic)
RETURN i {.id, .date, .description, topicId: t.id} AS issue
ORDER BY i.date DESC, t.name
