/**
 * How the bench starts diplograph (bench/contenders): with the Node flags `npm start` runs the
 * service with, which are also those of the Docker image, so that what is measured is what is run.
 */
import fs from 'node:fs';
import path from 'node:path';
import { serveNodeFlags } from '../../bench/contenders';
import { PROJECT_ROOT } from '../../src/config';

const dockerCmd = (): string[] => {
  const line = fs
    .readFileSync(path.join(PROJECT_ROOT, 'Dockerfile'), 'utf8')
    .split('\n')
    .find((l) => l.startsWith('CMD '));
  return JSON.parse(line!.slice(4)) as string[];
};

describe('the Node flags diplograph is served with', () => {
  it("are npm start's: a 32 MB young generation", () => {
    expect(serveNodeFlags()).toEqual(['--max-semi-space-size=32']);
  });

  it("are the Docker image's too", () => {
    expect(dockerCmd()).toEqual(['node', ...serveNodeFlags(), 'dist/src/cli.js', 'serve']);
  });

  it('are read from a start script with none, several, or refused when it does not run the service', () => {
    expect(serveNodeFlags('npm run build --silent && node dist/src/cli.js serve')).toEqual([]);
    expect(serveNodeFlags('node --a=1 --b dist/src/cli.js serve')).toEqual(['--a=1', '--b']);
    expect(() => serveNodeFlags('node dist/src/other.js')).toThrow(/does not run "node \[flags\] dist\/src\/cli.js serve"/);
  });
});
