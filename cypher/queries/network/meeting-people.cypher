// The people of the meeting network of $from..$to (ISO dates, inclusive; either may be null):
// everyone who took part in a meeting in the range, with how many such meetings.
MATCH (p:Person)-[:PARTICIPATED_IN]->(m:Meeting)
WHERE NOT m:Retracted
  AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
  AND ($to IS NULL OR m.date <= date($to))
RETURN p.id AS id, p.name AS name, count(DISTINCT m) AS meetings
