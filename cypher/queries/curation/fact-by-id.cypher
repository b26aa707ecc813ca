// A fact with its kind and every property, for a curator's correction or retraction.
MATCH (f:Fact {id: $id})
RETURN f.id AS id,
       [l IN labels(f) WHERE NOT l IN ['Fact', 'Retracted']][0] AS kind,
       f:Retracted AS retracted,
       properties(f) AS props
