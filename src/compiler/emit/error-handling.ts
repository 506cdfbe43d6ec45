import type { Catcher, JsonObject, Retrier } from '../../asl/types';
import type { CatcherNode, RetrierNode } from '../../dsl/ast/error-handling';
import type { ErrorHandling, StateNode } from '../../dsl/ast/states';
import type { LaidOutScope } from '../graph/layout';
import { renderPath } from './field-scope';
import { report, type StateEmitContext } from './state-context';
import { emitTemplateField } from './value';

/** `Retry` and `Catch` of a Task, Parallel or Map. */
export function emitErrorHandling(node: StateNode & ErrorHandling, layout: LaidOutScope, context: StateEmitContext): JsonObject {
  const out: JsonObject = {};
  if (node.retry.length > 0) out.Retry = node.retry.map(emitRetrier) as never;
  if (node.catch.length > 0) out.Catch = node.catch.map((catcher, i) => emitCatcher(catcher, i, layout, context)) as never;
  return out;
}

// ErrorEquals rules (States.ALL alone and last, reserved names) and the bounds of every retrier
// field are the validator's (asl/validate/retry-catch.ts); the compiler reports them in DSL words.
function emitRetrier(retrier: RetrierNode): Retrier {
  return {
    ErrorEquals: [...retrier.errorEquals],
    ...(retrier.intervalSeconds !== undefined && { IntervalSeconds: retrier.intervalSeconds }),
    ...(retrier.maxAttempts !== undefined && { MaxAttempts: retrier.maxAttempts }),
    ...(retrier.backoffRate !== undefined && { BackoffRate: retrier.backoffRate }),
    ...(retrier.maxDelaySeconds !== undefined && { MaxDelaySeconds: retrier.maxDelaySeconds }),
    ...(retrier.jitterStrategy !== undefined && { JitterStrategy: retrier.jitterStrategy }),
    ...(retrier.comment !== undefined && { Comment: retrier.comment }),
  };
}

function emitCatcher(catcher: CatcherNode, index: number, layout: LaidOutScope, context: StateEmitContext): Catcher {
  const field = `Catch[${index}]`;
  const out: JsonObject = { ErrorEquals: [...catcher.errorEquals], Next: layout.targetName(catcher.target) };
  const jsonata = context.language === 'JSONata';
  if (catcher.resultPath !== undefined) {
    if (jsonata) report(context, `${field}.resultPath`, `resultPath is JSONPath-only; in a JSONata state use output: ({ input, error }) => ({ ...})`, catcher.source);
    else out.ResultPath = catcher.resultPath === null ? null : renderPath(catcher.resultPath, { field: `${field}.resultPath`, dollar: 'input', roots: ['input'], referenceOnly: true }, context);
  }
  if (catcher.output !== undefined) {
    if (!jsonata) report(context, `${field}.output`, `output is JSONata-only; in a JSONPath state use resultPath to place the error in the input.`, catcher.source);
    else emitTemplateField(out, 'Output', catcher.output, { field: `${field}.output`, dollar: undefined, roots: ['input', 'errorOutput'] }, context);
  }
  emitTemplateField(out, 'Assign', catcher.assign, { field: `${field}.assign`, dollar: 'errorOutput', roots: ['input', 'errorOutput'] }, context);
  if (catcher.comment !== undefined) out.Comment = catcher.comment;
  return out as unknown as Catcher;
}
