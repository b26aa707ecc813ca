import fs from 'node:fs';
import path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { PROJECT_ROOT } from '../config';
import type { PathProblem, PathSegment } from './problems';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'fact-file.schema.json');

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: false });
  addFormats(ajv, { formats: ['uri'] });
  // The schema's pattern already fixes the form of a date; whether the day exists (2023-02-30)
  // is checked with a message that says so in checks.ts, beside the file's other problems.
  ajv.addFormat('date', true);
  compiled = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA_FILE, 'utf8')));
  return compiled;
}

/** Stage 2: the data against schema/fact-file.schema.json; every error, each with its path. */
export function validateAgainstSchema(data: unknown): PathProblem[] {
  const validate = validator();
  if (validate(data)) return [];
  return simplify(validate.errors ?? []).map(toProblem);
}

function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

/**
 * `anyOf: [X, null]` makes Ajv report the failure of each branch and of the anyOf itself; the
 * author wants the one that says what X needed.
 */
function simplify(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject[]>();
  for (const e of errors) {
    const list = byPath.get(e.instancePath) ?? [];
    list.push(e);
    byPath.set(e.instancePath, list);
  }
  const out: ErrorObject[] = [];
  for (const list of byPath.values()) {
    const specific = list.filter((e) => e.keyword !== 'anyOf' && !(e.keyword === 'type' && e.params.type === 'null'));
    const chosen = specific.length > 0 ? specific : list;
    const seen = new Set<string>();
    for (const e of chosen) {
      const key = `${e.keyword}:${JSON.stringify(e.params)}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(e);
      }
    }
  }
  return out;
}

const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value) ?? String(value));

function toProblem(e: ErrorObject): PathProblem {
  const base = pointerToPath(e.instancePath);
  const description = (e.parentSchema as { description?: string } | undefined)?.description;
  switch (e.keyword) {
    case 'required':
      return { path: [...base, e.params.missingProperty as string], message: `required field "${e.params.missingProperty}" is missing` };
    case 'additionalProperties':
      return { path: [...base, e.params.additionalProperty as string], message: `unknown field "${e.params.additionalProperty}"`, atKey: true };
    case 'enum':
      return { path: base, message: `${show(e.data)} is not one of ${(e.params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { path: base, message: `must be ${show(e.params.allowedValue)}, not ${show(e.data)}` };
    case 'type':
      return { path: base, message: `must be ${e.params.type}, not ${Array.isArray(e.data) ? 'array' : e.data === null ? 'null' : typeof e.data} ${show(e.data)}` };
    case 'pattern':
      return { path: base, message: `${show(e.data)} is not valid${description ? `: ${description}` : ` (pattern ${e.params.pattern})`}` };
    case 'minItems':
      return { path: base, message: `needs at least ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}` };
    case 'uniqueItems':
      return { path: [...base, e.params.i as number], message: `repeats item ${e.params.j} (${show((e.data as unknown[])[e.params.i as number])})` };
    default:
      return { path: base, message: e.message ?? `fails ${e.keyword}` };
  }
}
