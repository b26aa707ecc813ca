// A correction: the new value(s) on the fact, and a Revision that keeps the old one, who and why.
MATCH (f:Fact {id: $id})
SET f += $changes
CREATE (r:Revision {id: $revisionId, at: $at, by: $by, field: $field, oldValue: $oldValue, newValue: $newValue, reason: $reason})-[:REVISES]->(f)
RETURN r.id AS revisionId
