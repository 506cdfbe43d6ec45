/**
 * A real headless Chromium (Debian's `chromium` package, driven by puppeteer-core) for the diagram
 * and run-report tests. `chromiumPath` is undefined where the browser is absent, so the tests can
 * skip with a clear message; screenshots go to test/.artifacts/ (ignored by git).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => Boolean(p));

/** The Chromium executable, or undefined when none is installed. */
export const chromiumPath: string | undefined = CANDIDATES.find((path) => existsSync(path));

export const SKIP_MESSAGE = 'Chromium not found at /usr/bin/chromium (apt-get install -y chromium): browser tests skipped';

export const ARTIFACTS = resolve(import.meta.dirname, '..', '.artifacts');

export interface OpenBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile and no network beyond what the page itself asks for. */
export async function launchBrowser(): Promise<OpenBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'statecraft-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
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

/** Where a screenshot named `name` goes (the folder is created). */
export function artifactPath(name: string): string {
  mkdirSync(ARTIFACTS, { recursive: true });
  return join(ARTIFACTS, name);
}
