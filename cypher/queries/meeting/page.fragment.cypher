// One page of the meetings of the person whose id is `key`, oldest first, keyset-paged on
// (date, id): $limit is the page size plus one. Binds `m`, one row per meeting, in page order.
CALL (key) {
  MATCH (:Person {id: key})-[:PARTICIPATED_IN]->(m:Meeting)
  WHERE NOT m:Retracted
    AND ($from IS NULL OR coalesce(m.endDate, m.date) >= date($from))
    AND ($to IS NULL OR m.date <= date($to))
    AND ($afterDate IS NULL OR m.date > date($afterDate) OR (m.date = date($afterDate) AND m.id > $afterId))
  RETURN m ORDER BY m.date, m.id LIMIT $limit
}
