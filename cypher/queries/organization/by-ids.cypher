UNWIND $keys AS key
MATCH (o:Organization {id: key})
OPTIONAL MATCH (o)-[:PART_OF]->(parent:Organization)
OPTIONAL MATCH (o)-[:IN_COUNTRY]->(country:Organization)
RETURN key, o {.id, .name, .kind, .aliases, partOfId: parent.id, countryId: country.id} AS value
