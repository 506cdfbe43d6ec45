/**
 * One import: validates the definition, writes the workflow twice (the first pass infers the
 * types that the second declares), assembles the module text and formats it with prettier.
 * Loaded lazily by `importDefinition` and the CLI, so nothing else pays for them.
 */
import { validateDefinition } from '../asl/validate';
import { ImportValidationError } from './import-error';
import type { QueryLanguage } from '../asl/types';
import { call, id, json, object, print, str, unknownType, type Expression } from './code';
import { ImportModel, ModuleContext } from './module-context';
import { ShapeNode, shapeView } from './shape';
import { typeOf, zodSchema } from './shape-types';
import { ChainWriter } from './write-chain';
import { formatTypeScript } from '../format/prettier';

/** Options of an import. */
export interface ImportOptions {
  /** The workflow's name (the state machine name `workflow(name)` gets). */
  name: string;
  /** Example execution inputs: they refine the input schema's leaf types. */
  inputSamples?: readonly unknown[];
  /** Validate as this workflow type (default STANDARD). */
  stateMachineType?: 'STANDARD' | 'EXPRESS';
  /** Format with prettier (default true); bulk checks skip it, since formatting does not change the code. */
  format?: boolean;
}

/** The generated module and what could not be expressed typed. */
export interface ImportResult {
  source: string;
  /** The workflow constant's name. */
  exportName: string;
  /** One line per escape hatch or untyped part. */
  notes: string[];
}

const STATECRAFT_NAMES = [
  'workflow', 'lambda', 'lambdaFunction', 'activity', 'runActivity', 'awsSdk', 'optimized', 'serviceTask', 'returns', 'fail', 'succeed',
  'stateNamed', 'jsonPath', 'jsonata', 'States', 'variable', 'eq', 'lt', 'lte', 'gt', 'gte', 'and', 'or', 'not', 'matches', 'isPresent',
  'isNull', 'isNumeric', 'isString', 'isBoolean', 'isTimestamp', 'commented', 'string', 'numeric', 'timestamp', 'boolean', 'z', 'ctx', 'undefined',
];

type Definition = Record<string, unknown>;

export async function generateModule(definition: unknown, options: ImportOptions): Promise<ImportResult> {
  const diagnostics = validateDefinition(definition, { stateMachineType: options.stateMachineType }).filter((d) => d.severity === 'error');
  if (diagnostics.length > 0) throw new ImportValidationError(diagnostics);
  const asl = definition as Definition;
  const model = new ImportModel(STATECRAFT_NAMES);
  const exportName = model.uniqueName(options.name, 'importedWorkflow');
  model.inputSchemaName = model.uniqueName(`${options.name} Input`, 'input').replace(/^./, (c) => c.toUpperCase());
  writeWorkflow(asl, options, model);
  for (const sample of options.inputSamples ?? []) refine(model.input, sample);
  const cx = writeWorkflow(asl, options, model);
  const source = assemble(cx, exportName);
  const formatted = options.format === false ? source : await formatTypeScript(source, { singleQuote: true, printWidth: 120 });
  return { source: formatted, exportName, notes: cx.cx.notes };
}

interface Written {
  readonly cx: ModuleContext;
  readonly workflow: Expression;
}

function writeWorkflow(asl: Definition, options: ImportOptions, model: ImportModel): Written {
  const cx = new ModuleContext(model);
  const config: (readonly [string, Expression])[] = [];
  if (asl.Comment !== undefined) config.push(['comment', json(asl.Comment)]);
  if (asl.QueryLanguage !== undefined) config.push(['queryLanguage', json(asl.QueryLanguage)]);
  if (asl.TimeoutSeconds !== undefined) config.push(['timeoutSeconds', json(asl.TimeoutSeconds)]);
  if (asl.Version !== undefined) config.push(['version', json(asl.Version)]);
  if (options.stateMachineType === 'EXPRESS') config.push(['type', str('EXPRESS')]);
  const writer = new ChainWriter(cx, asl.QueryLanguage as QueryLanguage | undefined);
  const scope = { states: asl.States as Record<string, Record<string, unknown>>, claimed: new Set<string>() };
  if (!isEmpty(model.input)) config.push(['input', id(model.inputSchemaName)]);
  const start = call(cx.use('workflow'), [str(options.name), ...(config.length ? [object(config)] : [])]);
  const chain = writer.chain(start, asl.StartAt as string, scope, new Set(), shapeView(model.input));
  return { cx, workflow: chain };
}

function refine(node: ShapeNode, sample: unknown): void {
  if (sample === null || sample === undefined) return;
  if (Array.isArray(sample)) {
    if (node.members.size > 0 || (node.leaf !== undefined && node.leaf !== 'array')) return;
    if (sample.length > 0) {
      node.item();
      refine(node.element!, sample[0]);
    } else node.leaf ??= 'array';
    return;
  }
  if (typeof sample === 'object') {
    if (node.element !== undefined) return;
    if (node.members.size === 0 && node.leaf === undefined) node.leaf = 'object';
    for (const [name, child] of node.members) refine(child, (sample as Record<string, unknown>)[name]);
    return;
  }
  const leaf = typeof sample === 'number' ? 'number' : typeof sample === 'string' ? 'string' : typeof sample === 'boolean' ? 'boolean' : undefined;
  if (leaf && node.leaf === undefined && node.members.size === 0 && node.element === undefined) node.leaf = leaf;
}

const isEmpty = (node: ShapeNode) => node.members.size === 0 && node.element === undefined && node.leaf === undefined;

/**
 * The module's text, laid out as ts-morph laid it out when it built the module one statement at a
 * time (imports, a blank line, the plain constants, then each documented constant after a blank
 * line). Written directly: ts-morph re-parsed the file after every statement, which cost most of an
 * import (measured: 2.9 s of 3.4 s over the 350-definition round-trip corpus).
 */
function assemble(written: Written, exportName: string): string {
  const { cx } = written;
  const model = cx.model;
  const hasInput = !isEmpty(model.input);
  const used = new Set(cx.imports);
  for (const declared of model.functions.values()) used.add(declared.kind === 'lambda' ? 'lambdaFunction' : 'activity');
  if (model.variables.size > 0) used.add('variable');
  used.add('workflow');
  let text = hasInput ? 'import { z } from "zod";\n' : '';
  text += `import { ${[...used].sort().join(', ')} } from "statecraft";\n\n`;
  // A declaration's continuation lines one level in, as ts-morph indented them.
  const constant = (name: string, initializer: Expression) => `const ${name} = ${print(initializer).replace(/\n/g, '\n    ')};\n`;
  const documented = (doc: string, declaration: string) => `\n/** ${doc} */\n${declaration}`;

  for (const declared of model.functions.values()) {
    const factory = call(declared.kind === 'lambda' ? 'lambdaFunction' : 'activity', [], [unknownType(), isEmpty(declared.output) ? unknownType() : typeOf(declared.output)]);
    const errors = [...declared.errors];
    text += constant(declared.constName, call(factory, [str(declared.arn), ...(errors.length ? [object([['errors', json(errors)]])] : [])]));
  }
  for (const declared of model.variables.values()) {
    text += constant(declared.constName, call('variable', [str(declared.name)], [isEmpty(declared.shape) ? unknownType() : typeOf(declared.shape)]));
  }
  for (const fragment of cx.fragments.values()) text += constant(fragment.constName, fragment.initializer);
  if (hasInput) text += documented('The execution input, inferred from what the definition reads.', constant(model.inputSchemaName, zodSchema(model.input)));
  text += documented('Imported from ASL by `statecraft import`: compiling it gives back the original definition.', `export ${constant(exportName, written.workflow)}`);
  return text;
}

