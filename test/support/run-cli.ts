/**
 * Runs `statecraft ARGS` in-process (the bin's own dispatch, `main` in src/cli/dispatch.ts) with
 * stdout and stderr captured: the same command code and exit code as the real bin, without a
 * tsx start-up per call (1–2 s each on a 2-core machine). The bin itself (that it sets the
 * process exit code) is proved by one real subprocess, in test/cli/help-light.test.ts.
 *
 * @example
 * const { code, stdout, stderr } = await runCli('validate', 'm.asl.json');
 */
import { main } from '../../src/cli/dispatch';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(...argv: string[]): Promise<CliResult> {
  const result: CliResult = { code: -1, stdout: '', stderr: '' };
  result.code = await main(argv, {
    stdout: (text) => void (result.stdout += text),
    stderr: (text) => void (result.stderr += text),
  });
  return result;
}
