/**
 * The peer's view of the same graph: @neo4j/graphql 7 typeDefs written for the benchmark. Plain
 * fields and relationships are the library's own (generated filters, sorting, nested selections);
 * the transitive rank (W4) and the shortest path (W5) are `@cypher` fields, as the library has no
 * traversal of its own. Their Cypher is the floor's, so W4/W5 measure the layer, not the query.
 */
export const peerTypeDefs = /* GraphQL */ `
  type Person @node {
    id: ID!
    name: String!
    held: [Tenure!]! @relationship(type: "HELD", direction: OUT)
    meetings: [Meeting!]! @relationship(type: "PARTICIPATED_IN", direction: OUT, properties: "Participation")
    outrankedBy(asOf: Date!): [Person!]!
      @cypher(
        statement: """
        MATCH (s:Person) ((:Person)-[r:RANKS_ABOVE WHERE (r.validFrom IS NULL OR r.validFrom <= $asOf) AND (r.validTo IS NULL OR $asOf < r.validTo)]->(:Person))+ (this)
        WHERE all(x IN r WHERE x.contextId = r[0].contextId)
        RETURN DISTINCT s
        """
        columnName: "s"
      )
  }

  type Participation @relationshipProperties {
    role: String
    tenureId: String
  }

  type Tenure @node {
    id: ID!
    start: Date
    end: Date
    position: [Position!]! @relationship(type: "OF_POSITION", direction: OUT)
  }

  type Position @node {
    id: ID!
    title: String
  }

  type Organization @node {
    id: ID!
    name: String
  }

  type Meeting @node {
    id: ID!
    date: Date
    participants: [Person!]! @relationship(type: "PARTICIPATED_IN", direction: IN, properties: "Participation")
    involves: [Organization!]! @relationship(type: "INVOLVES", direction: OUT)
  }

  type Query {
    shortestMeetingPath(from: String!, to: String!): [Person!]!
      @cypher(
        statement: """
        MATCH (a:Person {name: $from}), (b:Person {name: $to})
        MATCH p = SHORTEST 1 (a) ((:Person)-[:PARTICIPATED_IN]->(m:Meeting WHERE NOT m:Retracted)<-[:PARTICIPATED_IN]-(:Person)){0,4} (b)
        UNWIND nodes(p) AS n
        WITH n WHERE n:Person
        RETURN n
        """
        columnName: "n"
      )
  }
`;
