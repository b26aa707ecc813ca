import { connect } from '../neo4j/connect';
import { applyMigrations } from '../neo4j/migrations';
import type { RegisterCommand } from './command';

export const registerMigrateCommand: RegisterCommand = (program, config, logger) => {
  program
    .command('migrate')
    .description('apply the Cypher migrations under cypher/migrations that have not run yet')
    .action(async () => {
      const connection = await connect(config(), logger, { migrate: false });
      try {
        const { applied, skipped } = await applyMigrations(connection.db, logger);
        process.stdout.write(`applied ${applied.length} migration(s), ${skipped.length} already applied\n`);
      } finally {
        await connection.close();
      }
    });
};
