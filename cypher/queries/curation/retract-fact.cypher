// A retraction: nothing is deleted; the fact is labelled and says when, by whom and why.
MATCH (f:Fact {id: $id})
SET f:Retracted, f.retractedAt = $at, f.retractedBy = $by, f.retractionReason = $reason
RETURN f.id AS id
