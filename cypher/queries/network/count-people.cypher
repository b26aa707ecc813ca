// How many people the graph holds (bench/explore-scale.ts checks that its generated graph is there).
MATCH (p:Person)
RETURN count(p) AS people
