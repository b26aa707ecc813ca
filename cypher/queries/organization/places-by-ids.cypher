UNWIND $keys AS key
MATCH (p:Place {id: key})
OPTIONAL MATCH (p)-[:IN_COUNTRY]->(country:Organization)
RETURN key, p {.id, .name, .kind, .aliases, countryId: country.id} AS value
