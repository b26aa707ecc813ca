// The two people of a merge, as they are before it.
OPTIONAL MATCH (keep:Person {id: $keep})
OPTIONAL MATCH (merge:Person {id: $merge})
RETURN keep {.id, .name, .nativeName, .aliases, .mergedIds} AS keep,
       merge {.id, .name, .nativeName, .aliases, .mergedIds} AS merge
