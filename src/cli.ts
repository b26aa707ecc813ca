#!/usr/bin/env node
import 'reflect-metadata';
import { Command } from 'commander';
import { ConfigError, loadConfig } from './config';
import { createLogger } from './logger';
import { registerDraftCommand } from './cli/draft.command';
import { registerExportCommand } from './cli/export.command';
import { registerImportCommand } from './cli/import.command';
import { registerMigrateCommand } from './cli/migrate.command';
import { registerSchemaCommand } from './cli/schema.command';
import { registerServeCommand } from './cli/serve.command';

/** One entry point for every task: serve, import, export, draft, migrate, schema. */
const program = new Command()
  .name('diplograph')
  .description('A knowledge graph of government officials and their meetings, served as GraphQL over Neo4j.')
  .showHelpAfterError();

const logger = createLogger();
const config = () => {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
};

registerServeCommand(program, config, logger);
registerImportCommand(program, config, logger);
registerExportCommand(program, config, logger);
registerDraftCommand(program, config, logger);
registerMigrateCommand(program, config, logger);
registerSchemaCommand(program);

program.parseAsync(process.argv).catch((error: Error) => {
  logger.error({ err: error }, error.message);
  process.stderr.write(`diplograph: ${error.message}\n`);
  process.exit(1);
});
