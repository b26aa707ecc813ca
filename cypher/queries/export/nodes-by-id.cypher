// The nodes of a subgraph, by id and kind ($people, $meetings, $positions: lists of ids), in the
// same shape as export/all-nodes; streamed as found.
CALL () {
  UNWIND $people AS key
  MATCH (p:Person {id: key})
  RETURN p.id AS id, 'Person' AS kind, p.name AS label, null AS date, null AS endDate, p.nativeName AS nativeName, null AS place
  UNION ALL
  UNWIND $meetings AS key
  MATCH (m:Meeting {id: key})
  WHERE NOT m:Retracted
  OPTIONAL MATCH (m)-[:AT]->(pl:Place)
  WITH m, head(collect(pl.name)) AS place
  RETURN m.id AS id, 'Meeting' AS kind, 'Meeting ' + toString(m.date) + coalesce(' · ' + place, '') AS label,
         m.date AS date, m.endDate AS endDate, null AS nativeName, place
  UNION ALL
  UNWIND $positions AS key
  MATCH (pos:Position {id: key})
  RETURN pos.id AS id, 'Position' AS kind, pos.title AS label, null AS date, null AS endDate, null AS nativeName, null AS place
}
RETURN id, kind, label, date, endDate, nativeName, place
