// Facts already in the graph, by id: their kind and, for tenures, whose they are and when.
// The importer checks fact references (trip, meeting, basis) and id clashes with these.
UNWIND $ids AS id
MATCH (f:Fact {id: id})
OPTIONAL MATCH (holder:Person)-[:HELD]->(f)
OPTIONAL MATCH (f)-[:OF_POSITION]->(position:Position)
RETURN f.id AS id,
       [l IN labels(f) WHERE NOT l IN ['Fact', 'Retracted']][0] AS kind,
       f:Retracted AS retracted,
       holder.id AS personId,
       position.id AS positionId,
       toString(f.start) AS start,
       toString(f.end) AS end
