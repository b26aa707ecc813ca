// A page of people whose name, native name or alias contains $search (lowercased), by name.
MATCH (p:Person)
WHERE ($search IS NULL OR p.searchText CONTAINS $search)
  AND ($afterName IS NULL OR p.name > $afterName OR (p.name = $afterName AND p.id > $afterId))
WITH p ORDER BY p.name, p.id LIMIT $limit
#include person/map
RETURN person
ORDER BY p.name, p.id
