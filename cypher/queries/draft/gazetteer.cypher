// Drafting (read-only): every name and alias key → the record it names, for people, organisations,
// places, positions, topics and rank contexts; and the tenures valid on $asOf (start <= D < end),
// so that "the US secretary of state" can become the holder of that office on the article's date.
CALL () {
  MATCH (k:Name)-[:NAMES]->(n)
  WHERE n:Person OR n:Organization OR n:Place OR n:Position OR n:Topic OR n:RankContext
  WITH n, collect(DISTINCT k.key) AS keys
  OPTIONAL MATCH (n)-[:JURISDICTION|IN_COUNTRY]->(c:Organization)
  WITH n, keys, head(collect(c.id)) AS countryId
  RETURN [l IN labels(n) WHERE l IN ['Person', 'Organization', 'Place', 'Position', 'Topic', 'RankContext']][0] AS kind,
         n.id AS id, coalesce(n.name, n.title) AS name, keys, n.kind AS subkind, countryId,
         null AS personId, null AS positionId
  UNION ALL
  MATCH (p:Person)-[:HELD]->(t:Tenure)-[:OF_POSITION]->(pos:Position)
  WHERE NOT t:Retracted AND t.start <= date($asOf) AND (t.end IS NULL OR date($asOf) < t.end)
  RETURN 'Tenure' AS kind, t.id AS id, null AS name, [] AS keys, null AS subkind, null AS countryId,
         p.id AS personId, pos.id AS positionId
}
RETURN kind, id, name, keys, subkind, countryId, personId, positionId
ORDER BY kind, id
