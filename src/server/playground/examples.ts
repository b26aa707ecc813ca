/**
 * The example operations the playground opens with, one tab each. They run on the seeded graph
 * (seeds/001 and 002: Blinken's June 2023 trip to Beijing, Qin Gang's removal, Wang Yi's return);
 * tests/server/playground.test.ts runs every one, so an example that stops working fails the build.
 *
 * Arguments are written inline: GraphiQL 5 ignores the `variables` of its default tabs.
 */
export interface PlaygroundExample {
  /** The operation name, which GraphiQL shows as the tab's title. */
  name: string;
  query: string;
}

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    name: 'WhoMetWhom',
    query: `# Who met whom: the meetings of two officials, oldest first.
# Names, aliases and ids all work ("Blinken", "王毅").
# Run with Ctrl-Enter or the ▶ button; more in the tabs.
query WhoMetWhom {
  meetings(participant: "Antony Blinken", with: "Wang Yi") {
    nodes {
      date
      description
      place { name }
      participants {
        role
        person { name nativeName }
      }
    }
  }
}
`,
  },
  {
    name: 'RankAsOf',
    query: `# Rank as of a date: whom Wang Yi outranks on the day of the
# DW article, and how Xi Jinping compares with Qin Gang then,
# with the chain of claims that proves it. Try "2023-08-01":
# Qin has left office, and the claims resting on it lapse.
query RankAsOf {
  person(name: "Wang Yi") {
    name
    outranks(asOf: "2023-06-19") {
      person { name }
      basis
      hops
      context { name }
    }
  }
  compareRank(a: "Xi Jinping", b: "Qin Gang", asOf: "2023-06-19") {
    relation
    basis
    hops
    context { name }
    path {
      kind
      superior { name }
      inferior { name }
      claim { evidence { quote } }
    }
  }
}
`,
  },
  {
    name: 'ShortestPath',
    query: `# Shortest path: how two officials are connected (meetings,
# offices, rank claims, trips), in at most maxHops steps.
query ShortestPath {
  shortestPath(from: "Joe Biden", to: "Andrey Rudenko", maxHops: 4) {
    length
    nodes { kind label date }
    edges { kind label validFrom validTo }
  }
}
`,
  },
];
