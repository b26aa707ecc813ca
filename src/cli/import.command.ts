import { importFiles } from '../ingest/importer';
import { connect } from '../neo4j/connect';
import type { RegisterCommand } from './command';

export const registerImportCommand: RegisterCommand = (program, config, logger) => {
  program
    .command('import')
    .description('import fact files (YAML or JSON); each file is written whole or not at all')
    .argument('<files...>', 'fact files')
    .option('--by <name>', 'who is importing, recorded with the import', process.env.USER ?? 'cli')
    .option('--no-progress', 'no progress bar')
    .action(async (files: string[], options: { by: string; progress: boolean }) => {
      const connection = await connect(config(), logger);
      try {
        const reports = await importFiles(connection.db, files, { by: options.by, progress: options.progress && process.stderr.isTTY });
        for (const r of reports) {
          process.stdout.write(`${r.file}: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged (${r.facts} facts in ${(r.ms / 1000).toFixed(1)} s)\n`);
        }
      } finally {
        await connection.close();
      }
    });
};
