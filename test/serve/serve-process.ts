import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { build, version as esbuildVersion } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUNDLES = join(ROOT, 'node_modules', '.cache', 'statecraft-serve-test');

/** `statecraft serve` as a real child process (so a test can SIGKILL it), started from the source. */
export interface ServeProcess {
  url: string;
  child: ChildProcess;
  stderr: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function startServeProcess(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ServeProcess> {
  const child = spawn(process.execPath, [await cliBundle(), 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`statecraft serve exited with ${code} before listening:\n${stderr}`)));
  });
  return {
    url,
    child,
    stderr: () => stderr,
    kill: (signal = 'SIGKILL') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}

let bundled: Promise<string> | undefined;

/**
 * src/cli/main.ts bundled as the package's `bin` is (esbuild; dependencies stay in node_modules),
 * once per version of src/. A child started with `node --import tsx src/cli/main.ts` spent about
 * 1.3 s of CPU transforming and resolving modules through tsx's loader before listening; from the
 * bundle it takes 0.4 s, and the tests start six of them.
 */
function cliBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = join(BUNDLES, sourceFingerprint());
    const main = join(dir, 'main.js');
    if (existsSync(main)) return main;
    const building = `${dir}.${process.pid}-${threadId}`;
    await build({
      entryPoints: [join(ROOT, 'src/cli/main.ts')],
      outdir: building,
      bundle: true,
      // The CLI loads each command with `await import()`: chunks keep that lazy.
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      logLevel: 'error',
    });
    try {
      renameSync(building, dir);
    } catch {
      // Another worker built the same source meanwhile: use its bundle.
      rmSync(building, { recursive: true, force: true });
    }
    removeOldBundles(dir);
    return main;
  })();
  return bundled;
}

/** Names, sizes and modification times of every file under src/ (no reading), and esbuild's version. */
function sourceFingerprint(): string {
  const hash = createHash('sha1').update(esbuildVersion);
  const src = join(ROOT, 'src');
  for (const file of readdirSync(src, { recursive: true, encoding: 'utf8' }).sort()) {
    const info = statSync(join(src, file));
    if (info.isFile()) hash.update(`${file}\0${info.size}\0${info.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Bundles of older sources, once no test run can still be starting processes from them (an hour). */
function removeOldBundles(keep: string): void {
  for (const name of readdirSync(BUNDLES)) {
    const dir = join(BUNDLES, name);
    try {
      if (dir !== keep && Date.now() - statSync(dir).mtimeMs > 3_600_000) rmSync(dir, { recursive: true, force: true });
    } catch {
      // Removed by another worker meanwhile.
    }
  }
}
