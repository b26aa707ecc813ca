// The content hash each fact was last written with by this document (a fact can be declared by
// several documents, each keeping its own `<documentId>=<hash>` entry); equal = not written again.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
RETURN f.id AS id,
       [h IN coalesce(f.contentHashes, []) WHERE h STARTS WITH $documentId + '=' | substring(h, size($documentId) + 1)][0] AS hash
