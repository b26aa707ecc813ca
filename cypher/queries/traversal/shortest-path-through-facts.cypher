// traversal/shortest-path for one kind of connection whose hop goes through a fact: person -
// meeting - person, or through a statement, an invitation, a trip. The quantified pattern is one
// whole hop, (person)-[]-(fact)-[]-(person), rather than one relationship: Neo4j's breadth-first
// search then expands hop by hop, and with 16 requests at once a four-hop meeting path cost a
// quarter of the relationship-by-relationship walk, and less than the benchmark floor's statement
// (docs/benchmark.md, W5). /*types*/ are the kind's relationship types that join a person to its
// fact. Where those types join nothing else (PARTICIPATED_IN joins only people and meetings) the
// caller sets /*labelsImplied*/ to 1 and no label is tested; otherwise the next person must be a
// Person and the fact carry one of $labels. The walk stops at /*maxHops*/ hops.
MATCH p = ALL SHORTEST (a:Person {id: $fromId})
  ((x)-[:/*types*/PARTICIPATED_IN]-(f WHERE NOT f:Retracted)-[:/*types*/PARTICIPATED_IN]-(y)
    WHERE /*labelsImplied*/0 = 1 OR (y:Person AND any(l IN labels(f) WHERE l IN $labels))){1,/*maxHops*/6}
  (b:Person {id: $toId})
#include traversal/choose-path
