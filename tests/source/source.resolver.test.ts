import { dataOf, useSeededServer } from '../support/seeded';

describe('documents and evidence', () => {
  const server = useSeededServer();

  it('keeps each document with its full text and publisher', async () => {
    const data = dataOf(await server().gql<{ documents: { id: string; title: string; text: string; publisher: { name: string } | null }[] }>('{ documents { id title text publisher { name } } }'));
    const dw = data.documents.find((d) => d.id === 'dw-2023-06-19-xi-blinken');
    expect(dw?.publisher?.name).toBe('Deutsche Welle');
    expect(dw?.text.startsWith('Beijing, China - US Secretary of State Antony Blinken')).toBe(true);
  });

  it('gives offsets that point at the quote in the document text', async () => {
    const data = dataOf(
      await server().gql<{ meeting: { evidence: { quote: string; start: number; end: number; document: { text: string } }[] } }>(
        '{ meeting(id: "meeting-blinken-xi-2023-06-19") { evidence { quote start end document { text } } } }',
      ),
    );
    expect(data.meeting.evidence.length).toBeGreaterThan(0);
    for (const e of data.meeting.evidence) expect(e.document.text.slice(e.start, e.end)).toBe(e.quote);
  });

  it('collects the evidence of a fact from every document that supports it', async () => {
    const data = dataOf(
      await server().gql<{ meeting: { invitations: { evidence: { document: { id: string } }[] }[] } }>(
        '{ meeting(id: "meeting-blinken-qin-2023-06-18") { invitations { evidence { document { id } } } } }',
      ),
    );
    const documents = new Set(data.meeting.invitations[0].evidence.map((e) => e.document.id));
    expect(documents).toEqual(new Set(['dw-2023-06-19-xi-blinken', 'diplograph-2023-11-qin-gang-removed-wang-yi-returns']));
  });
});
