/**
 * A small, valid fact file that exercises every stage, and helpers to break it in one place.
 * The tests do not depend on the seed articles, so that a seed's own problem cannot hide theirs.
 */
export const BASE = `format: diplograph/facts@1
document:
  id: test-doc-1
  title: Test article
  publisher: test-news
  publishedAt: "2024-03-05"
  text: |-
    Alpha Person met Beta Person in Testville on Monday.
    Alpha Person is the foreign minister of Testland.
    Beta Person, the premier, ranks above Alpha Person in the Testland hierarchy.
people:
  - { id: alpha-person, name: Alpha Person, aliases: [Alpha] }
  - { id: beta-person, name: Beta Person, aliases: [Beta] }
organizations:
  - { id: test-news, name: Test News, kind: MEDIA }
  - { id: testland, name: Testland, kind: COUNTRY, aliases: [TL] }
places:
  - { id: testville, name: Testville, kind: CITY, country: testland }
positions:
  - { id: testland-foreign-minister, title: Foreign Minister of Testland, organization: testland, jurisdiction: testland }
  - { id: testland-premier, title: Premier of Testland, jurisdiction: testland }
rankContexts:
  - { id: testland-hierarchy, name: Testland hierarchy }
tenures:
  - id: tenure-alpha-fm
    person: Alpha Person
    position: testland-foreign-minister
    start: "2024-01-01"
    evidence:
      - quote: Alpha Person is the foreign minister of Testland.
  - id: tenure-beta-premier
    person: beta-person
    position: testland-premier
    start: "2023"
    evidence:
      - quote: Beta Person, the premier
meetings:
  - id: meeting-alpha-beta
    date: "2024-03-04"
    dateExpression: on Monday
    place: Testville
    format: IN_PERSON
    participants:
      - { person: Alpha, role: GUEST, delegation: testland, position: testland-foreign-minister }
      - { person: Beta, role: HOST, delegation: TL, position: testland-premier }
    evidence:
      - quote: Alpha Person met Beta Person in Testville on Monday.
        dateExpression: on Monday
rankClaims:
  - id: rank-beta-above-alpha
    superior: beta-person
    inferior: alpha-person
    context: testland-hierarchy
    date: "2024-03-05"
    basis: [tenure-alpha-fm, tenure-beta-premier]
    evidence:
      - quote: ranks above Alpha Person in the Testland hierarchy
`;

/** `text` with `from` replaced by `to`; fails loudly when `from` is not there, so a fixture cannot drift. */
export function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

/** The 1-based line of the `occurrence`-th line containing `needle`. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`no line contains ${JSON.stringify(needle)}`);
}
