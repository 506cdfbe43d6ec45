import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as diagram } from '../../src/cli/commands/diagram';
import { run } from '../../src/cli/commands/run';
import { MIXED, MIXED_MOCKS } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'statecraft-diagram-'));

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), colour: false } };
}

describe('statecraft diagram', () => {
  it('prints Mermaid, DOT or SVG of an ASL file, or writes --out', async () => {
    const { out, io } = capture();
    expect(await diagram(['generated/CallbackExample.asl.json', '--format', 'mermaid'], io)).toBe(0);
    expect(out.stdout).toBe(readFileSync('test/diagram/golden/CallbackExample.mmd', 'utf8'));
    const dot = capture();
    expect(await diagram(['generated/CallbackExample.asl.json', '--format=dot'], dot.io)).toBe(0);
    expect(dot.out.stdout).toMatch(/^digraph "CallbackExample" \{/);
    const file = join(dir, 'cb.svg');
    const svg = capture();
    expect(await diagram(['generated/CallbackExample.asl.json', '--out', file], svg.io)).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('data-state="Notify Success"');
    expect(svg.out.stdout).toBe('');
  });

  it('compiles a workflow module and picks an export with #Name', async () => {
    const { out, io } = capture();
    expect(await diagram(['workflows/lottery-draw.ts#LotteryDraw', '--format', 'mermaid'], io)).toBe(0);
    expect(out.stdout).toBe(readFileSync('test/diagram/golden/LotteryDraw.mmd', 'utf8'));
  });

  it('refuses bad usage and invalid definitions with a clear message (exit 2)', async () => {
    const bad = capture();
    expect(await diagram(['generated/CallbackExample.asl.json', '--format', 'png'], bad.io)).toBe(2);
    expect(bad.out.stderr).toContain("--format must be svg, mermaid or dot, got 'png'.");
    const invalid = join(dir, 'invalid.asl.json');
    writeFileSync(invalid, JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nowhere' } } }));
    const broken = capture();
    expect(await diagram([invalid], broken.io)).toBe(2);
    expect(broken.out.stderr).toContain('is not a valid state machine');
    expect(broken.out.stderr).toContain('Nowhere');
  });
});

describe('statecraft run --report', () => {
  it('writes one self-contained HTML file with the run', async () => {
    const asl = join(dir, 'Mixed.asl.json');
    const mocks = join(dir, 'mocks.json');
    const report = join(dir, 'run.html');
    writeFileSync(asl, JSON.stringify(MIXED));
    writeFileSync(mocks, JSON.stringify(MIXED_MOCKS));
    const { io } = capture();
    const code = await run([asl, '--mocks', mocks, '--test-case', 'Story', '--input', '{"items":["a"],"total":5}', '--report', report], io);
    expect(code).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('data-state="Charge"');
    expect(html).toContain('class="state t-Task o-retried"');
    // Nothing is fetched: no external scripts, styles, fonts or images.
    expect(html).not.toMatch(/<script[^>]+src=|<link|@import|url\((?!#)|@font-face/);
  });
});
