import { dataOf, useSeededServer } from '../support/seeded';

interface MeetingsPage {
  meetings: { nodes: { id: string; date: string }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

describe('meetings()', () => {
  const server = useSeededServer();

  const meetingIds = async (args: string) =>
    dataOf(await server().gql<MeetingsPage>(`{ meetings(${args}) { nodes { id date } } }`)).meetings.nodes.map((m) => m.id);

  it('lists who met whom, oldest first', async () => {
    expect(await meetingIds('participant: "Blinken", with: "Qin Gang"')).toEqual(['meeting-blinken-qin-2023-06-18']);
    expect(await meetingIds('participant: "Blinken", with: "Wang Yi"')).toEqual([
      'meeting-blinken-wang-yi-2023-06-19',
      'meeting-blinken-wang-yi-2023-07-13',
      'meeting-blinken-wang-yi-2023-10-26',
      'meeting-biden-xi-2023-11-15',
    ]);
  });

  it('narrows by an inclusive date range, counting every day of multi-day talks', async () => {
    expect(await meetingIds('participant: "Blinken", from: "2023-06-19", to: "2023-06-19"')).toEqual([
      'meeting-blinken-wang-yi-2023-06-19',
      'meeting-blinken-xi-2023-06-19',
    ]);
    // The Washington talks ran on October 26 and 27: the 27th alone still finds them.
    expect(await meetingIds('participant: "Wang Yi", from: "2023-10-27", to: "2023-10-27"')).toEqual([
      'meeting-blinken-wang-yi-2023-10-26',
      'meeting-biden-wang-yi-2023-10-27',
    ]);
  });

  it('narrows by place and by topic', async () => {
    expect(await meetingIds('place: "Beijing"')).toEqual([
      'meeting-blinken-qin-2023-06-18',
      'meeting-blinken-wang-yi-2023-06-19',
      'meeting-blinken-xi-2023-06-19',
      'meeting-qin-gang-rudenko-2023-06-25',
    ]);
    expect(await meetingIds('topic: "China threat theory"')).toEqual(['meeting-blinken-wang-yi-2023-06-19']);
  });

  it('says NOT_FOUND for a name that names nobody', async () => {
    const response = await server().gql('{ meetings(participant: "Nobody Atall") { nodes { id } } }');
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'participant' });
  });

  it('pages with keyset cursors that cover every meeting exactly once', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i += 1) {
      const page: MeetingsPage = dataOf(
        await server().gql<MeetingsPage>('query($after: String) { meetings(first: 2, after: $after) { nodes { id date } pageInfo { hasNextPage endCursor } } }', { after }),
      );
      seen.push(...page.meetings.nodes.map((m) => m.id));
      if (!page.meetings.pageInfo.hasNextPage) break;
      after = page.meetings.pageInfo.endCursor;
    }
    const all = await meetingIds('first: 100');
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(all.length).toBeGreaterThanOrEqual(8);
  });
});

describe('a meeting', () => {
  const server = useSeededServer();

  it('has its date, the raw wording, duration, place, format, trip, topics and evidence', async () => {
    const data = dataOf(
      await server().gql<{ meeting: Record<string, unknown> }>(`{
        meeting(id: "meeting-blinken-qin-2023-06-18") {
          date dateExpression durationMinutes durationExpression format cameo description
          place { name country { name } }
          trip { startDate significance firstSince travellers { name } destination { name } meetings { id } }
          topics { name }
          evidence { quote document { title publishedAt } }
        }
      }`),
    );
    expect(data.meeting).toMatchObject({
      date: '2023-06-18',
      dateExpression: 'On Sunday',
      durationMinutes: 450,
      durationExpression: 'seven and a half hours',
      format: 'IN_PERSON',
      cameo: '040',
      place: { name: 'Beijing', country: { name: "People's Republic of China" } },
      trip: {
        startDate: '2023-06-18',
        firstSince: 2018,
        travellers: [{ name: 'Antony Blinken' }],
        destination: { name: "People's Republic of China" },
        meetings: [{ id: 'meeting-blinken-qin-2023-06-18' }, { id: 'meeting-blinken-wang-yi-2023-06-19' }, { id: 'meeting-blinken-xi-2023-06-19' }],
      },
    });
    expect(data.meeting.evidence).toContainEqual({
      quote: 'On Sunday, Blinken spoke with Qin for seven and a half hours – much longer than planned.',
      document: { title: "China's Xi Jinping makes positive comments after meeting with Blinken", publishedAt: '2023-06-19' },
    });
  });

  it('lists participants with their side, the title as written and the tenure valid that day', async () => {
    const data = dataOf(
      await server().gql<{ meeting: { participants: unknown[] } }>(`{
        meeting(id: "meeting-blinken-wang-yi-2023-06-19") {
          participants { role title person { name } delegation { name } position { title } tenure { id start } }
        }
      }`),
    );
    expect(data.meeting.participants).toEqual([
      {
        role: 'HOST',
        title: "China's top foreign policy official",
        person: { name: 'Wang Yi' },
        delegation: { name: "People's Republic of China" },
        position: { title: 'Director of the Office of the Central Foreign Affairs Commission' },
        tenure: { id: 'tenure-wang-yi-director-cfac', start: '2023-06-19' },
      },
      {
        role: 'GUEST',
        title: null,
        person: { name: 'Antony Blinken' },
        delegation: { name: 'United States' },
        position: { title: 'United States Secretary of State' },
        tenure: { id: 'tenure-antony-blinken-secretary-of-state', start: '2023-06-18' },
      },
    ]);
  });

  it('lists the statements made and the invitations extended at it', async () => {
    const data = dataOf(
      await server().gql<{ meeting: { statements: { text: string; speaker: { name: string } }[]; invitations: { invitee: { name: string } }[] } }>(`{
        meeting(id: "meeting-blinken-qin-2023-06-18") {
          statements { text speaker { name } }
          invitations { invitee { name } }
        }
      }`),
    );
    expect(data.meeting.invitations).toEqual([{ invitee: { name: 'Qin Gang' } }]);
    expect(data.meeting.statements.length).toBeGreaterThan(0);
  });
});

describe('Person.meetings and Person.counterparts', () => {
  const server = useSeededServer();

  it('gives who a person met, how often, first and last', async () => {
    const data = dataOf(
      await server().gql<{ person: { counterparts: { person: { name: string }; count: number; first: string; last: string; meetings: { id: string }[] }[] } }>(`{
        person(name: "Blinken") { counterparts { person { name } count first last meetings { id } } }
      }`),
    );
    const wang = data.person.counterparts.find((c) => c.person.name === 'Wang Yi');
    expect(wang).toMatchObject({ count: 4, first: '2023-06-19', last: '2023-11-15' });
    expect(data.person.counterparts[0].person.name).toBe('Wang Yi'); // most frequent first
    const qin = data.person.counterparts.find((c) => c.person.name === 'Qin Gang');
    expect(qin).toMatchObject({ count: 1, first: '2023-06-18', last: '2023-06-18', meetings: [{ id: 'meeting-blinken-qin-2023-06-18' }] });
    // Every counterpart's meetings are as many as its count, oldest first, dated within [first, last].
    for (const c of data.person.counterparts as Array<{ count: number; first: string; last: string; meetings: Array<{ id: string; date?: string }> }>) {
      expect(c.meetings).toHaveLength(c.count);
    }
    expect(wang!.meetings.map((m) => m.id)).toHaveLength(4);
  });

  it('narrows counterparts, and the meetings they shared, to a date range', async () => {
    const data = dataOf(
      await server().gql<{ person: { counterparts: { person: { name: string }; count: number; meetings: { date: string }[] }[] } }>(`{
        person(name: "Blinken") { counterparts(from: "2023-06-18", to: "2023-06-19") { person { name } count meetings { date } } }
      }`),
    );
    expect(data.person.counterparts.map((c) => [c.person.name, c.count, c.meetings.map((m) => m.date)]).sort()).toEqual([
      ['Qin Gang', 1, ['2023-06-18']],
      ['Wang Yi', 1, ['2023-06-19']],
      ['Xi Jinping', 1, ['2023-06-19']],
    ]);
  });

  describe('with the participants asked for', () => {
    const PARTICIPANTS = 'role title person { id name } tenure { id start position { id title } } position { id }';
    type Listed = { id: string; participants: unknown[] };
    const nodesOf = (data: unknown) => (data as { person: { meetings: { nodes: Listed[] } } }).person.meetings.nodes;
    const edgesOf = (data: unknown) =>
      (data as { person: { meetings: { edges: Array<{ n: { id: string; who: unknown[] } }> } } }).person.meetings.edges.map((e) => ({ id: e.n.id, participants: e.n.who }));

    /** The meeting queries a document sends, and its data. */
    const run = async <T>(query: string, variables?: Record<string, unknown>) => {
      const sent: string[] = [];
      const stop = server().db.onQuery((e) => e.name.startsWith('meeting/') && sent.push(e.name));
      try {
        return { sent, data: dataOf(await server().gql<T>(query, variables)) };
      } finally {
        stop();
      }
    };

    it.each([
      ['under nodes', `{ person(name: "Blinken") { meetings { nodes { id participants { ${PARTICIPANTS} } } } } }`, nodesOf],
      ['under edges, aliased', `{ person(name: "Blinken") { meetings { edges { n: node { id who: participants { ${PARTICIPANTS} } } } } } }`, edgesOf],
      ['in a fragment', `{ person(name: "Blinken") { meetings { nodes { ...M } } } } fragment M on Meeting { id participants { ${PARTICIPANTS} } }`, nodesOf],
    ])('brings them along in the page\'s own statement (%s), as a meeting lists them', async (_how, query, listed: (data: unknown) => Listed[]) => {
      const { sent, data } = await run(query);
      expect(sent).toEqual(['meeting/pages-with-participants-by-participant']);
      const meetings = listed(data);
      expect(meetings.length).toBeGreaterThanOrEqual(5);
      for (const m of meetings) {
        const alone = await run<{ meeting: Listed }>(`{ meeting(id: "${m.id}") { id participants { ${PARTICIPANTS} } } }`);
        expect(alone.sent).toContain('meeting/participants');
        expect(m.participants).toEqual(alone.data.meeting.participants);
      }
    });

    it('reads the page alone when the document does not ask for them', async () => {
      const { sent } = await run('{ person(name: "Blinken") { meetings { nodes { id date } } } }');
      expect(sent).toEqual(['meeting/pages-by-participant']);
    });

    it('follows @include with each request\'s variables, for the same document', async () => {
      const query = `query($with: Boolean!) { person(name: "Blinken") { meetings { nodes { id participants @include(if: $with) { role } } } } }`;
      const ask = async (variables: { with: boolean }) => (await run(query, variables)).sent;
      expect(await ask({ with: false })).toEqual(['meeting/pages-by-participant']);
      expect(await ask({ with: true })).toEqual(['meeting/pages-with-participants-by-participant']);
      expect(await ask({ with: false })).toEqual(['meeting/pages-by-participant']);
    });
  });

  it('pages a person\'s meetings', async () => {
    const data = dataOf(
      await server().gql<{ person: { meetings: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } } }>(`{
        person(name: "Blinken") { meetings(first: 2) { nodes { id } pageInfo { hasNextPage } } }
      }`),
    );
    expect(data.person.meetings.nodes.map((m) => m.id)).toEqual(['meeting-blinken-qin-2023-06-18', 'meeting-blinken-wang-yi-2023-06-19']);
    expect(data.person.meetings.pageInfo.hasNextPage).toBe(true);
  });
});
