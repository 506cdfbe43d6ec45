import type { JsonObject } from '../../asl/types';
import type { StateNode } from '../../dsl/ast/states';
import type { PathRoot } from '../../dsl/ast/value';
import { renderPath, renderPathField } from './field-scope';
import { report, type StateEmitContext } from './state-context';
import { emitTemplateField } from './value';

/** Which data-flow fields a state type has, and what `$` means in its Assign. */
interface DataFlowShape {
  readonly resultSelector: boolean;
  readonly resultPath: boolean;
  readonly assign: boolean;
  /** `$` in a JSONPath Assign. */
  readonly assignDollar: PathRoot;
  /** `$states` members its JSONata Output/Assign can read. */
  readonly jsonataRoots: readonly PathRoot[];
}

const WITH_RESULT: DataFlowShape = { resultSelector: true, resultPath: true, assign: true, assignDollar: 'result', jsonataRoots: ['input', 'result'] };
const INPUT_ONLY: DataFlowShape = { resultSelector: false, resultPath: false, assign: true, assignDollar: 'input', jsonataRoots: ['input'] };

function shapeOf(node: StateNode): DataFlowShape {
  switch (node.kind) {
    case 'Task':
    case 'Parallel':
    case 'Map':
      return WITH_RESULT;
    case 'Pass':
      // A Pass's `$` in Assign is its result: `Result`, `Parameters`, or else the input itself.
      return { ...WITH_RESULT, resultSelector: false, assignDollar: node.result || node.payload ? 'result' : 'input', jsonataRoots: ['input'] };
    case 'Succeed':
      return { ...INPUT_ONLY, assign: false };
    default:
      return INPUT_ONLY;
  }
}

const JSONATA_ALTERNATIVE = `in a JSONata state use output: ({ input, result }) => ... instead`;

/**
 * InputPath, ResultSelector, ResultPath, OutputPath (JSONPath), Output (JSONata) and Assign,
 * checked against the state type and query language.
 */
export function emitDataFlow(node: StateNode, context: StateEmitContext): JsonObject {
  const out: JsonObject = {};
  if (node.kind === 'Fail') return out;
  const shape = shapeOf(node);
  const jsonata = context.language === 'JSONata';
  const resultHandling = node as { resultSelector?: unknown; resultPath?: unknown };

  if (node.inputPath !== undefined) {
    if (jsonata) report(context, 'inputPath', `inputPath is JSONPath-only; ${JSONATA_ALTERNATIVE} (read s.part directly in the arguments).`);
    else out.InputPath = renderPathField(node.inputPath, 'inputPath', context);
  }
  if ('resultSelector' in node && node.resultSelector !== undefined) {
    if (!shape.resultSelector) report(context, 'resultSelector', `A ${node.kind} state has no ResultSelector.`);
    else if (jsonata) report(context, 'resultSelector', `resultSelector is JSONPath-only; ${JSONATA_ALTERNATIVE}.`);
    else emitTemplateField(out, 'ResultSelector', node.resultSelector, { field: 'resultSelector', dollar: 'result', roots: ['result'] }, context);
  }
  if (resultHandling.resultPath !== undefined && 'resultPath' in node) {
    const resultPath = node.resultPath;
    if (jsonata) report(context, 'resultPath', `resultPath is JSONPath-only; ${JSONATA_ALTERNATIVE}.`);
    else if (resultPath !== undefined) {
      out.ResultPath = resultPath === null ? null : renderPath(resultPath, { field: 'resultPath', dollar: 'input', roots: ['input'], referenceOnly: true }, context);
    }
  }
  if (node.outputPath !== undefined) {
    if (jsonata) report(context, 'outputPath', `outputPath is JSONPath-only; ${JSONATA_ALTERNATIVE}.`);
    else out.OutputPath = renderPathField(node.outputPath, 'outputPath', context);
  }
  if (node.output !== undefined) {
    if (!jsonata) {
      report(context, 'output', `output is JSONata-only; in a JSONPath state use resultSelector, resultPath and .outputPath(...), or set queryLanguage: 'JSONata'.`);
    } else {
      emitTemplateField(out, 'Output', node.output, { field: 'output', dollar: undefined, roots: shape.jsonataRoots }, context);
    }
  }
  if (node.assign !== undefined) {
    if (!shape.assign) report(context, 'assign', `A ${node.kind} state cannot assign variables; assign them in the state before.`);
    else {
      const scope = { field: 'assign', dollar: shape.assignDollar, roots: shape.jsonataRoots, afterInputPath: shape.assignDollar === 'input' };
      emitTemplateField(out, 'Assign', node.assign, scope, context);
    }
  }
  return out;
}
