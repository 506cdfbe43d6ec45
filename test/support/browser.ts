/**
 * A real headless Chromium (Debian's `chromium` package, driven by puppeteer-core) for the diagram,
 * run-report and serve-console tests. `chromiumPath` is undefined where the browser is absent, so
 * the tests can skip with a clear message; screenshots go to test/.artifacts/ (ignored by git).
 *
 * Test files share one browser per vitest worker ({@link sharedBrowser}): the files of a worker run
 * in one module graph (vitest.config.ts: `isolate: false`), and launching Chromium took 1–3 s of a
 * busy 2-core machine per file. Each test still opens its own page (a fresh document).
 */
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

/** The Chromium executable, or undefined when none is installed. */
export const chromiumPath: string | undefined = CANDIDATES.find((path) => existsSync(path));

export const SKIP_MESSAGE = 'Chromium not found at /usr/bin/chromium (apt-get install -y chromium): browser tests skipped';

export const ARTIFACTS = resolve(import.meta.dirname, '..', '.artifacts');

/** Where a screenshot named `name` goes (the folder is created). */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}

export interface OpenBrowser {
  browser: Browser;
  close(): Promise<void>;
}

const PROFILE_PREFIX = 'statecraft-chromium-';

/**
 * Launches Chromium with a fresh profile and no network beyond what the page itself asks for.
 * Connected over a pipe rather than a WebSocket: when the test process ends without closing it (a
 * vitest worker thread gets no `exit` event, so nothing can close a shared browser), Chromium reads
 * the end of the pipe and quits instead of staying behind.
 */
export async function launchBrowser(): Promise<OpenBrowser> {
  removeAbandonedProfiles();
  const profile = mkdtempSync(join(tmpdir(), PROFILE_PREFIX));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    pipe: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

let shared: Promise<Browser> | undefined;

/** How long the shared browser stays open with no page of a test (the next file of the worker usually comes sooner). */
const IDLE_MS = 30_000;

/**
 * The worker's Chromium, launched on first use and left open for the next test file. It closes
 * after {@link IDLE_MS} without a test's page (a watch-mode run would otherwise leave one behind per
 * run), or quits with the test process (see {@link launchBrowser}). Close the pages you open, never
 * the browser.
 *
 * @example
 * const page = await (await sharedBrowser()).newPage();
 * onTestFinished(() => page.close());
 */
export function sharedBrowser(): Promise<Browser> {
  if (shared) return shared;
  const launched = launchBrowser().then((open) => {
    // A crashed browser is launched again by the next caller.
    open.browser.once('disconnected', () => {
      if (shared === launched) shared = undefined;
    });
    closeWhenIdle(open, () => {
      if (shared === launched) shared = undefined;
    });
    return open.browser;
  });
  shared = launched;
  return launched;
}

function closeWhenIdle(open: OpenBrowser, forget: () => void): void {
  let timer: NodeJS.Timeout | undefined;
  // Beyond the page Chromium opens at launch. A browser already closing counts as in use (left alone).
  const inUse = () =>
    open.browser.pages().then(
      (pages) => pages.length > 1,
      () => true,
    );
  open.browser.on('targetcreated', () => clearTimeout(timer));
  open.browser.on('targetdestroyed', async () => {
    clearTimeout(timer);
    if (await inUse()) return;
    timer = setTimeout(async () => {
      if (await inUse()) return;
      forget();
      await open.close().catch(() => undefined);
    }, IDLE_MS).unref();
  });
}

/**
 * Profiles of shared browsers whose process has ended (nothing could delete them then). A profile
 * in use holds Chromium's `SingletonLock` (a symbolic link to `host-pid`); one younger than a minute
 * may belong to a browser still starting.
 */
function removeAbandonedProfiles(): void {
  const now = Date.now();
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PROFILE_PREFIX)) continue;
    const dir = join(tmpdir(), name);
    try {
      if (now - lstatSync(dir).mtimeMs < 60_000 || lockHolderAlive(dir)) continue;
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed meanwhile by its own process, or not ours to remove: leave it.
    }
  }
}

function lockHolderAlive(profile: string): boolean {
  let target: string;
  try {
    target = readlinkSync(join(profile, 'SingletonLock'));
  } catch {
    return false;
  }
  const pid = Number(/-(\d+)$/.exec(target)?.[1]);
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
