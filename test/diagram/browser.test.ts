/**
 * The pictures as a user sees them, in a real headless Chromium: every example's SVG and a
 * 60-state workflow render with every state visible and nothing overlapping; the run report
 * opens without a single network request, colours the path by outcome, and shows a state's data
 * on click (Map iterations, Parallel branches, the timeline). Screenshots: test/.artifacts/.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StateMachineDefinition } from '../../src/asl/types';
import { renderDiagram, renderRunComparison, renderRunReport } from '../../src/diagram';
import { Interpreter } from '../../src/interpreter';
import { artifactPath, chromiumPath, sharedBrowser, SKIP_MESSAGE } from '../support/browser';
import { exampleDefinitions, largeWorkflow, MIXED, MAP_RUN, runMap, runMixed } from './fixtures';
import { CHECK_LAYOUT } from './geometry';

const MERMAID_URL = pathToFileURL(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js')).href;

function stateNamesOf(machine: { States: StateMachineDefinition['States'] }): string[] {
  return Object.entries(machine.States).flatMap(([name, state]) => [
    name,
    ...(state.Type === 'Parallel' ? state.Branches.flatMap(stateNamesOf) : []),
    ...(state.Type === 'Map' && state.ItemProcessor ? stateNamesOf(state.ItemProcessor) : []),
  ]);
}

if (!chromiumPath) console.warn(SKIP_MESSAGE);

describe.skipIf(!chromiumPath)('in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await sharedBrowser();
  }, 60_000);
  const opened: Page[] = [];
  afterAll(async () => {
    for (const page of opened) await page.close();
  });

  /**
   * A page that refuses (and records) every request but the file it opened. The drawings and
   * reports take turns on one page (a new page cost up to a second of a busy machine): `open`
   * starts a new document and empties the records.
   */
  interface OfflinePage {
    page: Page;
    requests: string[];
    errors: string[];
    open(file: string): Promise<void>;
  }
  async function newOfflinePage(tools: string[] = []): Promise<OfflinePage> {
    const page = await browser.newPage();
    opened.push(page);
    const offline: OfflinePage = {
      page,
      requests: [],
      errors: [],
      async open(file) {
        offline.requests.length = 0;
        offline.errors.length = 0;
        // A page behind another is not painted: the run view's timeline (drawn on animation frames) would never appear.
        await page.bringToFront();
        await page.goto(`file://${file}`);
      },
    };
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('file:') && request.isNavigationRequest()) return void request.continue();
      // data: URLs are inline content (Chromium's own page icons), not network requests.
      if (url.startsWith('data:')) return void request.continue();
      if (tools.includes(url)) return void request.continue();
      offline.requests.push(url);
      void request.abort();
    });
    page.on('pageerror', (error) => offline.errors.push(error instanceof Error ? error.message : String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') offline.errors.push(message.text());
    });
    await page.setViewport({ width: 1400, height: 1000 });
    return offline;
  }
  let offlinePage: Promise<OfflinePage> | undefined;
  const documentPage = () => (offlinePage ??= newOfflinePage());

  interface SvgCheck {
    problems: string[];
    states: number;
    frames: number;
    labels: number;
    requests: string[];
  }
  /** Each drawing is laid out and checked once (two tests look at the 60-state one). */
  const svgChecks = new Map<string, Promise<SvgCheck>>();
  const checkSvg = (name: string, definition: StateMachineDefinition): Promise<SvgCheck> => {
    if (!svgChecks.has(name)) svgChecks.set(name, openSvg(`diagram-${name}`, definition));
    return svgChecks.get(name)!;
  };
  async function openSvg(name: string, definition: StateMachineDefinition): Promise<SvgCheck> {
    const svg = await renderDiagram(definition, 'svg');
    const file = artifactPath(`${name}.svg`);
    writeFileSync(file, svg);
    const { page, requests, open } = await documentPage();
    await open(file);
    const result = (await page.evaluate(CHECK_LAYOUT)) as Omit<SvgCheck, 'requests'>;
    await page.screenshot({ path: artifactPath(`${name}.png`), fullPage: true });
    return { ...result, requests: [...requests] };
  }

  for (const [name, definition] of [...exampleDefinitions(), ['Large60', largeWorkflow(60)] as [string, StateMachineDefinition]]) {
    it(`${name}.svg: every state visible, no overlapping boxes or labels`, async () => {
      const { problems, states, requests } = await checkSvg(name, definition);
      expect(problems).toEqual([]);
      expect(states).toBeGreaterThan(2);
      expect(requests).toEqual([]);
    });
  }

  it('the 60-state workflow draws all its boxes, frames and labels', async () => {
    const { states, frames, labels } = await checkSvg('Large60', largeWorkflow(60));
    // 62 states + Start/End; 6 Parallel + 12 branch + 6 Map frames; per section 3 Choice labels + Default and Catch labels.
    expect(states).toBe(64 - 12);
    expect(frames).toBe(6 * 4);
    expect(labels).toBeGreaterThanOrEqual(6 * 4);
  });

  // Mermaid itself (the version GitHub uses is 11.x) parses and renders the text we emit. One
  // offline page loads the 3 MB mermaid.min.js once (parsing it took seconds per test); each test
  // renders its text there under its own id, and the page must still have made no request but
  // that one. Loaded from its file (<script src>) rather than inline: Chromium then compiles it
  // off the main thread, in half the time (5–7 s instead of 10–13 s on a loaded 2-core machine).
  let mermaidPage: Promise<OfflinePage> | undefined;
  const openMermaidPage = () =>
    (mermaidPage ??= (async () => {
      const mermaid = await newOfflinePage([MERMAID_URL]);
      await mermaid.open(artifactPath('.'));
      await mermaid.page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
      await mermaid.page.addScriptTag({ url: MERMAID_URL });
      await mermaid.page.evaluate(`mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' })`);
      return mermaid;
    })());
  let mermaidRenders = 0;
  for (const [name, definition] of [...exampleDefinitions(), ['Large60', largeWorkflow(60)] as [string, StateMachineDefinition]]) {
    it(`${name}: the Mermaid text renders with Mermaid 11, every state drawn`, async () => {
      const text = await renderDiagram(definition, 'mermaid');
      const { page, requests } = await openMermaidPage();
      const id = `g${mermaidRenders++}`;
      const result = (await page.evaluate(
        `(async () => { const out = document.getElementById('out'); out.innerHTML = ''; try { const { svg } = await mermaid.render(${JSON.stringify(id)}, ${JSON.stringify(text)}); out.innerHTML = svg; return { svg: out.textContent }; } catch (e) { return { error: String(e && e.message || e) }; } })()`,
      )) as { svg?: string; error?: string };
      expect(result.error).toBeUndefined();
      for (const state of stateNamesOf(definition)) expect(result.svg).toContain(state);
      await page.screenshot({ path: artifactPath(`mermaid-${name}.png`), fullPage: true });
      expect(requests).toEqual([]);
    });
  }

  async function openReport(name: string, html: string) {
    const file = artifactPath(`${name}.html`);
    writeFileSync(file, html);
    const offline = await documentPage();
    await offline.open(file);
    await offline.page.waitForSelector('.sc-tl-row');
    return offline;
  }

  /** The mixed run is the same every time: run once, drawn by two tests. */
  let mixedRun: ReturnType<typeof runMixed> | undefined;
  const mixed = () => (mixedRun ??= runMixed());

  const outcomeOf = (page: Page, state: string) => page.$eval(`[data-state="${state}"]`, (g) => g.getAttribute('class'));
  const detailText = (page: Page) => page.$eval('.sc-run-detail', (d) => d.textContent ?? '');
  /** Clicks a frame's header (its middle is a child state). */
  async function clickFrame(page: Page, state: string) {
    const box = await (await page.$(`[data-state="${state}"] > rect.box`))!.boundingBox();
    await page.mouse.click(box!.x + 30, box!.y + 12);
  }

  it('the run report colours the path by outcome and shows a clicked state’s data', async () => {
    const { history } = await mixed();
    const { page, requests, errors } = await openReport('run-report-mixed', await renderRunReport({ definition: MIXED, history, title: 'Mixed' }));
    expect(await outcomeOf(page, 'Charge')).toContain('o-retried');
    expect(await outcomeOf(page, 'Reserve')).toContain('o-caught');
    expect(await outcomeOf(page, 'Ledger')).toContain('o-failed');
    expect(await outcomeOf(page, 'Notify')).toContain('o-failed');
    expect(await outcomeOf(page, 'Email')).toContain('o-succeeded');
    expect(await outcomeOf(page, 'Skipped')).toContain('o-not-reached');
    // The taken transitions are highlighted: Start→Charge→Reserve -(catch)→ Pack Items → Big order? → Notify.
    expect(await page.$$eval('.edge.taken', (edges) => edges.length)).toBe(5);
    expect(await page.$$eval('.edge.taken-catch', (edges) => edges.length)).toBe(1);

    await page.click('[data-state="Charge"]');
    let detail = await detailText(page);
    expect(detail).toContain('Attempts (1 retry)');
    expect(detail).toContain('Busy: try later');
    expect(detail).toContain('"charged": true');
    expect(detail).toContain('"items"');

    await page.click('[data-state="Reserve"]');
    detail = await detailText(page);
    expect(detail).toContain('Error (caught)');
    expect(detail).toContain('OutOfStock');
    expect(detail).toContain('"reserveError"');

    await clickFrame(page, 'Pack Items');
    expect(await page.$eval('.sc-run-detail', (d) => d.getAttribute('data-selected'))).toBe('Pack Items');
    expect(await page.$$eval('.sc-chip', (chips) => chips.map((c) => `${c.textContent}:${c.className}`))).toEqual(['0:sc-chip o-succeeded', '1:sc-chip o-failed', '2:sc-chip o-succeeded']);
    await page.click('.sc-chip[data-iteration="1"]');
    detail = await detailText(page);
    expect(detail).toContain('Iteration 1');
    expect(detail).toContain('Pack · iteration 1 · failed');

    await clickFrame(page, 'Notify');
    detail = await detailText(page);
    expect(detail).toContain('Branch 1');
    expect(detail).toContain('Email · succeeded');
    expect(detail).toContain('Ledger · failed');
    await page.screenshot({ path: artifactPath('run-report-mixed-notify.png') });

    await page.click('[data-state="Ledger"]');
    detail = await detailText(page);
    expect(detail).toContain('LedgerDown');
    expect(detail).toContain('maintenance');

    // The timeline: a click on an event selects its state.
    const row = await page.$$eval('.sc-tl-row', (rows) => rows.findIndex((r) => r.textContent?.includes('LambdaFunctionFailedReserve') || r.textContent?.includes('LambdaFunctionFailed  Reserve')));
    expect(row).toBeGreaterThan(0);
    await (await page.$$('.sc-tl-row'))[row].click();
    expect(await page.$eval('.sc-run-detail', (d) => d.getAttribute('data-selected'))).toBe('Reserve');
    expect(await page.$eval('.sc-tl-row .t', (t) => t.textContent)).toBe('+00:00:00.000');
    await page.type('.sc-tl-filter', 'Ledger');
    expect(await page.$eval('.sc-tl-count', (c) => c.textContent)).toMatch(/^\d+ of \d+ events$/);
    expect(await page.$$eval('.sc-tl-row', (rows) => rows.every((r) => r.textContent?.includes('Ledger')))).toBe(true);

    await page.screenshot({ path: artifactPath('run-report-mixed.png'), fullPage: true });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('two runs side by side mount as two independent views', async () => {
    const { history } = await mixed();
    const sfn = new Interpreter({});
    const ok = sfn.createStateMachine(largeWorkflow(10), { name: 'Ten' }).startExecution({ items: [] });
    await ok.result;
    const html = await renderRunComparison({ definition: MIXED, history, title: 'v1' }, { definition: largeWorkflow(10), history: ok.history(), title: 'v2' });
    const { page, requests, errors } = await openReport('run-compare', html);
    expect(await page.$$eval('[data-sc-run]', (views) => views.length)).toBe(2);
    const views = await page.$$('[data-sc-run]');
    await (await views[1].$('[data-state="Step 000"]'))!.click();
    expect(await views[1].$eval('.sc-run-detail', (d) => d.getAttribute('data-selected'))).toBe('Step 000');
    expect(await views[0].$eval('.sc-run-detail', (d) => d.getAttribute('data-selected'))).toBeNull();
    await page.screenshot({ path: artifactPath('run-compare.png') });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('a 200-state workflow and a 10,000-iteration Map run stay small and usable', async () => {
    const big = largeWorkflow(200);
    const sfn = new Interpreter({});
    const chain = sfn.createStateMachine(big, { name: 'Big' }).startExecution({ items: [] });
    await chain.result;
    const chainHtml = await renderRunReport({ definition: big, history: chain.history(), title: '200 states' });
    expect(chainHtml.length).toBeLessThan(1_000_000);
    const { history, result } = await runMap(10_000);
    expect(result.status).toBe('SUCCEEDED');
    const html = await renderRunReport({ definition: MAP_RUN, history, title: '10,000 iterations' });
    console.log(`report sizes: 200-state workflow ${chainHtml.length} bytes, 10,000-iteration Map ${html.length} bytes (${history.length} events)`);
    expect(html.length).toBeLessThan(3_000_000);
    const { page, errors } = await openReport('run-report-map-10k', html);
    expect(await page.$eval('.sc-tl-count', (c) => c.textContent)).toBe(`${history.length} of ${history.length} events`);
    // The virtual timeline keeps only the visible rows in the page.
    expect(await page.$$eval('.sc-tl-row', (rows) => rows.length)).toBeLessThan(100);
    await clickFrame(page, 'Each');
    expect(await page.$$eval('.sc-chip', (chips) => chips.length)).toBe(200);
    expect(await detailText(page)).toContain('10000 succeeded');
    await page.click('[data-state="Double"]');
    expect(await detailText(page)).toContain('visits 1–50 of 10000');
    await page.screenshot({ path: artifactPath('run-report-map-10k.png') });
    expect(errors).toEqual([]);
    const chainPage = await openReport('run-report-200', chainHtml);
    expect(await chainPage.page.$$eval('[data-state]', (states) => states.length)).toBeGreaterThanOrEqual(200);
    expect(chainPage.errors).toEqual([]);
  }, 120_000);
});
