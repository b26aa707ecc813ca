// The map a person is returned as (what person.type.ts reads). `p` is the person; the map is bound
// to `person`, beside everything else in scope.
WITH *, p {.id, .name, .nativeName, .aliases, .externalIds} AS person
