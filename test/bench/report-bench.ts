/**
 * `npm run bench`, run report case (issue 16: "large workflows stay usable: the report opens in
 * under a second"). Opens the `--report` page of a 10,000-iteration Map run and of a 200-state
 * workflow in a real headless Chromium (Debian's package, puppeteer-core) and measures, inside the
 * page, the time from navigation start to the `load` event and to the run view being usable (the
 * graph drawn with a size and the timeline's first rows present). Median of ROUNDS fresh pages.
 *   bench report map-10k: load 210 ms, graph visible 260 ms (median of 5), 2.1 MB, 30004 events (target < 1000 ms)
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Json, State } from '../../src/asl/types';
import { renderRunReport } from '../../src/diagram';
import { Interpreter } from '../../src/interpreter';
import { chromiumPath, launchBrowser } from '../diagram/browser';
import { largeWorkflow, MAP_RUN, runMap } from '../diagram/fixtures';

const ROUNDS = 5;
const TARGET_MS = 1000;

/** In the page: resolves once the graph has a size and the timeline shows rows; times since navigation start. */
const USABLE = `new Promise((resolve) => {
  const check = () => {
    const svg = document.querySelector('.sc-run-graph svg');
    const box = svg && svg.getBoundingClientRect();
    if (box && box.width > 0 && box.height > 0 && document.querySelector('.sc-tl-row')) {
      requestAnimationFrame(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        resolve({ load: nav.loadEventEnd || nav.loadEventStart, visible: performance.now() });
      });
    } else requestAnimationFrame(check);
  };
  check();
})`;

/** Every Task state's name, branches and processors included. */
function taskNames(machine: { States: Record<string, State> }): string[] {
  return Object.entries(machine.States).flatMap(([name, state]) => [
    ...(state.Type === 'Task' ? [name] : []),
    ...(state.Type === 'Parallel' ? state.Branches.flatMap(taskNames) : []),
    ...(state.Type === 'Map' && state.ItemProcessor ? taskNames(state.ItemProcessor) : []),
  ]);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function reportBench(): Promise<string[]> {
  if (!chromiumPath) return ['bench report: skipped, Chromium not found at /usr/bin/chromium (apt-get install -y chromium)'];
  const dir = mkdtempSync(join(tmpdir(), 'statecraft-report-bench-'));
  const open = await launchBrowser();
  try {
    const reports: { name: string; html: string; events: number }[] = [];
    const map = await runMap(10_000);
    reports.push({ name: 'map-10k', html: await renderRunReport({ definition: MAP_RUN, history: map.history, title: '10,000 iterations' }), events: map.history.length });
    const big = largeWorkflow(200);
    // Every Task answers, so the run walks all 20 sections (Choices, Waits, Parallels, Maps).
    const mocks = Object.fromEntries(taskNames(big).map((name) => [name, (input: Json) => input]));
    const chain = new Interpreter({}).createStateMachine(big, { name: 'Big' }).startExecution({ items: [1, 2, 3], kind: 'standard', total: 5 }, { mocks });
    await chain.result;
    const chainHistory = chain.history();
    if ((await chain.result).status !== 'SUCCEEDED') throw new Error(`the 200-state bench run ended ${(await chain.result).status}`);
    reports.push({ name: '200-states', html: await renderRunReport({ definition: big, history: chainHistory, title: '200 states' }), events: chainHistory.length });

    const lines: string[] = [];
    for (const report of reports) {
      const file = join(dir, `${report.name}.html`);
      writeFileSync(file, report.html);
      const loads: number[] = [];
      const visibles: number[] = [];
      for (let round = 0; round <= ROUNDS; round++) {
        const page = await open.browser.newPage();
        await page.setViewport({ width: 1400, height: 1000 });
        await page.goto(`file://${file}`, { waitUntil: 'load' });
        const times = (await page.evaluate(USABLE)) as { load: number; visible: number };
        await page.close();
        if (round === 0) continue; // warm-up: the first page also pays for the renderer's start
        loads.push(times.load);
        visibles.push(times.visible);
      }
      const visible = median(visibles);
      lines.push(
        `bench report ${report.name}: load ${Math.round(median(loads))} ms, graph visible ${Math.round(visible)} ms (median of ${ROUNDS}), ${(report.html.length / 1e6).toFixed(2)} MB, ${report.events} events (target < ${TARGET_MS} ms${visible > TARGET_MS ? ': MISSED' : ''})`,
      );
    }
    return lines;
  } finally {
    await open.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// `tsx test/bench/report-bench.ts` runs this case alone.
if (import.meta.url === `file://${process.argv[1]}`) for (const line of await reportBench()) console.log(line);
