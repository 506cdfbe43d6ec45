/**
 * Golden reports for realistic definitions (fixtures/*.asl.json → fixtures/*.report.json).
 * Each golden was reviewed by hand for least privilege; regenerate after an intended change with
 * `UPDATE_IAM_GOLDEN=1 npx vitest run test/iam` and review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StateMachineDefinition } from '../../src/asl/types';
import type { DeriveIamOptions } from '../../src/iam';
import { derive } from './iam-test-support';

const FIXTURES = join(import.meta.dirname, 'fixtures');

const CASES: Record<string, DeriveIamOptions> = {
  'order-fulfilment': { stateMachineName: 'OrderFulfilment' },
  'nightly-import': { stateMachineArn: 'arn:aws:states:us-east-2:444455556666:stateMachine:NightlyImport', logging: true },
  'tenant-maintenance': { region: 'eu-central-1', account: '111122223333' },
  'manual-review': {},
};

describe('golden IAM reports', () => {
  for (const [name, options] of Object.entries(CASES)) {
    it(name, () => {
      const definition = JSON.parse(readFileSync(join(FIXTURES, `${name}.asl.json`), 'utf8')) as StateMachineDefinition;
      const report = derive(definition, options);
      const goldenPath = join(FIXTURES, `${name}.report.json`);
      if (process.env.UPDATE_IAM_GOLDEN === '1') writeFileSync(goldenPath, `${JSON.stringify(report, null, 2)}\n`);
      expect(existsSync(goldenPath), `${name}.report.json is missing; run with UPDATE_IAM_GOLDEN=1 and review it`).toBe(true);
      expect(report).toEqual(JSON.parse(readFileSync(goldenPath, 'utf8')));
    });
  }
});
