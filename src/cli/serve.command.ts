import { startService } from '../server/service';
import { onShutdownSignal, type RegisterCommand } from './command';

export const registerServeCommand: RegisterCommand = (program, config, logger) => {
  program
    .command('serve')
    .description('run the GraphQL service (starts the embedded Neo4j when NEO4J_URI is unset)')
    .action(async () => {
      const service = await startService(config(), logger);
      process.stdout.write(`diplograph is ready at ${service.url}\n`);
      onShutdownSignal(service.stop, logger);
    });
};
