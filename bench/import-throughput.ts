/**
 * Import throughput: a generated file of N facts (default 100,000) through importFiles, against a
 * raw-UNWIND baseline that writes the same rows with plain CREATE statements and no checks.
 *
 *   npm run build && node dist/bench/import-throughput.js [--facts 100000] [--seed 1] [--files 1]
 *
 * `--files N` splits the facts over N files (N documents over the same entities), each imported in
 * its own transaction. A file is one transaction, and Neo4j holds a transaction's changes in
 * memory (about 20 KB per fact here): the embedded defaults (EMBEDDED_NEO4J_TX_MEMORY 3g, heap up to
 * 4g) take a single file of 100,000 facts.
 *
 * Uses NEO4J_URI when set (the graph is EMPTIED), else starts the embedded Neo4j in a fresh folder
 * under the system's temporary directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config';
import { checkFile } from '../src/ingest/checks';
import { importFiles } from '../src/ingest/importer';
import type { FactFile } from '../src/ingest/model';
import { planImport, type ImportPlan } from '../src/ingest/plan';
import { resolveReferences } from '../src/ingest/references';
import { createLogger } from '../src/logger';
import { connect } from '../src/neo4j/connect';
import type { Database } from '../src/neo4j/database';
import { factCount, generateFactFile, optionsForFacts, writeFactFileJson } from './generate';

function argument(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export /** Relationships first, then nodes: DETACH DELETE of a node with 10,000 edges overflows the embedded transaction memory cap. */
async function emptyGraph(db: Database): Promise<void> {
  await db.runAdministrative('MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
  await db.runAdministrative('MATCH (n) WHERE NOT n:Migration CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (facts: number, ms: number) => Math.round(facts / (ms / 1000));

/**
 * The baseline: the plan's rows, written by CREATE with no reads, no hashes, no merges and no
 * derived edges, in one transaction like the importer's. Bench-only Cypher, hence the raw driver.
 */
export async function writeRaw(db: Database, plan: ImportPlan, written: Set<string>): Promise<void> {
  // A fact an earlier file created (the parts share their tenures) gets only this document's evidence edges.
  const facts = plan.facts.map((f) => (written.has(f.id) ? { ...f, existed: true, edges: f.edges.filter((e) => e.type === 'SUPPORTED_BY') } : { ...f, existed: false }));
  for (const f of plan.facts) written.add(f.id);
  const session = db.driver.session({ database: db.database });
  try {
    await session.executeWrite(async (tx) => {
      const unwind = async (statement: string, rows: unknown[]) => {
        for (let i = 0; i < rows.length; i += 2000) await tx.run(statement, { rows: rows.slice(i, i + 2000) });
      };
      await unwind('UNWIND $rows AS row CREATE (n:$(row.label)) SET n = row.props, n.id = row.id', plan.entities.map((e) => ({ label: e.label, id: e.id, props: { ...e.fields, aliases: e.aliases } })));
      await tx.run('CREATE (d:Document) SET d = $props, d.id = $id', { id: plan.document.id, props: plan.document.props });
      await unwind('UNWIND $rows AS row CREATE (e:Evidence) SET e = row.props, e.id = row.id', [...plan.evidence.values()]);
      await unwind('UNWIND $rows AS row CREATE (f:Fact:$(row.label)) SET f = row.props, f.id = row.id', facts.filter((f) => !f.existed).map((f) => ({ id: f.id, label: f.label, props: f.props })));
      // Edges grouped by type and target label, so that each MATCH has a static label and uses its index.
      const groups = new Map<string, Array<{ from: string; to: string; props: unknown }>>();
      for (const f of facts) {
        for (const e of f.edges) {
          const target = ['Evidence', 'Person', 'Organization', 'Place', 'Position', 'Topic', 'RankContext'].includes(e.label) ? e.label : 'Fact';
          const key = `${e.type}|${target}|${e.inward}`;
          if (!groups.has(key)) groups.set(key, []);
          groups.get(key)!.push({ from: f.id, to: e.to, props: e.props });
        }
      }
      for (const [key, rows] of groups) {
        const [type, target, inward] = key.split('|');
        const create = inward === 'true' ? `CREATE (t)-[r:${type}]->(f)` : `CREATE (f)-[r:${type}]->(t)`;
        await unwind(`UNWIND $rows AS row MATCH (f:Fact {id: row.from}) MATCH (t:${target} {id: row.to}) ${create} SET r = row.props`, rows);
      }
    });
  } finally {
    await session.close();
  }
}

async function main(): Promise<void> {
  const facts = Number(argument('facts', '100000'));
  const seed = Number(argument('seed', '1'));
  const parts = Math.max(1, Number(argument('files', '1')));
  let ownDataDir: string | null = null;
  if (!process.env.NEO4J_URI && !process.env.DATA_DIR) {
    ownDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bench-neo4j-'));
    process.env.DATA_DIR = ownDataDir;
  }
  if (!process.env.NEO4J_URI) {
    // One transaction holds the whole file (the heap and transaction memory defaults are sized for
    // 100,000 facts); a bigger page cache keeps the store in memory.
    process.env.EMBEDDED_NEO4J_PAGECACHE ??= '1g';
  }
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const connection = await connect(loadConfig(), logger);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'diplograph-bench-'));
  try {
    const db = connection.db;
    let started = performance.now();
    const files: string[] = [];
    let n = 0;
    let bytes = 0;
    for (let part = 0; part < parts; part++) {
      const options = optionsForFacts(Math.round(facts / parts), seed);
      const generated = generateFactFile(parts === 1 ? options : { ...options, part });
      const file = path.join(work, `facts-${facts}-${part}.json`);
      await writeFactFileJson(generated, file);
      files.push(file);
      n += factCount(generated);
      bytes += fs.statSync(file).size;
    }
    process.stdout.write(`generated ${n} facts in ${files.length} file(s) (${(bytes / 1e6).toFixed(1)} MB JSON) in ${seconds(performance.now() - started)}\n`);

    await emptyGraph(db);
    const stages = new Map<string, number>();
    started = performance.now();
    const reports = await importFiles(db, files, {
      by: 'bench',
      progress: process.stderr.isTTY,
      onStage: (stage: string, ms: number) => stages.set(stage, (stages.get(stage) ?? 0) + ms),
    });
    const importMs = performance.now() - started;
    const created = reports.reduce((sum, r) => sum + r.created, 0);
    process.stdout.write(`import:    ${n} facts in ${seconds(importMs)} = ${rate(n, importMs)} facts/s (${created} records created)\n`);
    // The write steps are parts of the write stage: not counted twice.
    const staged = [...stages].filter(([stage]) => !stage.startsWith('write ')).reduce((sum, [, ms]) => sum + ms, 0);
    process.stdout.write(`           stages: ${[...stages].map(([stage, ms]) => `${stage} ${seconds(ms)}`).join(', ')}, commit ${seconds(importMs - staged)}\n`);

    started = performance.now();
    const again = await importFiles(db, files, { by: 'bench' });
    const againMs = performance.now() - started;
    const total = (key: 'created' | 'updated' | 'unchanged') => again.reduce((sum, r) => sum + r[key], 0);
    process.stdout.write(`re-import: ${seconds(againMs)} (${total('created')} created, ${total('updated')} updated, ${total('unchanged')} unchanged)\n`);

    // The baseline writes what the importer planned, one transaction per file like the importer;
    // planning needs the graph empty, as the first import had it, and is not timed.
    await emptyGraph(db);
    let rawMs = 0;
    const written = new Set<string>();
    for (const [index, file] of files.entries()) {
      const data = JSON.parse(fs.readFileSync(file, 'utf8')) as FactFile;
      const { resolved } = await resolveReferences(data, db);
      const { checked } = await checkFile(data, resolved, db);
      const plan = planImport(data, resolved, checked);
      // Later files declare the same entities again; the baseline creates each entity once.
      if (index > 0) plan.entities.length = 0;
      started = performance.now();
      await writeRaw(db, plan, written);
      rawMs += performance.now() - started;
    }
    process.stdout.write(`baseline:  ${n} facts in ${seconds(rawMs)} = ${rate(n, rawMs)} facts/s (raw UNWIND CREATE, no checks)\n`);
    process.stdout.write(`ratio:     the importer runs at ${((rate(n, importMs) / rate(n, rawMs)) * 100).toFixed(0)}% of the baseline's speed\n`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    await connection.close();
    if (ownDataDir) fs.rmSync(ownDataDir, { recursive: true, force: true });
  }
}

// Importable (bench/run.ts reuses writeRaw and emptyGraph); runs only as the entry point.
if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exit(1);
  });
}
