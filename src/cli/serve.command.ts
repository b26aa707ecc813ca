import v8 from 'node:v8';
import { startService } from '../server/service';
import { onShutdownSignal, type RegisterCommand } from './command';

export const registerServeCommand: RegisterCommand = (program, config, logger) => {
  program
    .command('serve')
    .description('run the GraphQL service (starts the embedded Neo4j when NEO4J_URI is unset)')
    .action(async () => {
      const settings = config();
      // Set before the service allocates anything: see HEAP_GROWING_PERCENT_DEFAULT.
      if (settings.HEAP_GROWING_PERCENT > 0) v8.setFlagsFromString(`--heap-growing-percent=${settings.HEAP_GROWING_PERCENT}`);
      const service = await startService(settings, logger);
      process.stdout.write(`diplograph is ready at ${service.url}\n`);
      onShutdownSignal(service.stop, logger);
    });
};
