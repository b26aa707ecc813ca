import express, { type Request, type Response, type Router } from 'express';
import type { Config } from '../config';
import { DiplographError, ErrorCode } from '../errors';
import type { Logger } from '../logger';
import type { Database } from '../neo4j/database';
import { Authenticator } from '../server/auth';
import { CONTENT_TYPE } from './formats';
import type { ExportFormat } from './model';
import { parseExportQuery } from './query';
import { prepareExport, SinkClosedError, writeExport } from './write';

/** Download paths and the format each serves. */
export const EXPORT_PATHS: Record<string, { format: ExportFormat; filename: string }> = {
  '/export/graph.graphml': { format: 'graphml', filename: 'graph.graphml' },
  '/export/graph.json': { format: 'json', filename: 'graph.json' },
  '/export/nodes.csv': { format: 'nodes.csv', filename: 'nodes.csv' },
  '/export/edges.csv': { format: 'edges.csv', filename: 'edges.csv' },
};

const STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: 400,
  [ErrorCode.NOT_FOUND]: 404,
  [ErrorCode.AMBIGUOUS_NAME]: 409,
  [ErrorCode.UNAUTHENTICATED]: 401,
  [ErrorCode.DATABASE_UNAVAILABLE]: 503,
  [ErrorCode.TIMEOUT]: 504,
};

/**
 * `GET /export/graph.graphml | graph.json | nodes.csv | edges.csv`, with the query parameters
 * `person`, `depth`, `from`, `to`, `view` (full | meetings) and `measures` (0 to leave them out).
 * Errors found before the first byte (a bad date, an unknown or ambiguous name) are JSON in the
 * GraphQL error shape with a 4xx status; after that the response streams, and a failure cuts it
 * off (the client sees an incomplete body, never a well-formed lie).
 */
export function exportRoutes({ config, logger, db }: { config: Config; logger: Logger; db: Database }): Router {
  const router = express.Router();
  const auth = new Authenticator(config, logger);
  for (const [route, { format, filename }] of Object.entries(EXPORT_PATHS)) {
    router.get(route, async (req: Request, res: Response) => {
      const started = performance.now();
      let streaming = false;
      try {
        await auth.authenticate(req);
        const query = parseExportQuery(req.query as Record<string, unknown>);
        // The measures are node attributes: an edge list has no use for them.
        if (format === 'edges.csv' && query.view === 'full') query.measures = false;
        const source = await prepareExport(db, query);
        const name = source.person ? `${source.person.id}-${filename}` : filename;
        res.status(200).set({
          'content-type': CONTENT_TYPE[format],
          'content-disposition': `attachment; filename="${name}"`,
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        streaming = true;
        const summary = await writeExport(source, format, res);
        res.end();
        logger.info({ route, query, ...summary, ms: Math.round(performance.now() - started) }, 'export written');
      } catch (error) {
        if (error instanceof SinkClosedError || res.destroyed) {
          logger.info({ route }, 'export abandoned by the client');
          return;
        }
        if (streaming) {
          logger.error({ err: error, route }, 'export failed while streaming');
          res.destroy(error as Error);
          return;
        }
        const e = error instanceof DiplographError ? error : null;
        const code = (e?.extensions.code as string | undefined) ?? ErrorCode.INTERNAL_SERVER_ERROR;
        if (!e) logger.error({ err: error, route }, 'export failed');
        const { http: _http, ...extensions } = (e?.extensions ?? {}) as Record<string, unknown>;
        res.status(STATUS[code] ?? 500).json({ errors: [{ message: e ? e.message : 'Internal server error', extensions: { ...extensions, code } }] });
      }
    });
  }
  return router;
}
