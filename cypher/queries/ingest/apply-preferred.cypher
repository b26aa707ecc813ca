// A preferred alternative becomes the fact's value; the value it replaces is kept on the
// alternative (`replacedValue`), so nothing is silently overwritten.
UNWIND $rows AS row
MATCH (f:Fact {id: row.factId})
MATCH (a:Alternative {id: row.alternativeId})
SET a.replacedValue = CASE WHEN f[row.field] = row.value THEN a.replacedValue ELSE f[row.field] END
SET f[row.field] = row.value
