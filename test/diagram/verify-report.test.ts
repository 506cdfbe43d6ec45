/**
 * `statecraft verify A B --report diff.html` (and `verifyEquivalence(…, { report })`): the shrunk
 * counterexample as one self-contained page, both versions' runs side by side. Opened in a real
 * headless Chromium: both graphs render, each path is coloured by outcome, the state where the
 * versions part is outlined in both, and the page makes no network request.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { StateMachineDefinition } from '../../src/asl/types';
import { run } from '../../src/cli/commands/verify';
import { verifyEquivalence } from '../../src/verify';
import { artifactPath, chromiumPath, sharedBrowser, SKIP_MESSAGE } from '../support/browser';

/** Amounts over `threshold` need an approval call; the new version raised the threshold. */
function approval(threshold: number): StateMachineDefinition {
  return {
    StartAt: 'Check',
    States: {
      Check: { Type: 'Choice', Choices: [{ Variable: '$.amount', NumericGreaterThan: threshold, Next: 'Approve' }], Default: 'Auto' },
      Approve: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { FunctionName: 'Approve', 'Payload.$': '$' }, End: true },
      Auto: { Type: 'Pass', Result: 'auto-approved', End: true },
    },
  } as StateMachineDefinition;
}

const dir = mkdtempSync(join(tmpdir(), 'statecraft-verify-report-'));
const beforeFile = join(dir, 'Approval.asl.json');
const afterFile = join(dir, 'Approval-new.asl.json');
writeFileSync(beforeFile, JSON.stringify(approval(100)));
writeFileSync(afterFile, JSON.stringify(approval(1000)));

/** `statecraft verify Approval.asl.json Approval-new.asl.json --report FILE`, run once: read as text by one test, opened in Chromium by another. */
let cliRun: Promise<{ file: string; code: number; out: { stdout: string; stderr: string } }> | undefined;
const cliReport = () =>
  (cliRun ??= (async () => {
    const file = artifactPath('verify-report.html');
    const { out, io } = capture();
    return { file, code: await run([beforeFile, afterFile, '--report', file, '--explore', '300'], io), out };
  })());

function capture() {
  const out = { stdout: '', stderr: '' };
  return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t) } };
}

describe('verify --report', () => {
  it('the API writes the report only when there is a difference, and says where', async () => {
    const file = join(dir, 'api.html');
    const changed = await verifyEquivalence(approval(100), approval(1000), { report: file, explore: 300 });
    expect(changed.equivalent).toBe(false);
    expect(changed.reportFile).toBe(file);
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('Behaviour changed (generated)');
    expect(html.match(/<section class="sc-run" data-sc-run>/g)).toHaveLength(2);

    const same = join(dir, 'same.html');
    const unchanged = await verifyEquivalence(approval(100), approval(100), { report: same, explore: 50 });
    expect(unchanged.equivalent).toBe(true);
    expect(unchanged.reportFile).toBeUndefined();
    expect(existsSync(same)).toBe(false);
  });

  it('a report that cannot be written is a warning naming the file, not a crash', async () => {
    const file = join(dir, 'no-such-folder', 'diff.html');
    const changed = await verifyEquivalence(approval(100), approval(1000), { report: file, explore: 300 });
    expect(changed.equivalent).toBe(false);
    expect(changed.reportFile).toBeUndefined();
    expect(changed.warnings).toContain(`cannot write the report ${file}: ENOENT.`);
  });

  it('the CLI writes the page and names it after the counterexample', async () => {
    const { file, code, out } = await cliReport();
    expect(code).toBe(1);
    expect(out.stdout).toContain(`Side-by-side report: ${file}\n`);
    expect(readFileSync(file, 'utf8')).toContain('Approval-new: Approval.asl.json vs Approval-new.asl.json');
  });
});

if (!chromiumPath) console.warn(SKIP_MESSAGE);

describe.skipIf(!chromiumPath)('verify --report in Chromium', () => {
  it('both versions’ graphs render side by side, the differing path coloured, nothing fetched', async () => {
    const { file, code } = await cliReport();
    expect(code).toBe(1);

    const page = await (await sharedBrowser()).newPage();
    onTestFinished(() => page.close());
    const requests: string[] = [];
    const errors: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if ((url.startsWith('file:') && request.isNavigationRequest()) || url.startsWith('data:')) return void request.continue();
      requests.push(url);
      void request.abort();
    });
    page.on('pageerror', (error) => errors.push(error instanceof Error ? error.message : String(error)));
    await page.setViewport({ width: 1400, height: 1000 });
    await page.goto(`file://${file}`);
    await page.waitForSelector('.sc-tl-row');

    const views = await page.$$('[data-sc-run]');
    expect(views).toHaveLength(2);
    const classOf = (view: number, state: string) => views[view].$eval(`[data-state="${state}"]`, (g) => g.getAttribute('class') ?? '');
    for (const view of [0, 1]) {
      // Every state of the version is drawn, with a visible box.
      for (const state of ['Check', 'Approve', 'Auto']) {
        const box = await (await views[view].$(`[data-state="${state}"] > .box`))!.boundingBox();
        expect(box!.width).toBeGreaterThan(10);
      }
      expect(await classOf(view, 'Check')).toContain('o-succeeded');
    }
    // The shrunk scenario (an amount between the thresholds, no answers: the call fails) goes
    // Start → Check → Approve (failed) before, Start → Check → Auto → End after.
    expect(await views[0].$$eval('.edge.taken', (edges) => edges.map((e) => e.getAttribute('class')))).toEqual(['edge k-start taken', 'edge k-choice taken']);
    expect(await views[1].$$eval('.edge.taken', (edges) => edges.map((e) => e.getAttribute('class')))).toEqual(['edge k-start taken', 'edge k-default taken', 'edge k-end taken']);
    expect(await classOf(0, 'Approve')).toContain('o-failed');
    expect(await classOf(0, 'Auto')).toContain('o-not-reached');
    expect(await classOf(1, 'Approve')).toContain('o-not-reached');
    expect(await classOf(1, 'Auto')).toContain('o-succeeded');
    for (const view of [0, 1]) {
      expect(await classOf(view, 'Approve')).toContain('differs');
      expect(await classOf(view, 'Auto')).toContain('differs');
      expect(await classOf(view, 'Check')).not.toContain('differs');
    }
    // The coloured boxes really are painted differently.
    const fill = (view: number, state: string) => views[view].$eval(`[data-state="${state}"] > .box`, (b) => (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle(b).fill);
    expect(await fill(0, 'Approve')).not.toBe(await fill(1, 'Approve'));
    const summary = await page.$eval('.sc-compare-summary', (s) => s.textContent ?? '');
    expect(summary).toContain('Behaviour changed');
    expect(summary).toContain('"amount"');
    expect(summary).toContain('Outcome differs: Approve, Auto');

    await page.screenshot({ path: artifactPath('verify-report.png'), fullPage: true });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  }, 60_000);
});
