// Documents without their text (which is loaded only when asked for).
UNWIND $keys AS key
MATCH (d:Document {id: key})
OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(o:Organization)
RETURN key, d {.id, .title, .publishedAt, .url, .language, publisherId: o.id} AS value
