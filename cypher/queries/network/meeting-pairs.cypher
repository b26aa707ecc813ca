// The edges of the meeting network of $from..$to: each pair of people who took part in the same
// meeting, once (a.id < b.id), weighted by how many meetings they shared, with the first and last
// day they met. $people (a list of ids, or null for everyone) keeps only pairs inside it.
MATCH (a:Person)-[:PARTICIPATED_IN]->(m:Meeting)<-[:PARTICIPATED_IN]-(b:Person)
WHERE a.id < b.id AND NOT m:Retracted
  AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
  AND ($people IS NULL OR (a.id IN $people AND b.id IN $people))
RETURN a.id AS a, b.id AS b, count(DISTINCT m) AS weight, min(m.date) AS first, max(coalesce(m.endDate, m.date)) AS last
