/**
 * Golden imports of the examples' ASL: the exact module the importer writes, reviewed for
 * readability (LotteryDraw reads like workflows/lottery-draw.ts). To accept a deliberate change,
 * run with UPDATE_GOLDEN=1 and review the diff.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importDefinition } from '../../src/import/index';

const ROOT = new URL('../../', import.meta.url);
const GOLDEN = [
  ['LotteryDraw', 'lottery-draw'],
  ['OrderPipeline', 'order-pipeline'],
  ['CallbackExample', 'callback-example'],
  ['ContentBrowse', 'content-browse'],
] as const;

describe('golden imports', () => {
  it.each(GOLDEN)('generated/%s.asl.json → test/import/golden/%s.ts', async (name, file) => {
    const definition = JSON.parse(readFileSync(new URL(`generated/${name}.asl.json`, ROOT), 'utf8'));
    const source = await importDefinition(definition, { name });
    const golden = fileURLToPath(new URL(`test/import/golden/${file}.ts.txt`, ROOT));
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, source);
    expect(source).toBe(readFileSync(golden, 'utf8'));
  });

  it('imports LotteryDraw as the hand-written example reads: typed functions, a shared Fail, selectors, a loop by name', async () => {
    const definition = JSON.parse(readFileSync(new URL('generated/LotteryDraw.asl.json', ROOT), 'utf8'));
    const source = await importDefinition(definition, { name: 'LotteryDraw' });
    expect(source).toContain("const failed = fail('Failed');");
    expect(source).toContain(".catch(['States.ALL'], failed)");
    expect(source).toContain("{ inputPath: (s) => s.body }");
    expect(source).toContain('(s) => eq(s.status, 0)');
    expect(source).toContain(".when((s) => eq(s.status, 1), 'Random Select Winners')");
    expect(source).toMatch(/sns\.publish\(\(s\) => \(\{[^}]*Message: s\.sns/);
    expect(source).toMatch(/lambdaFunction<\s*unknown,\s*\{\s*status: number;/);
    expect(source).not.toMatch(/jsonPath\(|serviceTask\(/);
  });
});
