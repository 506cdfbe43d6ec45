import { existsSync } from 'node:fs';
import { conformanceAbsentReason } from '../../src/conformance/cases';

/**
 * True when a file of recorded AWS cases (shared/conformance, outside the repository) is there;
 * otherwise says on the console which tests skip and why. Tests that need the recordings use it
 * with `describe.skipIf(!present)`, so a checkout without them still runs everything else.
 *
 * @example
 * const present = recordedCasesPresent('recorded Choice executions', EXECUTIONS_FILE);
 * describe.skipIf(!present)('recorded Choice executions', () => { ... });
 */
export function recordedCasesPresent(what: string, file: string): boolean {
  const present = existsSync(file);
  if (!present) console.warn(`${what} skipped: ${conformanceAbsentReason(file)}`);
  return present;
}
