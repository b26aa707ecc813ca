/**
 * The example operations the playground opens with, one tab each. They run on the seeded graph
 * (seeds/001 and 002: Blinken's June 2023 trip to Beijing, Qin Gang's removal, Wang Yi's return),
 * and the playground test runs each of them, so an example that stops working fails the build.
 */
export interface PlaygroundExample {
  /** Short name, used in the docs and tests. */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    name: 'Who met whom',
    query: `# Who met whom: every meeting between two officials, oldest first.
# Names are resolved case-insensitively through names and aliases ("Wang Yi", "Blinken").
# Run it with Ctrl-Enter or the play button; the other tabs hold more examples.
query WhoMetWhom($participant: String!, $with: String!) {
  meetings(participant: $participant, with: $with) {
    nodes {
      id
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
    variables: { participant: 'Antony Blinken', with: 'Wang Yi' },
  },
  {
    name: 'Rank as of a date',
    query: `# Rank as of a date: who Wang Yi outranks on 2023-06-19 (the day of the DW article),
# and how Wang Yi compares with Qin Gang that day. Try asOf: "2023-08-01": Qin has left
# office, and the claim that rested on his tenure is no longer current.
query RankAsOf($asOf: Date!) {
  person(name: "Wang Yi") {
    name
    outranks(asOf: $asOf) {
      person { name }
    }
  }
  compareRank(a: "Wang Yi", b: "Qin Gang", asOf: $asOf) {
    __typename
  }
}
`,
    variables: { asOf: '2023-06-19' },
  },
  {
    name: 'Shortest path',
    query: `# Shortest path: how two officials are connected (meetings, offices, organisations),
# in at most maxHops steps.
query ShortestPath {
  shortestPath(from: "Antony Blinken", to: "Qin Gang", maxHops: 4) {
    __typename
  }
}
`,
  },
];
