// The map a tenure is returned as (what tenure.type.ts reads): `t` is the tenure, `p` who held it
// and `pos` the office; the map is bound to `tenure`, beside everything else in scope.
WITH *, t {.id, start: toString(t.start), .startPrecision, end: toString(t.end), .endPrecision, .endCause, personId: p.id, positionId: pos.id} AS tenure
