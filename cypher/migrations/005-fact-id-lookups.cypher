// Facts are unique by id under the :Fact label (001), but the queries look them up under their
// own label — (:Meeting {id: …}), (:Tenure {id: …}) — which that constraint's index cannot serve:
// without these, every such look-up scanned all nodes of the label (PROFILE: NodeByLabelScan +
// Filter, 200,000 rows per meeting look-up at the benchmark's scale; see docs/benchmark.md).
CREATE INDEX meeting_id IF NOT EXISTS FOR (n:Meeting) ON (n.id);
CREATE INDEX tenure_id IF NOT EXISTS FOR (n:Tenure) ON (n.id);
CREATE INDEX statement_id IF NOT EXISTS FOR (n:Statement) ON (n.id);
CREATE INDEX trip_id IF NOT EXISTS FOR (n:Trip) ON (n.id);
CREATE INDEX rank_claim_id IF NOT EXISTS FOR (n:RankClaim) ON (n.id);
CREATE INDEX alternative_id IF NOT EXISTS FOR (n:Alternative) ON (n.id);
