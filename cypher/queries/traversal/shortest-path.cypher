// The shortest connection between two people over the allowed relationship types (/*types*/, a
// literal the caller sets from the edge kinds asked for), through nodes of the allowed labels
// ($labels; people are always allowed), skipping retracted facts. The types are written into the
// pattern rather than tested per relationship (type(r) IN $types): Neo4j then follows only those
// relationships of a node, which made a meeting path 2.5 times faster. Where the types alone imply
// the labels (a meeting hop: PARTICIPATED_IN joins only people and meetings) the caller sets
// /*labelsImplied*/ to 1, the planner folds the label test away, and no node's labels are listed.
// Shortest = fewest relationships: a rank hop is 1 (person -RANKS_ABOVE-> person), a meeting,
// statement, invitation or trip hop 2 (person - fact - person), an office hop 4 (person - tenure -
// position - tenure - person). traversal/choose-path counts the person-to-person hops. Only
// per-step predicates are used, so the search is a breadth-first walk that visits each node once,
// never an enumeration of paths (a predicate on the whole path, such as a hop count, would make it
// one and blow up in a dense graph). The walk stops at maxRelationships, a literal the caller sets
// to maxHops times the most relationships one hop of the allowed kinds takes (no path within
// maxHops is longer; the search is bounded, not cut short: 4 meeting hops walk 8 relationships, not
// 24, and take a third of the time). 24 = 6 office hops, the API's cap. One kind whose hop goes
// through a fact has a faster form: traversal/shortest-path-through-facts.
MATCH p = ALL SHORTEST (a:Person {id: $fromId})
  ((x)-[r:/*types*/PARTICIPATED_IN|HELD|OF_POSITION|RANKS_ABOVE|SPOKEN_BY|AT|INVITER|INVITEE|FULFILLED_BY|MADE_AT|TRAVELLED|DURING]-(y)
    WHERE NOT y:Retracted AND (/*labelsImplied*/0 = 1 OR y:Person OR any(l IN labels(y) WHERE l IN $labels))){1,/*maxRelationships*/24}
  (b:Person {id: $toId})
#include traversal/choose-path
