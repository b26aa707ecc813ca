// The row a participant is returned as (ParticipantRow in meeting.type.ts): `p` took part as `r`.
// The row is bound to `participant`, beside everything else in scope, and the order participants
// are listed in (hosts first, then guests, then the rest; by name within each) is
// `roleOrder, p.name`.
// A list of ids, not maps of the person, the tenure and the office: those are records the service
// keeps between requests (src/neo4j/keyed-read-cache.ts), which Participant.person, .tenure and
// .position load by id. On the benchmark's graph, bringing the three along as maps made Neo4j's
// part of a page of 20 meetings cost about twice the ids' (the office's organisation and
// jurisdiction, the tenure's look-up), and the driver decodes a map key by key: the service spent
// a quarter of its time on W3 decoding them (docs/benchmark.md, session 10).
WITH *, [p.id, r.role, r.title, r.delegationId, r.positionId, r.tenureId] AS participant,
       CASE r.role WHEN 'HOST' THEN 0 WHEN 'GUEST' THEN 1 ELSE 2 END AS roleOrder
