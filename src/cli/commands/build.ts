import { startCommand } from '../args';
import { type CommandIo, processIo } from '../command';
// Only types at the top: `statecraft --help` imports this module; the build pipeline loads in `run`.
import type { runBuild } from '../../build/index';

export const summary = 'Compile the workflows in workflows/ into generated/ (ASL + IAM hints), or --check it is up to date';

const HELP = `Usage: statecraft build [options]

Type-checks the workflow modules (workflows/*.ts), imports them, compiles every exported
workflow and writes generated/<Name>.asl.json and generated/<Name>.iam.json. Files in the
output folder with those suffixes that no workflow produces are removed. Nothing is written
when a module has a type error or fails to load, a workflow does not compile or two workflows
share a name; every such problem is reported (each with its file:line), then the build exits 1.

Options:
  --check              Write nothing; exit 1 and list the stale files (missing, different,
                       extra) when the output folder does not match the workflows, 0 when it does.
  --workflows DIR      Folder of workflow modules (default: workflows).
  --out DIR            Output folder (default: generated).
  --tsconfig FILE      tsconfig used for the type-check (default: the workflows folder's
                       tsconfig.json if it has one, else tsconfig.json).
  --no-typecheck       Skip the type-check (faster; tsc still checks workflows/ in CI).
  --verify             Before writing, check that every workflow whose ASL changed behaves like
                       the version in the output folder (statecraft verify); a difference stops
                       the build, nothing written, its counterexample printed.
  --accept             With --verify: print the differences but write anyway.
  -h, --help           Show this help.

Exit codes: 0 built / up to date, 1 stale (--check) or build error, 2 bad arguments.
`;

const OPTIONS = {
  check: { type: 'boolean' },
  workflows: { type: 'string' },
  out: { type: 'string' },
  tsconfig: { type: 'string' },
  'no-typecheck': { type: 'boolean' },
  verify: { type: 'boolean' },
  accept: { type: 'boolean' },
} as const;

export async function run(args: string[], io: CommandIo = processIo): Promise<number> {
  const started = startCommand({ name: 'build', usage: HELP, options: OPTIONS }, args, io);
  if (typeof started === 'number') return started;
  const { values } = started;
  // The pipeline without the compiler: the type-check (a worker thread) starts while the compiler,
  // the DSL and the IAM pass load (most of the import time), see runBuild.
  const [{ runBuild }, { formatBuildReport }, { BuildError }] = await Promise.all([
    import('../../build/run-build'),
    import('../../build/format-build-report'),
    import('../../build/build-error'),
  ]);
  const toolchain = import('../../build/default-toolchain').then(({ defaultToolchain }) => defaultToolchain());
  try {
    const result = await runBuild(
      {
        check: values.check,
        workflowsDir: values.workflows,
        outDir: values.out,
        tsConfigFilePath: values.tsconfig,
        typeCheck: !values.noTypecheck,
        beforeWrite: values.verify ? (pending) => verifyBeforeWrite(pending, values.accept, io) : undefined,
      },
      toolchain,
    );
    const report = formatBuildReport(result);
    if (result.check && !result.upToDate) {
      io.stderr(report);
      return 1;
    }
    io.stdout(report);
    return 0;
  } catch (error) {
    if (error instanceof BuildError) {
      io.stderr(`statecraft build: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** `--verify`: the verify engine is loaded only when asked for. */
async function verifyBeforeWrite(pending: Parameters<NonNullable<Parameters<typeof runBuild>[0]['beforeWrite']>>[0], accept: boolean, io: CommandIo): Promise<void> {
  const { verifyBuildChanges } = await import('../../verify/index');
  const { BuildError } = await import('../../build/index');
  const { changed, output } = await verifyBuildChanges(pending);
  io.stdout(output);
  if (changed.length > 0 && !accept) {
    throw new BuildError(`behaviour changed in ${changed.join(', ')}; nothing written. Fix it, or run again with --verify --accept to write anyway.`);
  }
}
