// The evidence of many facts at once: the sentence, its offsets, its document, who it is attributed to.
UNWIND $keys AS key
MATCH (:Fact {id: key})-[:SUPPORTED_BY]->(e:Evidence)-[:IN_DOCUMENT]->(d:Document)
OPTIONAL MATCH (e)-[:ATTRIBUTED_TO]->(a)
WITH key, e, d, head(collect(a)) AS a
RETURN key, e {.id, .quote, .start, .end, .dateExpression, documentId: d.id,
               attributedTo: CASE WHEN a IS NULL THEN null ELSE a {.id, name: coalesce(a.name, a.title), kind: head(labels(a))} END} AS value
ORDER BY d.publishedAt, d.id, e.start
