// Plain Node ESM, no TypeScript: the package's built JavaScript, as a user's script imports it.
import assert from 'node:assert/strict';
import { compileWorkflow, workflow } from 'statecraft';
import { Interpreter } from 'statecraft/interpreter';
import { validateDefinition } from 'statecraft/asl';
import { deriveIamPolicy } from 'statecraft/iam';
import { run } from 'statecraft/testing';

const flow = workflow('Greeting').pass('Hello', { result: { greeting: 'hello' } }).succeed('Done');
const { definition } = compileWorkflow(flow);
assert.deepEqual(validateDefinition(definition).filter((d) => d.severity === 'error'), []);
const machine = new Interpreter().createStateMachine(definition, { name: 'Greeting' });
const result = await machine.startExecution({}).result;
assert.deepEqual(result, { status: 'SUCCEEDED', output: { greeting: 'hello' } });
assert.ok(deriveIamPolicy(definition, { stateMachineName: 'Greeting' }).policy);
const tested = await run(flow, {});
assert.equal(tested.status, 'SUCCEEDED');
console.log(`ran an execution: ${JSON.stringify(result)}`);
