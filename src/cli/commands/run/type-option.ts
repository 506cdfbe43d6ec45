import type { StateMachineType } from '../../../interpreter';

/**
 * `--type` of `run` and `validate`: STANDARD or EXPRESS, in any case (`express`, `Standard`), as
 * users type them; anything else is a sentence for the usage error.
 *
 * @example
 * parseTypeOption('express'); // { type: 'EXPRESS' }
 */
export function parseTypeOption(value: string | undefined): { type: StateMachineType } | { problem: string } {
  const type = value?.toUpperCase();
  if (type === 'STANDARD' || type === 'EXPRESS') return { type };
  return { problem: value === undefined || value === '' ? '--type needs a value: STANDARD or EXPRESS.' : `--type must be STANDARD or EXPRESS, got '${value}'.` };
}
