/**
 * Memory of a long STANDARD loop whose Task returns a fresh 250 KB result every round (issue 8:
 * "keeps 916 MB"). Not a test (no timing or memory assertion): a measurement to run by hand,
 *   node --expose-gc --import tsx test/hardening/memory-loop.ts [rounds] [--snapshot] [--rejected] [--records]
 * prints the peak RSS, the heap after a full GC with the execution still held, and whether
 * `snapshot()` succeeds and how large it is. `--records`: each result is a page of 1,000 small
 * records (about 250 KB of JSON) instead of one 250 KB string, the shape where a parsed value
 * costs V8 about twice its JSON text.
 */
import { Interpreter } from '../../src/interpreter';
import { fetchLoop } from './fetch-loop';

const rounds = Number(process.argv[2] ?? 3000);
const withSnapshot = process.argv.includes('--snapshot');
/** Every other round the result is over AWS's 256 KiB limit: rejected, caught, and the loop goes on. */
const withRejected = process.argv.includes('--rejected');
const withRecords = process.argv.includes('--records');
const gc = (globalThis as { gc?: () => void }).gc;

const definition = fetchLoop(rounds);

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
    Fetch: () => {
      const size = withRejected && (call + 1) % 2 === 0 ? 300_000 : 250_000;
      return withRecords ? recordsPage(call++, size) : { round: call, body: String(call++ % 10).repeat(size) };
    },
  },
});
/** About `bytes` of JSON: records with a few short fields each, as an API page would hold. */
function recordsPage(round: number, bytes: number) {
  const items = Array.from({ length: Math.round(bytes / 190) }, (_, i) => ({
    id: round * 10_000 + i,
    sku: `SKU-${round}-${i}`,
    name: `Item ${i} of page ${round}, a product with a description long enough to be realistic`,
    price: (i * 37) % 10_000 / 100,
    quantity: i % 17,
    tags: ['new', i % 3 === 0 ? 'sale' : 'regular'],
    active: i % 2 === 0,
  }));
  return { round, items };
}

const result = await execution.result;
sample();
gc?.();
const heap = process.memoryUsage().heapUsed;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log(
  `memory-loop: ${rounds} rounds${withRecords ? ' of record pages' : ''}${withRejected ? ' (every other result over the limit)' : ''}, ${result.status}, ${execution.recordedHistory().length} events in ${((performance.now() - started) / 1000).toFixed(1)} s; peak RSS ${mb(peak)}; heap after GC ${gc ? mb(heap) : 'n/a (run with --expose-gc)'}`,
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
    // Measured piece by piece: past V8's maximum string length (512 MB) no single JSON text can
    // hold it, and a host writing such a snapshot must write it in pieces too.
    let bytes = JSON.stringify({ ...snapshot, history: [], answers: [] }).length;
    for (const event of snapshot.history) bytes += JSON.stringify(event).length + 1;
    for (const answer of snapshot.answers) bytes += JSON.stringify(answer).length + 1;
    gc?.();
    console.log(
      `memory-loop: snapshot JSON ${mb(bytes)} (written piece by piece); heap after GC with the snapshot held ${gc ? mb(process.memoryUsage().heapUsed) : 'n/a'}; peak RSS ${mb(Math.max(peak, process.memoryUsage().rss))}`,
    );
  }
}
clearInterval(timer);
