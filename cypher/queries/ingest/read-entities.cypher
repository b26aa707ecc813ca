// The current state of the entities (and the document) a file declares: properties and the links
// the importer manages, so that it can merge the file's declaration in and tell what changed.
UNWIND $people AS id MATCH (n:Person {id: id})
RETURN 'Person' AS label, n.id AS id, properties(n) AS props, [] AS links
UNION ALL
UNWIND $organizations AS id MATCH (n:Organization {id: id})
RETURN 'Organization' AS label, n.id AS id, properties(n) AS props,
       [(n)-[r:PART_OF|IN_COUNTRY]->(t:Organization) | {type: type(r), label: 'Organization', id: t.id}] AS links
UNION ALL
UNWIND $places AS id MATCH (n:Place {id: id})
RETURN 'Place' AS label, n.id AS id, properties(n) AS props,
       [(n)-[r:IN_COUNTRY]->(t:Organization) | {type: type(r), label: 'Organization', id: t.id}] AS links
UNION ALL
UNWIND $positions AS id MATCH (n:Position {id: id})
RETURN 'Position' AS label, n.id AS id, properties(n) AS props,
       [(n)-[r:OF_ORGANIZATION|JURISDICTION]->(t:Organization) | {type: type(r), label: 'Organization', id: t.id}] AS links
UNION ALL
UNWIND $topics AS id MATCH (n:Topic {id: id})
RETURN 'Topic' AS label, n.id AS id, properties(n) AS props, [] AS links
UNION ALL
UNWIND $rankContexts AS id MATCH (n:RankContext {id: id})
RETURN 'RankContext' AS label, n.id AS id, properties(n) AS props,
       [(n)-[r:JURISDICTION]->(t:Organization) | {type: type(r), label: 'Organization', id: t.id}] AS links
UNION ALL
UNWIND $documents AS id MATCH (n:Document {id: id})
RETURN 'Document' AS label, n.id AS id, {contentHash: n.contentHash} AS props, [] AS links
