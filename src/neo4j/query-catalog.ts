import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';

/**
 * Named Cypher queries live as files under `cypher/queries/<aggregate>/<name>.cypher` and are run
 * by name (`person/by-name`), so that every query the service can send is reviewable in one folder
 * and user text can only ever reach Cypher as a parameter.
 */
const QUERY_ROOT = path.join(PROJECT_ROOT, 'cypher', 'queries');
const cache = new Map<string, string>();

export function cypher(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    const file = path.join(QUERY_ROOT, `${name}.cypher`);
    if (!file.startsWith(QUERY_ROOT + path.sep)) throw new Error(`Bad query name ${name}`);
    text = fs.readFileSync(file, 'utf8');
    cache.set(name, text);
  }
  return text;
}

/** Every query name in the catalogue, for the test that checks each one compiles (EXPLAIN). */
export function allQueryNames(): string[] {
  const names: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.cypher')) names.push(path.relative(QUERY_ROOT, full).replace(/\.cypher$/, '').split(path.sep).join('/'));
    }
  };
  walk(QUERY_ROOT);
  return names.sort();
}
