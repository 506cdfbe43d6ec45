import { mockConfigProblems, type MockConfigFile } from '../../../interpreter/tasks/mock-config-file';
import { startServer } from '../../../serve/index';
import type { CommandIo } from '../../command';
import { readJsonFile } from '../../read-json-file';
import type { ServeArgs } from '../serve';

/** Starts the server for `statecraft serve` and keeps it up until SIGINT/SIGTERM. */
export async function launchServe(args: ServeArgs, io: CommandIo): Promise<number> {
  let mockConfig: MockConfigFile | undefined;
  if (args.mockConfig !== undefined) {
    const read = await readJsonFile(args.mockConfig, `the mock config file ${args.mockConfig}`);
    if ('problem' in read) {
      io.stderr(`statecraft serve: ${read.problem}\n`);
      return 2;
    }
    const problems = mockConfigProblems(read.value as unknown as MockConfigFile);
    if (problems.length > 0) {
      io.stderr(`statecraft serve: the mock config file ${args.mockConfig} has problems:\n${problems.map((p) => `  ${p}`).join('\n')}\n`);
      return 2;
    }
    mockConfig = read.value as unknown as MockConfigFile;
  }
  let server;
  try {
    server = await startServer({
      port: args.port,
      host: args.host,
      dataDir: args.data,
      mockConfig,
      endpoints: args.endpoints,
      region: args.region,
      accountId: args.account,
      clock: args.clock,
      onProblem: (message) => io.stderr(`statecraft serve: ${message}\n`),
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`statecraft serve: cannot listen on ${args.host}:${args.port}: ${code === 'EADDRINUSE' ? 'the port is in use (pick another with --port)' : (error as Error).message}\n`);
    return 1;
  }
  io.stdout(`listening on ${server.url}\n`);
  await new Promise<void>((resolve) => {
    const stop = (): void => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}
