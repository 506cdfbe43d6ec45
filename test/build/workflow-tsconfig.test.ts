/** Which tsconfig a workflows folder is type-checked with when `--tsconfig` is not given. */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workflowTsConfig } from '../../src/build/type-check-workflows';

describe('workflowTsConfig', () => {
  it("takes the workflows folder's own tsconfig.json, else the project's", () => {
    const project = mkdtempSync(path.join(tmpdir(), 'statecraft-tsconfig-'));
    mkdirSync(path.join(project, 'workflows'));
    expect(workflowTsConfig('workflows', project)).toBe(path.join(project, 'tsconfig.json'));
    writeFileSync(path.join(project, 'workflows', 'tsconfig.json'), '{ "extends": "../tsconfig.json" }');
    expect(workflowTsConfig('workflows', project)).toBe(path.join(project, 'workflows', 'tsconfig.json'));
  });

  it("is what the repository's build uses: its workflows folder leaves out @types/node", async () => {
    const { readFileSync } = await import('node:fs');
    const root = path.resolve(import.meta.dirname, '../..');
    const own = workflowTsConfig('workflows', root);
    expect(own).toBe(path.join(root, 'workflows', 'tsconfig.json'));
    expect(readFileSync(own, 'utf8')).toMatch(/"types": \[\]/);
  });
});
