// Every document, newest first.
MATCH (d:Document)
OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(o:Organization)
RETURN d {.id, .title, .publishedAt, .url, .language, publisherId: o.id} AS document
ORDER BY d.publishedAt DESC, d.id
LIMIT $limit
