import fs from 'node:fs';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import cliProgress from 'cli-progress';
import pino from 'pino';
import { DiplographError } from '../errors';
import type { ExportFormat } from '../export/model';
import { parseExportQuery } from '../export/query';
import { type ExportProgress, prepareExport, writeExport } from '../export/write';
import { connect } from '../neo4j/connect';
import type { RegisterCommand } from './command';

interface ExportOptions {
  format: string;
  person?: string;
  depth?: string;
  from?: string;
  to?: string;
  view: string;
  measures: boolean;
  out: string;
  progress: boolean;
}

const CLI_FORMATS = ['graphml', 'json', 'csv', 'nodes.csv', 'edges.csv'];

/**
 * `diplograph export`: the whole graph or a person's network, optionally for a date range, as
 * GraphML, node-link JSON or CSV node and edge lists, streamed from Neo4j to a file (or stdout)
 * with a progress bar on stderr. `--format csv --out net.csv` writes net.nodes.csv and net.edges.csv.
 */
export const registerExportCommand: RegisterCommand = (program, config) => {
  program
    .command('export')
    .description('export the graph or a subgraph as GraphML, JSON (NetworkX node-link) or CSV, streaming')
    .requiredOption('--format <format>', `one of ${CLI_FORMATS.join(', ')}`)
    .option('--person <name>', "only this person's network (name, alias or id)")
    .option('--depth <hops>', 'person-to-person hops from --person (1: the people they met; 2: also the people those met)', '2')
    .option('--from <date>', 'only what was true or happened on or after this day (YYYY-MM-DD)')
    .option('--to <date>', 'only what was true or happened on or before this day (YYYY-MM-DD)')
    .option('--view <view>', 'full (people, meetings, offices, rank claims) or meetings (people joined by shared meetings)', 'full')
    .option('--no-measures', 'leave out degree, weighted degree, betweenness and community')
    .option('--out <file>', 'where to write; - for stdout', '-')
    .option('--no-progress', 'no progress bar')
    .action(async (options: ExportOptions) => {
      if (!CLI_FORMATS.includes(options.format)) throw new Error(`--format must be one of ${CLI_FORMATS.join(', ')}`);
      if (options.format === 'csv' && options.out === '-') throw new Error('--format csv writes two files: give --out FILE (FILE.nodes.csv, FILE.edges.csv)');
      let query;
      try {
        query = parseExportQuery({ ...options, person: options.person ?? null });
      } catch (error) {
        throw new Error(error instanceof DiplographError ? `--${String(error.extensions.argument ?? 'option')}: ${error.message}` : String(error));
      }
      // stdout may be the export itself: every log line goes to stderr.
      const logger = pino({ level: process.env.LOG_LEVEL ?? 'warn', base: { service: 'diplograph' } }, pino.destination(2));
      const connection = await connect(config(), logger);
      try {
        const source = await prepareExport(connection.db, query).catch((error: unknown) => {
          throw error instanceof DiplographError ? new Error(error.message) : error;
        });
        const targets: Array<{ format: ExportFormat; file: string }> =
          options.format === 'csv'
            ? [
                { format: 'nodes.csv', file: `${options.out.replace(/\.csv$/i, '')}.nodes.csv` },
                { format: 'edges.csv', file: `${options.out.replace(/\.csv$/i, '')}.edges.csv` },
              ]
            : [{ format: options.format as ExportFormat, file: options.out }];
        for (const { format, file } of targets) {
          const bar = options.progress ? progressBar(file === '-' ? format : file) : null;
          const summary = await writeTo(file, (out) => writeExport(source, format, out, bar ?? {}));
          bar?.stop();
          process.stderr.write(
            `${file === '-' ? 'stdout' : file}: ${summary.nodes} nodes, ${summary.edges} edges, ${(summary.bytes / 1e6).toFixed(1)} MB in ${(summary.ms / 1000).toFixed(1)} s\n`,
          );
        }
      } finally {
        await connection.close();
      }
    });
};

/** Writes to a file through a `.partial` file renamed at the end, so that a failed export leaves no truncated file; or to stdout. */
async function writeTo<T>(file: string, work: (out: Writable) => Promise<T>): Promise<T> {
  if (file === '-') return work(process.stdout);
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial);
  try {
    const result = await work(out);
    out.end();
    await finished(out);
    fs.renameSync(partial, file);
    return result;
  } catch (error) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** A cli-progress bar on stderr over nodes and edges; the total grows when a subgraph's edge count is only known at the end. */
function progressBar(name: string): ExportProgress & { stop(): void } {
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${name} [{bar}] {percentage}% | {value}/{total} rows | {nodes} nodes, {edges} edges | {duration_formatted}`,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 5000,
      etaBuffer: 200,
    },
    cliProgress.Presets.shades_classic,
  );
  let nodes = 0;
  let edges = 0;
  let total = 0;
  let known = true;
  return {
    start(expected) {
      known = expected.edges !== null;
      total = expected.nodes + (expected.edges ?? 0);
      bar.start(Math.max(total, 1), 0, { nodes, edges });
    },
    row(kind) {
      if (kind === 'node') nodes += 1;
      else edges += 1;
      if (!known && nodes + edges > total) {
        total = nodes + edges;
        bar.setTotal(total);
      }
      if ((nodes + edges) % 200 === 0) bar.update(nodes + edges, { nodes, edges });
    },
    stop() {
      bar.setTotal(Math.max(nodes + edges, 1));
      bar.update(nodes + edges, { nodes, edges });
      bar.stop();
    },
  };
}
