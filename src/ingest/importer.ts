import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { DiplographError, ErrorCode } from '../errors';
import type { Database, QueryRunner } from '../neo4j/database';
import { invalidateGraphCaches } from '../neo4j/freshness';
import { checkFile } from './checks';
import type { Locator } from './locations';
import { declaredFacts, type FactFile } from './model';
import { parseFactText } from './parse';
import { planImport } from './plan';
import { formatPath, ImportError, type ImportProblem, type PathProblem } from './problems';
import { resolveReferences } from './references';
import { validateAgainstSchema } from './validate';
import { writePlan } from './writer';

export { ImportError, type ImportProblem } from './problems';

export interface ImportReport {
  file: string;
  documentId: string;
  created: number;
  updated: number;
  unchanged: number;
  facts: number;
  ms: number;
}

export interface ImportOptions {
  /** Who imports: recorded on the `(:Import)` node. */
  by: string;
  /** A progress bar on stderr over the write batches. */
  progress?: boolean;
  /** Told how long each stage took (parse, validate, resolve, check, plan, write, and each write step within write): for profiling. */
  onStage?: (stage: string, ms: number) => void;
}

/**
 * Imports fact files in order, each in its own transaction. Stops at the first file with a
 * problem and throws its ImportError; the files before it stay imported.
 */
export async function importFiles(db: Database, files: string[], options: ImportOptions): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      throw new ImportError([{ file, line: null, column: null, path: '(file)', message: `cannot read the file: ${(error as Error).message}` }]);
    }
    reports.push(await importText(db, text, { ...options, filename: file }));
  }
  return reports;
}

/**
 * One fact file, whole or not at all: parse → validate → resolve references → check → plan →
 * write. Each stage collects every problem it finds; the first stage with problems ends the
 * import before anything is written.
 */
export async function importText(db: Database, text: string, options: ImportOptions & { filename: string }): Promise<ImportReport> {
  const started = performance.now();
  const file = options.filename;
  let mark = started;
  const stage = (name: string) => {
    const at = performance.now();
    options.onStage?.(name, at - mark);
    mark = at;
  };

  const parsed = parseFactText(text, file);
  stage('parse');
  if (!parsed.ok) throw new ImportError(parsed.problems.map((p) => ({ file, line: p.line, column: p.column, path: '(file)', message: p.message })));
  const fail = (problems: PathProblem[]) => new ImportError(locateProblems(file, parsed.locate, problems));

  const schemaProblems = validateAgainstSchema(parsed.data);
  stage('validate');
  if (schemaProblems.length > 0) throw fail(schemaProblems);
  const data = parsed.data as FactFile;

  // Resolution, checks and writes share one transaction: the names and tenures a file was checked
  // against are the ones it is written against, and a big file's reads get the write timeout.
  // Once it has ended, committed or not, what this process keeps of the graph is dropped: a file
  // may write claims, tenures, precedence, names or people (src/neo4j/freshness.ts).
  const { documentId, counts } = await db.inWriteTransaction(async (tx) => {
    // Inside the file's transaction: every read is its own statement there, never merged with others.
    const graph: QueryRunner = { read: tx.run, write: tx.run, readByKeys: (name, params, keysParam, keys) => tx.run(name, { ...params, [keysParam]: [...keys] }) };
    // References and checks are both reported: a file's author wants the whole list at once.
    const { resolved, problems: referenceProblems } = await resolveReferences(data, graph);
    stage('resolve');
    const { checked, problems: checkProblems } = await checkFile(data, resolved, graph);
    stage('check');
    if (referenceProblems.length + checkProblems.length > 0) throw fail([...referenceProblems, ...checkProblems]);

    const plan = planImport(data, resolved, checked);
    stage('plan');
    const written = await writePlan(tx, plan, {
      by: options.by,
      checksum: crypto.createHash('sha256').update(text).digest('hex'),
      progress: options.progress ?? false,
      label: plan.documentId,
      onStep: options.onStage,
    });
    stage('write');
    return { documentId: plan.documentId, counts: written };
  })
    .catch((error: unknown) => {
      // Among several files, the one too big for a transaction must be named.
      if (error instanceof DiplographError && error.extensions.what === 'transactionMemory') {
        throw new DiplographError(ErrorCode.LIMIT_EXCEEDED, `${file}: ${error.message}`, { what: 'transactionMemory', file });
      }
      throw error;
    })
    .finally(invalidateGraphCaches);
  return { file, documentId, ...counts, facts: declaredFacts(data).length, ms: Math.round(performance.now() - started) };
}

/** Paths → lines, sorted the way the author reads the file. */
function locateProblems(file: string, locate: Locator, problems: PathProblem[]): ImportProblem[] {
  return problems
    .map((p) => {
      const at = locate(p.path, p.atKey);
      return { file, line: at?.line ?? null, column: at?.column ?? null, path: formatPath(p.path), message: p.message };
    })
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
