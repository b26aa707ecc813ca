// Time is the axis of most questions: meetings by date, tenures by interval.
CREATE INDEX meeting_date IF NOT EXISTS FOR (n:Meeting) ON (n.date, n.id);
CREATE INDEX tenure_interval IF NOT EXISTS FOR (n:Tenure) ON (n.start, n.end);
CREATE INDEX statement_date IF NOT EXISTS FOR (n:Statement) ON (n.date);
CREATE INDEX person_name IF NOT EXISTS FOR (n:Person) ON (n.name);
CREATE INDEX ranks_above_context IF NOT EXISTS FOR ()-[r:RANKS_ABOVE]-() ON (r.contextId);
// People are searched by any part of a name or alias (CONTAINS on a lowercased text).
CREATE TEXT INDEX person_search IF NOT EXISTS FOR (n:Person) ON (n.searchText);
