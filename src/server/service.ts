import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import { seedIfEmpty } from '../ingest/seed';
import type { Logger } from '../logger';
import { connect, type Connection } from '../neo4j/connect';
import { createApp } from './app';

export interface RunningService {
  url: string;
  connection: Connection;
  stop(): Promise<void>;
}

/**
 * Starts everything `npm start` runs: Neo4j (embedded unless configured), migrations, the seed
 * articles on an empty graph, and the HTTP server.
 */
export async function startService(config: Config, logger: Logger): Promise<RunningService> {
  const connection = await connect(config, logger);
  try {
    if (config.SEED_ON_EMPTY) await seedIfEmpty(connection.db, logger);
    const { httpServer, apollo } = await createApp(config, connection.db, logger);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.PORT, config.HOST, () => resolve());
    });
    const address = httpServer.address() as AddressInfo;
    const url = `http://${address.address.includes(':') ? `[${address.address}]` : address.address}:${address.port}/graphql`;
    logger.info({ url }, 'diplograph is ready');

    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        // Apollo's drain plugin lets in-flight requests finish before the server closes.
        await apollo.stop();
        await connection.close();
        logger.info('diplograph stopped');
      })());
    return { url, connection, stop };
  } catch (error) {
    await connection.close();
    throw error;
  }
}
