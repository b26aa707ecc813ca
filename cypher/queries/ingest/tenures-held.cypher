// Every non-retracted tenure of a person in a position, to find the one valid on a meeting date.
UNWIND $pairs AS pair
MATCH (:Person {id: pair.person})-[:HELD]->(t:Tenure)-[:OF_POSITION]->(:Position {id: pair.position})
WHERE NOT t:Retracted
RETURN pair.person AS personId, pair.position AS positionId, t.id AS id, toString(t.start) AS start, toString(t.end) AS end
