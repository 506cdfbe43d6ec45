/**
 * Memory of a long STANDARD loop whose Task returns a fresh 250 KB result every round (issue 8:
 * "keeps 916 MB"). Not a test (no timing or memory assertion): a measurement to run by hand,
 *   npx tsx test/hardening/memory-loop.ts [rounds] [--snapshot]
 * prints the peak RSS, the heap after a full GC with the execution still held, and whether
 * `snapshot()` succeeds and how large it is.
 */
import { Interpreter } from '../../src/interpreter';

const rounds = Number(process.argv[2] ?? 3000);
const withSnapshot = process.argv.includes('--snapshot');
/** Every other round the result is over AWS's 256 KiB limit: rejected, caught, and the loop goes on. */
const withRejected = process.argv.includes('--rejected');
const gc = (globalThis as { gc?: () => void }).gc;

const definition = {
  StartAt: 'Init',
  States: {
    Init: { Type: 'Pass', Result: 0, ResultPath: '$.n', Next: 'Fetch' },
    Fetch: {
      Type: 'Task',
      Resource: 'arn:aws:lambda:us-east-1:123456789012:function:fetch',
      ResultPath: '$.page',
      Catch: [{ ErrorEquals: ['States.DataLimitExceeded'], ResultPath: '$.error', Next: 'Count' }],
      Next: 'Count',
    },
    Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'More?' },
    'More?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: rounds, Next: 'Fetch' }], Default: 'Done' },
    Done: { Type: 'Succeed' },
  },
};

let peak = 0;
const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
const timer = setInterval(sample, 20);
let call = 0;
const sfn = new Interpreter({ maxHistoryEvents: Number.POSITIVE_INFINITY });
const machine = sfn.createStateMachine(definition, { name: 'Loop' });
const started = performance.now();
const execution = machine.startExecution({}, {
  mocks: {
    // A fresh 250 KB result each round (a page of records), 300 KB when it must be rejected.
    Fetch: () => ({ round: call, body: String(call++ % 10).repeat(withRejected && call % 2 === 0 ? 300_000 : 250_000) }),
  },
});
const result = await execution.result;
sample();
clearInterval(timer);
gc?.();
const heap = process.memoryUsage().heapUsed;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `memory-loop: ${rounds} rounds${withRejected ? ' (every other result over the limit)' : ''}, ${result.status}, ${execution.recordedHistory().length} events in ${((performance.now() - started) / 1000).toFixed(1)} s; peak RSS ${mb(peak)}; heap after GC ${gc ? mb(heap) : 'n/a (run with --expose-gc)'}`,
);
if (withSnapshot) {
  let snapshot;
  try {
    snapshot = execution.snapshot();
    const mockAnswers = snapshot.answers.filter((a) => a.kind === 'mock');
    console.log(`memory-loop: snapshot() ok: ${snapshot.history.length} events, ${mockAnswers.length} mock answers`);
  } catch (error) {
    console.log(`memory-loop: snapshot() threw ${(error as Error).name}: ${(error as Error).message}`);
  }
  if (snapshot) {
    try {
      console.log(`memory-loop: JSON.stringify(snapshot) ${mb(JSON.stringify(snapshot).length)}`);
    } catch (error) {
      console.log(`memory-loop: JSON.stringify(snapshot) threw ${(error as Error).name}: ${(error as Error).message} (the history itself is that large)`);
    }
  }
}
