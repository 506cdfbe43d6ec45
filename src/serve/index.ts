/**
 * `statecraft/serve`: the Step Functions API over HTTP for real AWS SDK clients and the AWS CLI.
 *
 * @example
 * import { startServer } from 'statecraft/serve';
 * const server = await startServer({ port: 8083, dataDir: '.statecraft' });
 * console.log(`listening on ${server.url}`);
 */
export { startServer, type ServeOptions, type StepFunctionsServer } from './server';
export type { EndpointMap } from './service/real-endpoints';
