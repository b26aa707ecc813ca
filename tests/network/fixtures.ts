/**
 * A tiny meeting network whose measures are worked out by hand in measures.test.ts. Five people,
 * five meetings in 2024 (one of them three-sided):
 *
 *   m1 2024-01-10  Ada, Ben            m4 2024-04-10  Cleo, Dan
 *   m2 2024-02-10  Ada, Ben            m5 2024-05-10  Cleo, Dan, Eve
 *   m3 2024-03-10  Ben, Cleo
 *
 * so the meeting network is   Ada =2= Ben -1- Cleo =2= Dan
 *                                                \1    /1
 *                                                  Eve
 *
 * and, for the exports, one office and one rank claim (neither changes the meeting network):
 * Ada chaired the Tiny Council from 2023-01-01 until 2024-03-01, Ben from 2024-03-01; Ada ranks
 * above Cleo on the council, resting on Ada's tenure (so from 2023-01-01 until 2024-03-01).
 */
export const TINY_NETWORK = `format: diplograph/facts@1
document:
  id: tiny-network-2024
  title: "A tiny meeting network"
  publisher: tiny-press
  publishedAt: "2024-12-31"
  language: en
  text: |-
    Ada met Ben in January.
    Ada met Ben again in February.
    Ben met Cleo in March.
    Cleo met Dan in April.
    Cleo, Dan and Eve met in May.
    Ada chaired the Tiny Council until March, when Ben took the chair.
    Ada ranks above Cleo on the council.
organizations:
  - { id: tiny-press, name: Tiny Press, kind: MEDIA }
people:
  - { id: ada, name: Ada Tiny }
  - { id: ben, name: Ben Tiny }
  - { id: cleo, name: Cleo Tiny }
  - { id: dan, name: Dan Tiny }
  - { id: eve, name: Eve Tiny }
positions:
  - { id: tiny-chair, title: Chair of the Tiny Council }
rankContexts:
  - { id: tiny-council, name: Tiny Council }
tenures:
  - id: tenure-ada-chair
    person: ada
    position: tiny-chair
    start: "2023-01-01"
    end: "2024-03-01"
    evidence: [{ quote: Ada chaired the Tiny Council until March }]
  - id: tenure-ben-chair
    person: ben
    position: tiny-chair
    start: "2024-03-01"
    evidence: [{ quote: when Ben took the chair }]
rankClaims:
  - id: rank-ada-above-cleo
    superior: ada
    inferior: cleo
    context: tiny-council
    date: "2024-01-10"
    basis: [tenure-ada-chair]
    evidence: [{ quote: Ada ranks above Cleo on the council. }]
meetings:
  - id: tiny-m1
    date: "2024-01-10"
    participants: [{ person: ada, role: HOST }, { person: ben, role: GUEST }]
    evidence: [{ quote: Ada met Ben in January. }]
  - id: tiny-m2
    date: "2024-02-10"
    participants: [{ person: ada, role: HOST }, { person: ben, role: GUEST }]
    evidence: [{ quote: Ada met Ben again in February. }]
  - id: tiny-m3
    date: "2024-03-10"
    participants: [{ person: ben, role: HOST }, { person: cleo, role: GUEST }]
    evidence: [{ quote: Ben met Cleo in March. }]
  - id: tiny-m4
    date: "2024-04-10"
    participants: [{ person: cleo, role: HOST }, { person: dan, role: GUEST }]
    evidence: [{ quote: Cleo met Dan in April. }]
  - id: tiny-m5
    date: "2024-05-10"
    participants: [{ person: cleo, role: HOST }, { person: dan, role: GUEST }, { person: eve, role: GUEST }]
    evidence: [{ quote: "Cleo, Dan and Eve met in May." }]
`;
