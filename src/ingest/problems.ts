/** One segment of a path into the fact file: a key or an array index. */
export type PathSegment = string | number;
export type Path = readonly PathSegment[];

export interface ImportProblem {
  file: string;
  line: number | null;
  column: number | null;
  /** Where in the file, as `meetings[2].participants[0].person`. */
  path: string;
  message: string;
}

/** A problem before it has a file and a line: the stages only know paths. */
export interface PathProblem {
  path: Path;
  message: string;
  /** Point at the key rather than the value (an unknown field is best shown by its name). */
  atKey?: boolean;
}

/** `['meetings', 2, 'participants', 0, 'person']` → `meetings[2].participants[0].person`. */
export function formatPath(path: Path): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? segment : `.${segment}`;
  }
  return out === '' ? '(file)' : out;
}

export function formatProblem(p: ImportProblem): string {
  const where = p.line === null ? p.file : `${p.file}:${p.line}:${p.column ?? 1}`;
  return `${where} ${p.path}: ${p.message}`;
}

/**
 * Every problem of a file, thrown together: a file with any problem writes nothing, and the
 * author fixes them all at once instead of one per attempt.
 */
export class ImportError extends Error {
  constructor(readonly problems: ImportProblem[]) {
    super(`${problems.length} problem${problems.length === 1 ? '' : 's'} in fact file:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'ImportError';
  }
}

/** Collects problems stage by stage; a stage reports and carries on, so that all are found. */
export class ProblemCollector {
  readonly items: PathProblem[] = [];

  add(path: Path, message: string, atKey = false): void {
    this.items.push({ path, message, atKey });
  }

  get empty(): boolean {
    return this.items.length === 0;
  }
}
