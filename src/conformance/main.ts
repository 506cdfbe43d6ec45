/**
 * `npm run conformance -- [FILE ...] [--failures] [--events] [--feature NAME] [--id SUBSTRING]`:
 * {@link runConformance} on the process arguments (what it runs and prints is described there).
 */
import { runConformance } from './run-conformance';

runConformance(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`conformance: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 2;
  },
);
