import type { Json, StateMachineDefinition } from '../../asl/types';
import { assertValidDefinition } from '../../asl/validate';
import { prepareDefinition } from '../engine/prepare';
import type { PreparedMachine } from '../engine/runtime';
import { randomUuid, type RandomSource } from '../random/seeded-random';
import { mocksFromConfigFile, type MockConfigFile } from '../tasks/mock-config-file';
import type { TaskMocks } from '../tasks/task-mocks';
import { MockTaskDispatcher } from '../tasks/task-dispatcher';
import { Execution } from './execution';
import type { InterpreterServices } from './interpreter-services';
import type { StartExecutionOptions, StateMachineOptions, StateMachineType } from './types';
import { toJsonValue } from '../json/to-json-value';
import { StepFunctionsApiError } from '../callbacks/api-error';

/**
 * A validated, prepared state machine. Preparing happens once here; every execution reuses it.
 *
 * @example
 * const machine = sfn.createStateMachine(definition, { name: 'Orders' });
 * const execution = machine.startExecution({ id: 1 }, { mocks: { Charge: () => ({ ok: true }) } });
 */
export class StateMachine {
  readonly name: string;
  readonly type: StateMachineType;
  readonly stateMachineArn: string;
  readonly roleArn: string;
  readonly definition: StateMachineDefinition;
  private readonly prepared: PreparedMachine;
  private readonly configMocks = new WeakMap<MockConfigFile, Map<string, TaskMocks>>();

  /** Throws `InvalidDefinitionError` (listing every problem) when the definition is not valid ASL. */
  constructor(
    definition: unknown,
    options: StateMachineOptions,
    private readonly services: InterpreterServices,
  ) {
    this.type = options.type ?? 'STANDARD';
    assertValidDefinition(definition, { stateMachineType: this.type });
    this.definition = definition;
    this.name = options.name ?? 'StateMachine';
    this.stateMachineArn = `arn:aws:states:${services.region}:${services.accountId}:stateMachine:${this.name}`;
    this.roleArn = options.roleArn ?? `arn:aws:iam::${services.accountId}:role/StatecraftExecutionRole`;
    this.prepared = prepareDefinition(definition);
  }

  /**
   * A test case's mocks, checked against this definition (throws `MockConfigError`) and built once
   * per file and test case: many executions of one test case share them.
   */
  private testCaseMocks(config: MockConfigFile, testCase: string): TaskMocks {
    let byTestCase = this.configMocks.get(config);
    if (!byTestCase) this.configMocks.set(config, (byTestCase = new Map()));
    let mocks = byTestCase.get(testCase);
    if (!mocks) byTestCase.set(testCase, (mocks = mocksFromConfigFile(config, this.name, testCase, this.definition)));
    return mocks;
  }

  /** Standard: `…:execution:<machine>:<name>`; Express: `…:express:<machine>:<name>:<uuid>`. */
  private executionArn(name: string, random: RandomSource): string {
    const prefix = `arn:aws:states:${this.services.region}:${this.services.accountId}`;
    return this.type === 'EXPRESS' ? `${prefix}:express:${this.name}:${name}:${randomUuid(random)}` : `${prefix}:execution:${this.name}:${name}`;
  }

  /**
   * Starts an execution (input defaults to `{}`, as in AWS). The input object is used as given,
   * not copied (a large input would cost every run a copy): do not change it while the execution runs.
   */
  startExecution(input: Json = {}, options: StartExecutionOptions = {}): Execution {
    // The input is JSON text on AWS: normalise what JavaScript hands us as serialising it would
    // (`{ test: undefined }` is `{}`), refuse what JSON cannot hold (issue 8).
    const json = toJsonValue(input);
    if ('problem' in json) {
      throw new StepFunctionsApiError('InvalidExecutionInput', `Invalid execution input for state machine '${this.name}': ${json.problem}.`);
    }
    input = json.value;
    const random = this.services.nextRandom();
    const name = options.name ?? randomUuid(random);
    const config = options.mockConfig ?? this.services.mockConfig;
    if (options.testCase !== undefined && !config) {
      throw new Error(`startExecution: testCase '${options.testCase}' given but no mockConfig (pass it to the Interpreter or to startExecution).`);
    }
    const configMocks = options.testCase !== undefined && config ? this.testCaseMocks(config, options.testCase) : undefined;
    // An execution's own mocks reach the executions it starts (matched by their state names / resources).
    const executionMocks = options.mocks ? [options.mocks, ...(options.inheritedMocks ?? [])] : (options.inheritedMocks ?? []);
    return new Execution({
      machine: this.prepared,
      definition: this.definition,
      input,
      name,
      executionArn: this.executionArn(name, random),
      stateMachineArn: this.stateMachineArn,
      stateMachineName: this.name,
      stateMachineType: this.type,
      roleArn: this.roleArn,
      region: this.services.region,
      accountId: this.services.accountId,
      clock: this.services.clock,
      random,
      tasks: new MockTaskDispatcher([...executionMocks, configMocks, this.services.mocks], executionMocks, {
        style: options.mockHints ?? 'code',
        stateMachineName: this.name,
        ...(options.testCase === undefined ? {} : { testCase: options.testCase }),
      }),
      s3: this.services.s3,
      maxHistoryEvents: this.services.maxHistoryEvents,
      maxExpressEvents: this.services.maxExpressEvents,
      recordHistory: this.services.recordHistory,
      synchronous: this.type === 'EXPRESS' && options.synchronous === true,
      integrations: this.services.integrations,
      ...(options.redrive ? { redrive: options.redrive } : {}),
    });
  }
}
