import { dataOf, useSeededServer } from '../support/seeded';

interface StatementView {
  text: string;
  mode: string;
  date: string | null;
  speaker: { name: string } | null;
  speakers: { name: string }[];
  meeting: { id: string } | null;
  reportedBy: { name: string } | null;
  about: { name: string }[];
  evidence: { quote: string; attributedTo: { name: string } | null }[];
}

describe('statements', () => {
  const server = useSeededServer();

  const statementsOf = async (name: string) =>
    dataOf(
      await server().gql<{ person: { statements: StatementView[] } }>(
        `query($n: String!) { person(name: $n) { statements {
          text mode date speaker { name } speakers { name } meeting { id } reportedBy { name } about { name }
          evidence { quote attributedTo { name } }
        } } }`,
        { n: name },
      ),
    ).person.statements;

  it('keeps direct quotes verbatim, with speaker, meeting and evidence', async () => {
    const xi = await statementsOf('Xi');
    const veryGood = xi.find((s) => s.text === 'very good');
    expect(veryGood).toMatchObject({
      mode: 'DIRECT',
      date: '2023-06-19',
      speaker: { name: 'Xi Jinping' },
      meeting: { id: 'meeting-blinken-xi-2023-06-19' },
    });
    expect(veryGood?.evidence).toContainEqual({ quote: 'Xi described the talks as "very good"', attributedTo: { name: 'Xi Jinping' } });
    expect(xi.some((s) => s.text.includes('State-to-state interaction should always be based on mutual respect and sincerity'))).toBe(true);
  });

  it('says which outlet reported a statement', async () => {
    const wang = await statementsOf('Wang Yi');
    const threat = wang.find((s) => s.text.toLowerCase().includes('china threat theory'));
    expect(threat?.reportedBy?.name).toBe('China Central Television');
    expect(threat?.about.map((t) => t.name)).toContain('China threat theory');
  });

  it('lets an organisation speak, and several speakers speak together', async () => {
    const data = dataOf(
      await server().gql<{ meeting: { statements: StatementView[] } }>(
        '{ meeting(id: "meeting-blinken-qin-2023-06-18") { statements { text speakers { name } } } }',
      ),
    );
    const frank = data.meeting.statements.find((s) => s.text.includes('frank and constructive'));
    expect(frank?.speakers.map((s) => s.name).sort()).toEqual(["People's Republic of China", 'United States']);
  });
});

describe('invitations', () => {
  const server = useSeededServer();

  it('are listed for the inviter and the invitee, with destination, date and the person who went instead', async () => {
    for (const name of ['Blinken', 'Qin Gang']) {
      const data = dataOf(
        await server().gql<{ person: { invitations: unknown[] } }>(
          `query($n: String!) { person(name: $n) { invitations {
            inviter { name } invitee { name } destination { name } date status fulfilledBy { name } meeting { id }
            evidence { quote document { title } }
          } } }`,
          { n: name },
        ),
      );
      expect(data.person.invitations).toEqual([
        expect.objectContaining({
          inviter: { name: 'Antony Blinken' },
          invitee: { name: 'Qin Gang' },
          destination: { name: 'Washington' },
          date: '2023-06-18',
          status: 'FULFILLED',
          fulfilledBy: { name: 'Wang Yi' },
          meeting: { id: 'meeting-blinken-qin-2023-06-18' },
          evidence: expect.arrayContaining([
            { quote: 'The US secretary of state also invited Qin to Washington.', document: { title: "China's Xi Jinping makes positive comments after meeting with Blinken" } },
          ]),
        }),
      ]);
    }
  });
});
