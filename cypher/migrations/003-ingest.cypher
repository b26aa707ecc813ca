// The importer and the curator rebuild a rank claim's derived edge by the claim's id.
CREATE INDEX ranks_above_claim IF NOT EXISTS FOR ()-[r:RANKS_ABOVE]-() ON (r.claimId);
