import fs from 'node:fs';

/**
 * A large, valid fact file: `people` people and `meetings` meetings between neighbours, each
 * meeting with its own evidence sentence. Used where bench/generate.ts is not available.
 */
export function writeLargeFactFile(file: string, people: number, meetings: number, prefix = 'bulk'): { people: number; meetings: number } {
  const lines = Array.from({ length: meetings }, (_, i) => `Meeting number ${i} of the bulk series took place as planned.`);
  const data = {
    format: 'diplograph/facts@1',
    document: {
      id: `${prefix}-document`,
      title: 'A bulk document for the fault tests',
      publisher: `${prefix}-publisher`,
      publishedAt: '2024-01-01',
      text: lines.join('\n'),
    },
    organizations: [{ id: `${prefix}-publisher`, name: `${prefix} publisher`, kind: 'MEDIA' }],
    people: Array.from({ length: people }, (_, i) => ({ id: `${prefix}-person-${i}`, name: `${prefix} Person ${i}` })),
    meetings: Array.from({ length: meetings }, (_, i) => ({
      id: `${prefix}-meeting-${i}`,
      date: `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
      participants: [
        { person: `${prefix}-person-${i % people}`, role: 'HOST' },
        { person: `${prefix}-person-${(i + 1) % people}`, role: 'GUEST' },
      ],
      evidence: [{ quote: lines[i] }],
    })),
  };
  fs.writeFileSync(file, JSON.stringify(data));
  return { people, meetings };
}
