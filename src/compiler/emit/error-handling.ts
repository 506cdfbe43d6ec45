import { isStatesErrorName } from '../../asl/error-names';
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
  if (node.retry.length > 0) out.Retry = node.retry.map((retrier, i) => emitRetrier(retrier, i, node.retry.length, context)) as never;
  if (node.catch.length > 0) out.Catch = node.catch.map((catcher, i) => emitCatcher(catcher, i, node.catch.length, layout, context)) as never;
  return out;
}

function checkErrorEquals(errors: readonly string[], field: string, isLast: boolean, source: string, context: StateEmitContext): void {
  if (errors.length === 0) report(context, field, 'ErrorEquals is empty; list at least one error name (or States.ALL).', source);
  if (errors.includes('States.ALL') && (errors.length > 1 || !isLast)) {
    report(context, field, `States.ALL must be alone in its ErrorEquals and in the last ${field.startsWith('Retry') ? 'retrier' : 'catcher'}. Move it to a final .${field.startsWith('Retry') ? 'retry' : 'catch'}(['States.ALL'], ...).`, source);
  }
  for (const name of errors) {
    if (name.startsWith('States.') && !isStatesErrorName(name)) {
      report(context, field, `'${name}' is not a Step Functions error name; names starting with 'States.' are reserved. Check the spelling.`, source);
    }
  }
}

function emitRetrier(retrier: RetrierNode, index: number, count: number, context: StateEmitContext): Retrier {
  const field = `Retry[${index}]`;
  checkErrorEquals(retrier.errorEquals, field, index === count - 1, retrier.source, context);
  const positiveInteger = (value: number | undefined, name: string, min: number, max = 99_999_999) => {
    if (value !== undefined && (!Number.isInteger(value) || value < min || value > max)) {
      report(context, `${field}.${name}`, `${name} must be an integer from ${min} to ${max}; got ${value}.`, retrier.source);
    }
  };
  positiveInteger(retrier.intervalSeconds, 'intervalSeconds', 1);
  positiveInteger(retrier.maxAttempts, 'maxAttempts', 0);
  positiveInteger(retrier.maxDelaySeconds, 'maxDelaySeconds', 1, 31_622_400);
  if (retrier.backoffRate !== undefined && !(retrier.backoffRate >= 1)) {
    report(context, `${field}.backoffRate`, `backoffRate must be at least 1.0; got ${retrier.backoffRate}.`, retrier.source);
  }
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

function emitCatcher(catcher: CatcherNode, index: number, count: number, layout: LaidOutScope, context: StateEmitContext): Catcher {
  const field = `Catch[${index}]`;
  checkErrorEquals(catcher.errorEquals, field, index === count - 1, catcher.source, context);
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
