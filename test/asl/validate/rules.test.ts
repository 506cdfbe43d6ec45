import { describe, expect, it } from 'vitest';
import { type AslDiagnostic, type ValidateOptions, validateDefinition } from '../../../src/asl/validate';

type Doc = Record<string, unknown>;

/** A machine whose first state is `first` (named State0), followed by a Succeed. */
function machine(first: Doc, extra: Doc = {}): Doc {
  return { StartAt: 'State0', States: { State0: first }, ...extra };
}
const task = (fields: Doc = {}): Doc => ({ Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...fields });
const pass = (fields: Doc = {}): Doc => ({ Type: 'Pass', End: true, ...fields });
const jsonata = (state: Doc): Doc => machine(state, { QueryLanguage: 'JSONata' });
const mapWith = (fields: Doc): Doc => ({ Type: 'Map', End: true, ItemProcessor: { StartAt: 'Inner', States: { Inner: { Type: 'Succeed' } } }, ...fields });

function errors(doc: unknown, options?: ValidateOptions): AslDiagnostic[] {
  return validateDefinition(doc, options).filter((d) => d.severity === 'error');
}

interface Case {
  name: string;
  doc: unknown;
  options?: ValidateOptions;
  expected: Partial<AslDiagnostic>;
  /** The message must contain this (AWS wording where known). */
  says?: string;
}

const cases: Case[] = [
  // Top level and structure (§1.1, §1.2)
  { name: 'definition not an object', doc: [], expected: { code: 'INVALID_DEFINITION', pointer: '' } },
  { name: 'unknown top-level field', doc: machine(pass(), { Foo: 1 }), expected: { code: 'UNKNOWN_FIELD', pointer: '/Foo', field: 'Foo' } },
  { name: 'missing StartAt', doc: { States: { A: pass() } }, expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/StartAt' }, says: "The field 'StartAt' is required but was missing" },
  { name: 'StartAt names no state', doc: { StartAt: 'Nope', States: { A: pass() } }, expected: { code: 'MISSING_TRANSITION_TARGET', pointer: '/StartAt' }, says: "Missing 'Next' target: Nope" },
  { name: 'empty States', doc: { StartAt: 'A', States: {} }, expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States' } },
  { name: 'top-level TimeoutSeconds negative', doc: machine(pass(), { TimeoutSeconds: -1 }), expected: { code: 'INVALID_FIELD_VALUE', pointer: '/TimeoutSeconds' } },
  { name: 'bad top-level QueryLanguage', doc: machine(pass(), { QueryLanguage: 'XPath' }), expected: { code: 'INVALID_FIELD_VALUE', pointer: '/QueryLanguage' } },
  { name: 'invalid Type', doc: machine({ Type: 'Lambda', End: true }), expected: { code: 'INVALID_STATE_TYPE', pointer: '/States/State0/Type', state: 'State0', field: 'Type' }, says: `The field 'Type' should have one of these values: [Task, Wait, Pass, Succeed, Fail, Choice, Parallel, Map] in state 'State0', but was "Lambda"` },
  { name: 'missing Type', doc: machine({ End: true }), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/Type', state: 'State0' } },
  { name: 'unknown state field', doc: machine(pass({ Foo: 1 })), expected: { code: 'UNKNOWN_FIELD', pointer: '/States/State0/Foo', state: 'State0', field: 'Foo' }, says: "Field 'Foo' is not supported" },
  { name: 'TimeoutSeconds on a Map state', doc: machine(mapWith({ TimeoutSeconds: 5 })), expected: { code: 'UNKNOWN_FIELD', field: 'TimeoutSeconds' }, says: "Field 'TimeoutSeconds' is not supported" },
  { name: 'QueryLanguage on an ItemProcessor', doc: machine({ Type: 'Map', End: true, ItemProcessor: { QueryLanguage: 'JSONata', StartAt: 'In', States: { In: { Type: 'Succeed' } } } }), expected: { code: 'UNKNOWN_FIELD', pointer: '/States/State0/ItemProcessor/QueryLanguage' }, says: "Field 'QueryLanguage' is not supported" },
  { name: 'state name too long', doc: { StartAt: 'x'.repeat(81), States: { ['x'.repeat(81)]: pass() } }, expected: { code: 'INVALID_STATE_NAME', state: 'x'.repeat(81) } },
  {
    name: 'duplicate state name across a branch',
    doc: machine({ Type: 'Parallel', End: true, Branches: [{ StartAt: 'State0', States: { State0: { Type: 'Succeed' } } }] }),
    expected: { code: 'DUPLICATE_STATE_NAME', pointer: '/States/State0/Branches/0/States/State0', state: 'State0' },
  },
  { name: 'Next and End together', doc: { StartAt: 'A', States: { A: pass({ Next: 'B' }), B: { Type: 'Succeed' } } }, expected: { code: 'INVALID_TRANSITION', pointer: '/States/A/End', state: 'A' } },
  { name: 'neither Next nor End', doc: machine({ Type: 'Pass' }), expected: { code: 'INVALID_TRANSITION', pointer: '/States/State0', state: 'State0' } },
  { name: 'Choice with End', doc: machine({ Type: 'Choice', End: true, Choices: [{ Variable: '$.a', IsNull: true, Next: 'State0' }] }), expected: { code: 'UNKNOWN_FIELD', field: 'End', state: 'State0' } },
  { name: 'Next to a missing state', doc: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'Nope' }, B: pass() } }, expected: { code: 'MISSING_TRANSITION_TARGET', pointer: '/States/A/Next', state: 'A', field: 'Next' }, says: "Missing 'Next' target: Nope" },
  {
    name: 'transition out of a Parallel branch',
    doc: { StartAt: 'P', States: { P: { Type: 'Parallel', Next: 'After', Branches: [{ StartAt: 'In', States: { In: { Type: 'Pass', Next: 'After' } } }] }, After: { Type: 'Succeed' } } },
    expected: { code: 'MISSING_TRANSITION_TARGET', pointer: '/States/P/Branches/0/States/In/Next', state: 'In' },
  },
  { name: 'unreachable state', doc: { StartAt: 'A', States: { A: pass(), B: pass() } }, expected: { code: 'UNREACHABLE_STATE', pointer: '/States/B', state: 'B' }, says: 'State "B" is not reachable.' },
  { name: 'no terminal state', doc: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' }, B: { Type: 'Pass', Next: 'A' } } }, expected: { code: 'MISSING_END_STATE', pointer: '/States' }, says: 'Workflow has no terminal state' },
  { name: 'definition over 1 MB', doc: machine(pass({ Result: 'x'.repeat(1_100_000) })), expected: { code: 'DEFINITION_TOO_LARGE', pointer: '' } },

  // Query languages (§1.2 rules 6, 7; §2.5)
  { name: 'JSONPath state in a JSONata machine', doc: jsonata(pass({ QueryLanguage: 'JSONPath' })), expected: { code: 'QUERY_LANGUAGE_MISMATCH', pointer: '/States/State0/QueryLanguage', state: 'State0' }, says: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine" },
  { name: 'Parameters in a JSONata state', doc: jsonata(task({ Parameters: {} })), expected: { code: 'QUERY_LANGUAGE_MISMATCH', pointer: '/States/State0/Parameters', field: 'Parameters' }, says: "use 'Arguments' instead" },
  { name: 'Arguments in a JSONPath state', doc: machine(task({ Arguments: {} })), expected: { code: 'QUERY_LANGUAGE_MISMATCH', pointer: '/States/State0/Arguments', field: 'Arguments' }, says: "The QueryLanguage is set to 'JSONPath', but field 'Arguments' is only supported for the 'JSONata' QueryLanguage" },
  { name: 'Output in a JSONPath state', doc: machine(pass({ Output: 1 })), expected: { code: 'QUERY_LANGUAGE_MISMATCH', field: 'Output' } },
  { name: 'state opts into JSONata: JSONPath fields rejected', doc: machine(pass({ QueryLanguage: 'JSONata', ResultPath: '$.x' })), expected: { code: 'QUERY_LANGUAGE_MISMATCH', field: 'ResultPath' } },
  {
    name: 'nested states default to the top-level language, not the Map state',
    doc: machine({ Type: 'Map', QueryLanguage: 'JSONata', End: true, ItemProcessor: { StartAt: 'In', States: { In: { Type: 'Pass', Output: 1, End: true } } } }),
    expected: { code: 'QUERY_LANGUAGE_MISMATCH', pointer: '/States/State0/ItemProcessor/States/In/Output', state: 'In' },
  },
  { name: 'JSONata syntax error', doc: jsonata(pass({ Output: '{% $states.input + %}' })), expected: { code: 'INVALID_JSONATA_EXPRESSION', pointer: '/States/State0/Output', field: 'Output' } },
  { name: 'JSONata syntax error deep in Arguments', doc: jsonata(task({ Arguments: { a: ['{% ( %}'] } })), expected: { code: 'INVALID_JSONATA_EXPRESSION', pointer: '/States/State0/Arguments/a/0' } },
  { name: 'bare field name at the top level of JSONata', doc: jsonata(pass({ Output: { v: '{% phone %}' } })), expected: { code: 'UNSUPPORTED_JSONATA_EXPRESSION', pointer: '/States/State0/Output/v' }, says: "Reference to 'phone' at the top level is not supported" },
  { name: 'bare name inside a function call', doc: jsonata(pass({ Output: '{% $count(items) %}' })), expected: { code: 'UNSUPPORTED_JSONATA_EXPRESSION' }, says: "Reference to 'items'" },
  { name: '$$ in JSONata', doc: jsonata(pass({ Output: '{% $$ %}' })), expected: { code: 'UNSUPPORTED_JSONATA_EXPRESSION' }, says: "Reference to '$$'" },
  { name: 'top-level $ in a Choice Condition', doc: { QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Condition: '{% $.ok %}', Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'UNSUPPORTED_JSONATA_EXPRESSION', pointer: '/States/C/Choices/0/Condition' } },
  { name: '$states.result outside a result field', doc: jsonata(pass({ Output: '{% $states.result %}' })), expected: { code: 'JSONATA_STATES_MEMBER_UNAVAILABLE', pointer: '/States/State0/Output' } },
  { name: '$states.result in Arguments', doc: jsonata(task({ Arguments: '{% $states.result %}' })), expected: { code: 'JSONATA_STATES_MEMBER_UNAVAILABLE', field: 'Arguments' } },
  { name: '$states.errorOutput in a state Output', doc: jsonata(task({ Output: '{% $states.errorOutput %}' })), expected: { code: 'JSONATA_STATES_MEMBER_UNAVAILABLE', field: 'Output' } },
  { name: 'JSONata TimeoutSeconds not delimited', doc: jsonata(task({ TimeoutSeconds: '$x' })), expected: { code: 'INVALID_FIELD_TYPE', field: 'TimeoutSeconds' } },

  // Paths (§2.2)
  { name: 'InputPath not a path', doc: machine(pass({ InputPath: 'a.b' })), expected: { code: 'INVALID_JSONPATH', pointer: '/States/State0/InputPath', field: 'InputPath' } },
  { name: 'OutputPath malformed', doc: machine(pass({ OutputPath: '$.a[' })), expected: { code: 'INVALID_JSONPATH', field: 'OutputPath' } },
  { name: 'ResultPath with a wildcard', doc: machine(pass({ ResultPath: '$.a[*]' })), expected: { code: 'INVALID_REFERENCE_PATH', field: 'ResultPath' } },
  { name: 'ResultPath on the context object', doc: machine(pass({ ResultPath: '$$.Execution' })), expected: { code: 'INVALID_REFERENCE_PATH', field: 'ResultPath' } },
  { name: 'ResultPath to a variable', doc: machine(pass({ ResultPath: '$myVar' })), expected: { code: 'INVALID_REFERENCE_PATH', field: 'ResultPath' } },
  { name: 'ItemsPath with a filter', doc: machine(mapWith({ ItemsPath: '$.items[?(@.ok)]' })), expected: { code: 'INVALID_REFERENCE_PATH', field: 'ItemsPath' } },
  { name: 'SecondsPath deep scan', doc: machine({ Type: 'Wait', End: true, SecondsPath: '$..s' }), expected: { code: 'INVALID_REFERENCE_PATH', field: 'SecondsPath' } },

  // Payload templates and intrinsics (§2.3, §4)
  { name: '.$ value neither path nor intrinsic', doc: machine(pass({ Parameters: { 'x.$': 'hello' } })), expected: { code: 'INVALID_PAYLOAD_TEMPLATE', pointer: '/States/State0/Parameters/x.$', field: 'x.$' }, says: "The value for the field 'x.$' must be a valid JSONPath or a valid intrinsic function call" },
  { name: 'unknown intrinsic', doc: machine(pass({ Parameters: { 'x.$': 'States.Nope($.a)' } })), expected: { code: 'INVALID_PAYLOAD_TEMPLATE', field: 'x.$' } },
  { name: 'intrinsic arity', doc: machine(pass({ Parameters: { 'x.$': 'States.ArrayLength($.a, $.b)' } })), expected: { code: 'INVALID_PAYLOAD_TEMPLATE', field: 'x.$' } },
  { name: '.$ value not a string', doc: machine(pass({ Parameters: { nested: [{ 'x.$': 3 }] } })), expected: { code: 'INVALID_PAYLOAD_TEMPLATE', pointer: '/States/State0/Parameters/nested/0/x.$' } },
  { name: 'duplicate key once .$ is stripped', doc: machine(pass({ Parameters: { a: 1, 'a.$': '$.a' } })), expected: { code: 'DUPLICATE_PAYLOAD_KEY', pointer: '/States/State0/Parameters/a.$' } },
  { name: 'ResultSelector not an object', doc: machine(task({ ResultSelector: 'x' })), expected: { code: 'INVALID_FIELD_TYPE', field: 'ResultSelector' } },

  // Task (§1.4, §7)
  { name: 'Task without Resource', doc: machine({ Type: 'Task', End: true }), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/Resource', field: 'Resource' }, says: "The field 'Resource' is required but was missing" },
  { name: 'Resource not an ARN', doc: machine(task({ Resource: 'my-function' })), expected: { code: 'INVALID_RESOURCE', field: 'Resource' } },
  { name: 'unknown optimized action', doc: machine(task({ Resource: 'arn:aws:states:::sqs:receiveMessage' })), expected: { code: 'INVALID_RESOURCE' }, says: 'is not recognized' },
  { name: '.sync on an SDK integration', doc: machine(task({ Resource: 'arn:aws:states:::aws-sdk:s3:getObject.sync' })), expected: { code: 'INVALID_RESOURCE' } },
  { name: '.sync on lambda:invoke', doc: machine(task({ Resource: 'arn:aws:states:::lambda:invoke.sync' })), expected: { code: 'INVALID_RESOURCE' } },
  { name: 'TimeoutSeconds and TimeoutSecondsPath', doc: machine(task({ TimeoutSeconds: 5, TimeoutSecondsPath: '$.t' })), expected: { code: 'MUTUALLY_EXCLUSIVE_FIELDS', pointer: '/States/State0/TimeoutSecondsPath' } },
  { name: 'TimeoutSeconds zero', doc: machine(task({ TimeoutSeconds: 0 })), expected: { code: 'INVALID_FIELD_VALUE', field: 'TimeoutSeconds' } },
  { name: 'TimeoutSeconds fractional', doc: machine(task({ TimeoutSeconds: 1.5 })), expected: { code: 'INVALID_FIELD_TYPE', field: 'TimeoutSeconds' } },
  { name: 'HeartbeatSeconds not below TimeoutSeconds', doc: machine(task({ TimeoutSeconds: 5, HeartbeatSeconds: 5 })), expected: { code: 'INVALID_FIELD_VALUE', field: 'HeartbeatSeconds' } },
  { name: 'Credentials without RoleArn', doc: machine(task({ Credentials: {} })), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/Credentials', field: 'Credentials' }, says: "The field 'RoleArn' is required but was missing" },
  { name: 'Credentials RoleArn.$ invalid', doc: machine(task({ Credentials: { 'RoleArn.$': 'role' } })), expected: { code: 'INVALID_PAYLOAD_TEMPLATE', field: 'RoleArn.$' } },

  // Express (§1.2 rule 9)
  { name: 'Express: activity', doc: machine(task({ Resource: 'arn:aws:states:us-east-1:123456789012:activity:a' })), options: { stateMachineType: 'EXPRESS' }, expected: { code: 'EXPRESS_UNSUPPORTED', field: 'Resource' }, says: 'Express state machine does not support Activity ARN' },
  { name: 'Express: .sync', doc: machine(task({ Resource: 'arn:aws:states:::states:startExecution.sync:2' })), options: { stateMachineType: 'EXPRESS' }, expected: { code: 'EXPRESS_UNSUPPORTED' }, says: "does not support '.sync' service integration" },
  { name: 'Express: .waitForTaskToken', doc: machine(task({ Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken' })), options: { stateMachineType: 'EXPRESS' }, expected: { code: 'EXPRESS_UNSUPPORTED' }, says: "does not support '.waitForTaskToken' service integration" },
  {
    name: 'Express: Distributed Map',
    doc: machine({ Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'In', States: { In: { Type: 'Succeed' } } } }),
    options: { stateMachineType: 'EXPRESS' },
    expected: { code: 'EXPRESS_UNSUPPORTED', pointer: '/States/State0/ItemProcessor/ProcessorConfig/Mode' },
  },
  {
    name: 'Express child workflows of a Distributed Map reject .waitForTaskToken',
    doc: machine({ Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'In', States: { In: task({ Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken' }) } } }),
    expected: { code: 'EXPRESS_UNSUPPORTED', state: 'In' },
  },

  // Wait, Fail, Pass, Parallel
  { name: 'Wait without timing', doc: machine({ Type: 'Wait', End: true }), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0' } },
  { name: 'Wait with two timing fields', doc: machine({ Type: 'Wait', End: true, Seconds: 1, SecondsPath: '$.s' }), expected: { code: 'MUTUALLY_EXCLUSIVE_FIELDS', pointer: '/States/State0' } },
  { name: 'Wait Seconds negative', doc: machine({ Type: 'Wait', End: true, Seconds: -1 }), expected: { code: 'INVALID_FIELD_VALUE', field: 'Seconds' } },
  { name: 'Wait Timestamp not RFC 3339', doc: machine({ Type: 'Wait', End: true, Timestamp: '2016-12-05 21:29:29Z' }), expected: { code: 'INVALID_TIMESTAMP', pointer: '/States/State0/Timestamp' }, says: 'String does not match RFC3339 timestamp' },
  { name: 'Fail Error and ErrorPath', doc: machine({ Type: 'Fail', Error: 'E', ErrorPath: '$.e' }), expected: { code: 'MUTUALLY_EXCLUSIVE_FIELDS', field: 'ErrorPath' } },
  { name: 'Fail CausePath with a disallowed intrinsic', doc: machine({ Type: 'Fail', CausePath: 'States.ArrayLength($.a)' }), expected: { code: 'INVALID_FIELD_VALUE', field: 'CausePath' } },
  { name: 'Fail with InputPath', doc: machine({ Type: 'Fail', InputPath: '$' }), expected: { code: 'UNKNOWN_FIELD', field: 'InputPath' } },
  { name: 'Succeed with Assign', doc: machine({ Type: 'Succeed', Assign: { a: 1 } }), expected: { code: 'UNKNOWN_FIELD', field: 'Assign' } },
  { name: 'Result in a JSONata Pass', doc: jsonata(pass({ Result: 1 })), expected: { code: 'QUERY_LANGUAGE_MISMATCH', field: 'Result' } },
  { name: 'Parallel without branches', doc: machine({ Type: 'Parallel', End: true, Branches: [] }), expected: { code: 'INVALID_FIELD_VALUE', field: 'Branches' } },
  { name: 'Parallel branch with an unknown field', doc: machine({ Type: 'Parallel', End: true, Branches: [{ StartAt: 'B', States: { B: { Type: 'Succeed' } }, Foo: 1 }] }), expected: { code: 'UNKNOWN_FIELD', pointer: '/States/State0/Branches/0/Foo' } },

  // Choice (§5)
  { name: 'Choice rule without Next', doc: machine({ Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true }], Default: 'D' }, {}), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/Choices/0/Next' } },
  { name: 'Choice rule with two operators', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, IsPresent: true, Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'INVALID_CHOICE_RULE', pointer: '/States/C/Choices/0', state: 'C' } },
  { name: 'Choice rule with no operator', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'INVALID_CHOICE_RULE', pointer: '/States/C/Choices/0' } },
  { name: 'Choice operand of the wrong type', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', NumericEquals: '1', Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'INVALID_FIELD_TYPE', pointer: '/States/C/Choices/0/NumericEquals', field: 'NumericEquals' } },
  { name: 'Choice timestamp literal invalid', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', TimestampEquals: 'yesterday', Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'INVALID_TIMESTAMP', field: 'TimestampEquals' } },
  { name: 'Choice ...Path operand not a path', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', StringEqualsPath: 'b', Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'INVALID_JSONPATH', field: 'StringEqualsPath' } },
  { name: 'Choice unknown operator', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', StringMatchesPath: '$.b', Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'UNKNOWN_FIELD', field: 'StringMatchesPath' } },
  { name: 'nested Choice rule with Next', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Not: { Variable: '$.a', IsNull: true, Next: 'D' }, Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'INVALID_CHOICE_RULE', pointer: '/States/C/Choices/0/Not/Next' } },
  { name: 'empty And', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ And: [], Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'INVALID_FIELD_VALUE', pointer: '/States/C/Choices/0/And' } },
  { name: 'Variable and And together', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, And: [{ Variable: '$.b', IsNull: true }], Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'INVALID_CHOICE_RULE', pointer: '/States/C/Choices/0' } },
  { name: 'Choice rule Next to a missing state', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'Nope' }], Default: 'D' }, D: { Type: 'Succeed' } } }, expected: { code: 'MISSING_TRANSITION_TARGET', pointer: '/States/C/Choices/0/Next', field: 'Next' } },
  { name: 'Choice Default to a missing state', doc: { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.a', IsNull: true, Next: 'D' }], Default: 'Nope' }, D: { Type: 'Succeed' } } }, expected: { code: 'MISSING_TRANSITION_TARGET', pointer: '/States/C/Default' } },
  { name: 'JSONata rule without Condition', doc: { QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/C/Choices/0/Condition' } },
  { name: 'JSONata rule with Variable', doc: { QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Condition: true, Variable: '$.a', Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'UNKNOWN_FIELD', field: 'Variable' } },
  { name: 'JSONata Condition a plain string', doc: { QueryLanguage: 'JSONata', StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Condition: '$states.input.ok', Next: 'D' }] }, D: { Type: 'Succeed' } } }, expected: { code: 'INVALID_FIELD_TYPE', field: 'Condition' } },

  // Retry / Catch (§6)
  { name: 'States.ALL not alone', doc: machine(task({ Retry: [{ ErrorEquals: ['States.ALL', 'X'] }] })), expected: { code: 'INVALID_ERROR_EQUALS', pointer: '/States/State0/Retry/0/ErrorEquals/0' } },
  { name: 'States.ALL not last', doc: machine(task({ Retry: [{ ErrorEquals: ['States.ALL'] }, { ErrorEquals: ['X'] }] })), expected: { code: 'INVALID_ERROR_EQUALS', pointer: '/States/State0/Retry/0/ErrorEquals' } },
  { name: 'retrier without ErrorEquals', doc: machine(task({ Retry: [{ MaxAttempts: 1 }] })), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/Retry/0/ErrorEquals' } },
  { name: 'empty ErrorEquals', doc: machine(task({ Retry: [{ ErrorEquals: [] }] })), expected: { code: 'INVALID_FIELD_VALUE', pointer: '/States/State0/Retry/0/ErrorEquals' } },
  { name: 'BackoffRate below 1', doc: machine(task({ Retry: [{ ErrorEquals: ['X'], BackoffRate: 0.5 }] })), expected: { code: 'INVALID_FIELD_VALUE', field: 'BackoffRate' } },
  { name: 'MaxDelaySeconds too large', doc: machine(task({ Retry: [{ ErrorEquals: ['X'], MaxDelaySeconds: 31_622_401 }] })), expected: { code: 'INVALID_FIELD_VALUE', field: 'MaxDelaySeconds' } },
  { name: 'JitterStrategy unknown', doc: machine(task({ Retry: [{ ErrorEquals: ['X'], JitterStrategy: 'HALF' }] })), expected: { code: 'INVALID_FIELD_VALUE', field: 'JitterStrategy' } },
  { name: 'unknown retrier field', doc: machine(task({ Retry: [{ ErrorEquals: ['X'], Next: 'A' }] })), expected: { code: 'UNKNOWN_FIELD', pointer: '/States/State0/Retry/0/Next' } },
  { name: 'catcher without Next', doc: machine(task({ Catch: [{ ErrorEquals: ['States.ALL'] }] })), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/Catch/0/Next' } },
  { name: 'catcher Next to a missing state', doc: machine(task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Nope' }] })), expected: { code: 'MISSING_TRANSITION_TARGET', pointer: '/States/State0/Catch/0/Next' } },
  { name: 'catcher Output in JSONPath', doc: { StartAt: 'A', States: { A: task({ Catch: [{ ErrorEquals: ['States.ALL'], Next: 'B', Output: 1 }] }), B: { Type: 'Succeed' } } }, expected: { code: 'QUERY_LANGUAGE_MISMATCH', pointer: '/States/A/Catch/0/Output' } },
  { name: 'Retry on a Pass state', doc: machine(pass({ Retry: [] })), expected: { code: 'UNKNOWN_FIELD', field: 'Retry' } },

  // Variables (§3)
  { name: 'Assign to states', doc: machine(pass({ Assign: { states: 1 } })), expected: { code: 'INVALID_VARIABLE_NAME', pointer: '/States/State0/Assign/states' } },
  { name: 'Assign to a sub-path', doc: machine(pass({ Assign: { 'x.y': 1 } })), expected: { code: 'INVALID_VARIABLE_NAME', pointer: '/States/State0/Assign/x.y' } },
  { name: 'Assign name too long', doc: machine(pass({ Assign: { ['v'.repeat(81)]: 1 } })), expected: { code: 'INVALID_VARIABLE_NAME' } },
  { name: 'Assign .$ invalid', doc: machine(pass({ Assign: { 'x.$': 'nope' } })), expected: { code: 'INVALID_PAYLOAD_TEMPLATE', pointer: '/States/State0/Assign/x.$' } },
  { name: 'Assign JSONata syntax', doc: jsonata(pass({ Assign: { x: '{% 1 + %}' } })), expected: { code: 'INVALID_JSONATA_EXPRESSION', pointer: '/States/State0/Assign/x' } },
  { name: 'Assign not an object', doc: machine(pass({ Assign: [] })), expected: { code: 'INVALID_FIELD_TYPE', field: 'Assign' } },

  // Map (§8)
  { name: 'Map without ItemProcessor', doc: machine({ Type: 'Map', End: true }), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/ItemProcessor' } },
  { name: 'ItemProcessor and Iterator', doc: machine(mapWith({ Iterator: { StartAt: 'I2', States: { I2: { Type: 'Succeed' } } } })), expected: { code: 'MUTUALLY_EXCLUSIVE_FIELDS', field: 'Iterator' } },
  { name: 'ItemSelector and Parameters', doc: machine(mapWith({ ItemSelector: {}, Parameters: {} })), expected: { code: 'MUTUALLY_EXCLUSIVE_FIELDS', field: 'Parameters' } },
  { name: 'ProcessorConfig bad Mode', doc: machine({ Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'FAST' }, StartAt: 'In', States: { In: { Type: 'Succeed' } } } }), expected: { code: 'INVALID_FIELD_VALUE', field: 'Mode' } },
  { name: 'Distributed without ExecutionType', doc: machine({ Type: 'Map', End: true, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'In', States: { In: { Type: 'Succeed' } } } }), expected: { code: 'MISSING_REQUIRED_FIELD', field: 'ExecutionType' } },
  { name: 'ItemReader without Resource', doc: machine(mapWith({ ItemReader: { Parameters: {} } })), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/ItemReader/Resource' } },
  { name: 'ReaderConfig InputType unknown', doc: machine(mapWith({ ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'XML' } } })), expected: { code: 'INVALID_FIELD_VALUE', pointer: '/States/State0/ItemReader/ReaderConfig/InputType' } },
  { name: 'ItemBatcher without limits', doc: machine(mapWith({ ItemBatcher: { BatchInput: {} } })), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/ItemBatcher' } },
  { name: 'ItemBatcher bytes over 256 KiB', doc: machine(mapWith({ ItemBatcher: { MaxInputBytesPerBatch: 262_145 } })), expected: { code: 'INVALID_FIELD_VALUE', field: 'MaxInputBytesPerBatch' } },
  { name: 'ResultWriter Resource without Parameters', doc: machine(mapWith({ ResultWriter: { Resource: 'arn:aws:states:::s3:putObject' } })), expected: { code: 'MISSING_REQUIRED_FIELD', pointer: '/States/State0/ResultWriter' } },
  { name: 'ToleratedFailurePercentage over 100', doc: machine(mapWith({ ToleratedFailurePercentage: 101 })), expected: { code: 'INVALID_FIELD_VALUE', field: 'ToleratedFailurePercentage' } },
  { name: 'MaxConcurrency and MaxConcurrencyPath', doc: machine(mapWith({ MaxConcurrency: 1, MaxConcurrencyPath: '$.c' })), expected: { code: 'MUTUALLY_EXCLUSIVE_FIELDS', field: 'MaxConcurrencyPath' } },
  { name: 'Items in a JSONPath Map', doc: machine(mapWith({ Items: [] })), expected: { code: 'QUERY_LANGUAGE_MISMATCH', field: 'Items' } },
  { name: 'JSONata Items not an array', doc: jsonata(mapWith({ Items: 'abc' })), expected: { code: 'INVALID_FIELD_TYPE', field: 'Items' } },
  { name: 'Label too long', doc: machine(mapWith({ Label: 'L'.repeat(41) })), expected: { code: 'INVALID_LABEL', field: 'Label' } },
  { name: 'Label with a forbidden character', doc: machine(mapWith({ Label: 'my label' })), expected: { code: 'INVALID_LABEL', field: 'Label' } },
  {
    name: 'Label used twice',
    doc: { StartAt: 'M1', States: { M1: { ...mapWith({ Label: 'L' }), End: undefined, Next: 'M2' }, M2: { ...mapWith({ Label: 'L' }), ItemProcessor: { StartAt: 'Inner2', States: { Inner2: { Type: 'Succeed' } } } } } },
    expected: { code: 'DUPLICATE_LABEL', pointer: '/States/M2/Label', state: 'M2' },
  },
];

describe('validateDefinition: one rule per case', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const found = errors(JSON.parse(JSON.stringify(c.doc)), c.options);
    const match = found.find((d) => Object.entries(c.expected).every(([key, value]) => d[key as keyof AslDiagnostic] === value));
    expect(match, `expected ${JSON.stringify(c.expected)} among ${JSON.stringify(found, null, 2)}`).toBeDefined();
    expect(match!.message.length).toBeGreaterThan(20);
    if (c.says) expect(match!.message).toContain(c.says);
  });
});

describe('valid documents', () => {
  const valid: [string, Doc, ValidateOptions?][] = [
    ['minimal Pass', machine(pass())],
    ['every JSONPath data-flow field', machine(task({ InputPath: '$.in', Parameters: { 'a.$': '$.a', 'b.$': "States.Format('x{}', $.b)", 'c.$': '$$.Execution.Id', 'd.$': '$myVar', e: 'literal' }, ResultSelector: { 'r.$': '$.Payload' }, ResultPath: '$.out', OutputPath: '$', Assign: { 'v.$': '$.Payload', w: 1 } }))],
    ['null InputPath/OutputPath/ResultPath', machine(pass({ InputPath: null, OutputPath: null, ResultPath: null }))],
    ['JSONata Task', jsonata(task({ Arguments: { x: '{% $states.input.x %}' }, Output: '{% $states.result %}', Assign: { r: '{% $states.result.Payload %}' }, TimeoutSeconds: '{% 10 %}', Catch: [{ ErrorEquals: ['States.ALL'], Next: 'State0', Output: '{% $states.errorOutput %}' }] }))],
    ['JSONata state in a JSONPath machine', machine(pass({ QueryLanguage: 'JSONata', Output: '{% 1 %}' }))],
    [
      'JSONata names inside paths, predicates, group-by, sort and lambdas',
      jsonata(pass({ Output: { a: '{% $states.input.items[price > 5].name %}', b: '{% $states.input.items.(price * 2) %}', c: '{% $states.input.items{name: value} %}', d: '{% $states.input.items^(price) %}', e: '{% $map($states.input.items, function($v) { $v.price }) %}', f: '{% [1, 2][$ > 1] %}', g: '{% ($x := 3; $x + 1) %}' } })),
    ],
    ['activity in Standard', machine(task({ Resource: 'arn:aws:states:us-east-1:123456789012:activity:a' }))],
    ['.sync:2 in Standard', machine(task({ Resource: 'arn:aws:states:::states:startExecution.sync:2' }))],
    ['SDK integration', machine(task({ Resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2' }))],
    ['Lambda ARN with alias', machine(task({ Resource: 'arn:aws:lambda:us-east-1:123456789012:function:fn:live' }))],
    ['Express request-response', machine(task()), { stateMachineType: 'EXPRESS' }],
    ['Wait with a timestamp offset', machine({ Type: 'Wait', End: true, Timestamp: '2024-02-29T23:59:59.123+02:00' })],
    ['Choice with nested rules and Path operators', { StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ And: [{ Variable: '$.a', NumericGreaterThanPath: '$.b' }, { Not: { Variable: '$$.Execution.Name', StringMatches: 'x*' } }], Next: 'D', Assign: { hit: true } }], Default: 'D' }, D: { Type: 'Succeed' } } }],
    ['Distributed Map', machine({ Type: 'Map', End: true, Label: 'Run1', MaxConcurrency: 10, ToleratedFailurePercentage: 5, ItemReader: { Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'b', Key: 'k' }, ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' } }, ItemBatcher: { MaxItemsPerBatch: 10 }, ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'b', Prefix: 'p' } }, ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'In', States: { In: { Type: 'Succeed' } } } })],
    ['Fail with ErrorPath intrinsic', machine({ Type: 'Fail', ErrorPath: "States.Format('E{}', $.code)", CausePath: '$.cause' })],
  ];
  it.each(valid)('%s', (_name, doc, options) => {
    expect(errors(doc, options)).toEqual([]);
  });
});

describe('warnings', () => {
  it('warns (does not reject) when an inner scope assigns an outer variable: AWS accepts it', () => {
    const doc = machine({
      Type: 'Parallel',
      End: true,
      Assign: { x: 1 },
      Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', Assign: { x: 2 }, End: true } } }],
    });
    const diagnostics = validateDefinition(doc);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'VARIABLE_SCOPE_CONFLICT', severity: 'warning', pointer: '/States/State0/Branches/0/States/B/Assign/x', state: 'B' })]);
  });

  it('warns about a JSONata-looking string with whitespace around the delimiters (a literal on AWS)', () => {
    const diagnostics = validateDefinition(jsonata(pass({ Output: { a: ' {% 1 %} ' } })));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'INVALID_JSONATA_EXPRESSION', severity: 'warning', pointer: '/States/State0/Output/a' })]);
  });

  it("warns about '.$' keys in a JSONata state (not evaluated there)", () => {
    const diagnostics = validateDefinition(jsonata(task({ Arguments: { 'a.$': '$.a' } })));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'INVALID_PAYLOAD_TEMPLATE', severity: 'warning', pointer: '/States/State0/Arguments/a.$' })]);
  });

  it('warns about an unknown States.* error name', () => {
    const diagnostics = validateDefinition(machine(task({ Retry: [{ ErrorEquals: ['States.Nope'] }] })));
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'INVALID_ERROR_EQUALS', severity: 'warning' })]);
  });
});
