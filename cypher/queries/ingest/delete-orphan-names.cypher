// Name nodes that no longer name anything (a name changed): gone, so they cannot resolve.
UNWIND $keys AS key
MATCH (name:Name {key: key})
WHERE NOT (name)-[:NAMES]->()
DELETE name
