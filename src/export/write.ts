import type { Writable } from 'node:stream';
import type { Database } from '../neo4j/database';
import { graphFormat } from './formats';
import type { ExportFormat, ExportQuery } from './model';
import { GraphSource } from './source';
import type { StreamOptions } from './stream';

/** The reader went away (a closed connection, a destroyed file stream): stop reading. */
export class SinkClosedError extends Error {
  constructor() {
    super('the export destination was closed before the export finished');
    this.name = 'SinkClosedError';
  }
}

/**
 * Text pieces gathered into chunks of about `chunkSize` characters; each chunk is written when
 * full, and when the destination's buffer is full (write returns false) the export waits for
 * `drain` before it takes the next row, which in turn leaves the Neo4j driver's buffer to fill
 * and its pulling to pause: backpressure from the destination back to the database.
 */
export class ChunkedWriter {
  private parts: string[] = [];
  private length = 0;
  bytes = 0;

  constructor(
    private readonly out: Writable,
    private readonly chunkSize = 64 * 1024,
  ) {}

  async push(text: string): Promise<void> {
    if (!text) return;
    this.parts.push(text);
    this.length += text.length;
    if (this.length >= this.chunkSize) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.length === 0) return;
    const chunk = this.parts.join('');
    this.parts = [];
    this.length = 0;
    if (this.out.destroyed || this.out.writableEnded) throw new SinkClosedError();
    this.bytes += Buffer.byteLength(chunk);
    if (!this.out.write(chunk)) await drained(this.out);
  }
}

function drained(out: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      out.off('drain', onDrain);
      out.off('close', onClose);
      out.off('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onDrain = () => done();
    const onClose = () => done(new SinkClosedError());
    const onError = (error: Error) => done(error);
    out.on('drain', onDrain);
    out.on('close', onClose);
    out.on('error', onError);
  });
}

export interface ExportProgress {
  /** Called once before the first row, with what the source expects (edges null when unknown). */
  start?(expected: { nodes: number; edges: number | null }): void;
  /** Called after every row written. */
  row?(kind: 'node' | 'edge'): void;
}

export interface ExportSummary {
  nodes: number;
  edges: number;
  bytes: number;
  ms: number;
}

/**
 * Prepares an export (resolves the person, walks the network, computes measures) without writing
 * anything, so that a bad request can still be refused cleanly (an HTTP 404 rather than a cut-off
 * file); then `write` streams it.
 */
export async function prepareExport(db: Database, query: ExportQuery, options: StreamOptions = {}): Promise<GraphSource> {
  const source = new GraphSource(db, query, options);
  await source.prepare();
  return source;
}

/** Writes a prepared export to `out` in `format`, row by row, with backpressure. Does not end `out`. */
export async function writeExport(source: GraphSource, format: ExportFormat, out: Writable, progress: ExportProgress = {}): Promise<ExportSummary> {
  const started = performance.now();
  const fmt = graphFormat(format, { query: source.query, directed: source.query.view !== 'meetings' });
  const writer = new ChunkedWriter(out);
  progress.start?.({ nodes: fmt.nodes ? source.expected.nodes : 0, edges: fmt.edges ? source.expected.edges : 0 });
  let nodes = 0;
  let edges = 0;
  await writer.push(fmt.header());
  if (fmt.nodes) {
    for await (const node of source.nodes()) {
      await writer.push(fmt.node(node));
      nodes += 1;
      progress.row?.('node');
    }
  }
  await writer.push(fmt.middle());
  if (fmt.edges) {
    for await (const edge of source.edges()) {
      await writer.push(fmt.edge(edge));
      edges += 1;
      progress.row?.('edge');
    }
  }
  await writer.push(fmt.footer());
  await writer.flush();
  return { nodes, edges, bytes: writer.bytes, ms: performance.now() - started };
}
