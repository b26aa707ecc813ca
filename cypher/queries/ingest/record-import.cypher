// One node per import that changed something: what, when, by whom, and how much.
CREATE (:Import {id: $id, documentId: $documentId, checksum: $checksum, at: $at, by: $by, created: $created, updated: $updated, unchanged: $unchanged})
