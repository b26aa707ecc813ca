// Fact nodes: `:Fact` plus their kind, every scalar property of the declaration (null removes),
// this document's content hash, and the documents that declared them.
UNWIND $rows AS row
MERGE (f:Fact {id: row.id})
SET f:$(row.label)
SET f += row.props,
    f.contentHashes = [h IN coalesce(f.contentHashes, []) WHERE NOT h STARTS WITH $documentId + '='] + ($documentId + '=' + row.hash),
    f.importedAt = $now,
    f.sourceDocumentIds = CASE
      WHEN $documentId IN coalesce(f.sourceDocumentIds, []) THEN f.sourceDocumentIds
      ELSE coalesce(f.sourceDocumentIds, []) + $documentId
    END
