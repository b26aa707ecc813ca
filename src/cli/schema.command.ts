import fs from 'node:fs';
import { printSubgraphSdl, SCHEMA_FILE } from '../server/sdl';
import type { Command } from 'commander';

export function registerSchemaCommand(program: Command): void {
  program
    .command('schema')
    .description(`write the GraphQL SDL to ${SCHEMA_FILE} (committed; a test fails when it is stale)`)
    .option('--check', 'exit 1 when the committed file differs instead of writing it')
    .action(async (options: { check?: boolean }) => {
      const sdl = await printSubgraphSdl();
      if (options.check) {
        const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
        if (committed !== sdl) {
          process.stderr.write(`${SCHEMA_FILE} is stale: run npm run schema\n`);
          process.exit(1);
        }
        return;
      }
      fs.writeFileSync(SCHEMA_FILE, sdl);
      process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
    });
}
