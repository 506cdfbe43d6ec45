import type { TaskMock, TaskMocks } from './task-mocks';
import type { TaskTarget } from './task-target';
import { missingMockHint, type MockHintContext, type MockHintStyle } from './missing-mock-hint';

/**
 * Finds who answers a task. Today: mocks (per execution, then per interpreter, each keyed by state
 * name first, then by Resource ARN). Issue 4 adds real callbacks/activity workers behind the same
 * seam, so the Task state never knows where an answer comes from.
 */
export interface TaskDispatcher {
  resolve(stateName: string, resource: TaskTarget): TaskMock | undefined;
  /** 0, 1, 2, ... per state name over the execution (MockConfigFile ranges count these). */
  nextInvocationIndex(stateName: string): number;
  /**
   * The execution-level mocks that child executions started by this execution
   * (`states:startExecution` Tasks) inherit, nearest first.
   */
  readonly childMocks?: readonly TaskMocks[];
  /** Whose words the hints speak (default `code`). */
  readonly mockHintStyle?: MockHintStyle;
  /** How to mock a Task that has no mock, in the words of whoever runs the execution. */
  missingMockHint?(stateName: string, resource: TaskTarget): string | undefined;
}

export class MockTaskDispatcher implements TaskDispatcher {
  private readonly invocations = new Map<string, number>();

  /**
   * `layers` are searched in order (execution mocks before interpreter mocks); `childMocks` are
   * handed to the child executions this one starts.
   */
  constructor(
    private readonly layers: readonly (TaskMocks | undefined)[],
    readonly childMocks: readonly TaskMocks[] = [],
    private readonly hints?: MockHintContext,
  ) {}

  get mockHintStyle(): MockHintStyle | undefined {
    return this.hints?.style;
  }

  missingMockHint(stateName: string, resource: TaskTarget): string {
    return missingMockHint(this.hints, stateName, resource);
  }

  resolve(stateName: string, resource: TaskTarget): TaskMock | undefined {
    for (const layer of this.layers) {
      if (!layer) continue;
      const byState = Object.prototype.hasOwnProperty.call(layer, stateName) ? layer[stateName] : undefined;
      if (byState) return byState;
      const byResource = Object.prototype.hasOwnProperty.call(layer, resource.arn) ? layer[resource.arn] : undefined;
      if (byResource) return byResource;
      const byShortArn = resource.shortArn !== resource.arn && Object.prototype.hasOwnProperty.call(layer, resource.shortArn) ? layer[resource.shortArn] : undefined;
      if (byShortArn) return byShortArn;
    }
    return undefined;
  }

  nextInvocationIndex(stateName: string): number {
    const n = this.invocations.get(stateName) ?? 0;
    this.invocations.set(stateName, n + 1);
    return n;
  }
}
