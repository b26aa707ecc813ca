// Evidence spans of a document that no fact quotes any more (its text or its facts changed).
MATCH (e:Evidence)-[:IN_DOCUMENT]->(:Document {id: $documentId})
WHERE NOT EXISTS { (e)<-[:SUPPORTED_BY]-() }
DETACH DELETE e
