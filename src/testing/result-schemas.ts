import type { ResultSchemaNode } from '../dsl/ast/states';
import { resultSchemasOf } from '../dsl/ast/result-schemas';
import { isSyncJob } from '../interpreter/jobs/sync-job';
import { isLambdaResponse } from '../interpreter/tasks/lambda-response';
import { isNeverAnswers, type TaskMock, type TaskMocks } from '../interpreter/tasks/task-mocks';

/**
 * A mock returned a result its Task's `result` schema rejects (`lambda.invoke(fn, payload, { result })`):
 * `run` fails with this error instead of testing the workflow against data the real service would
 * never return. The message names the workflow, the state and each failing field.
 */
export class MockResultSchemaError extends Error {
  constructor(
    readonly workflow: string,
    readonly state: string,
    readonly issues: readonly { path: string; message: string }[],
  ) {
    super(
      `The mock of Task '${state}' in workflow '${workflow}' returned a result its result schema rejects:\n` +
        issues.map((issue) => `  - ${issue.path}: ${issue.message}`).join('\n') +
        `\nFix the mock (or the schema given as { result } to the task's integration).`,
    );
    this.name = 'MockResultSchemaError';
  }
}

/**
 * Wraps the mocks of Task states that carry a result schema so each answer is checked against it.
 * A failing answer fails the task (so the execution ends) and is recorded in `violations`, which
 * `run` throws once the execution has finished.
 */
export function schemaCheckedMocks(workflow: unknown, workflowName: string, mocks: TaskMocks): { mocks: TaskMocks; violations: MockResultSchemaError[] } {
  const schemas = resultSchemasOf(workflow);
  const violations: MockResultSchemaError[] = [];
  const checked: TaskMocks = { ...mocks };
  for (const [state, schema] of schemas) {
    const mock = mocks[state];
    if (mock) checked[state] = checkedMock(mock, schema, (issues) => new MockResultSchemaError(workflowName, state, issues), violations);
  }
  return { mocks: checked, violations };
}

function checkedMock(
  mock: TaskMock,
  { schema, of }: ResultSchemaNode,
  error: (issues: { path: string; message: string }[]) => MockResultSchemaError,
  violations: MockResultSchemaError[],
): TaskMock {
  return async (input, invocation) => {
    const answer = await mock(input, invocation);
    if (isNeverAnswers(answer)) return answer;
    const value = isSyncJob(answer) ? answer.output : answer;
    if (value === undefined) return answer;
    // The mock may return the whole `lambda:invoke` response instead of the payload (see `lambdaInvokeResponse`).
    const checked = schema.safeParse(of === 'Payload' && isLambdaResponse(value) ? value.Payload : value);
    if (!checked.success) {
      const violation = error(
        checked.error.issues.map((issue) => ({
          path: [of === 'Payload' ? 'Payload' : 'result', ...issue.path.map(String)].join('.'),
          message: issue.message,
        })),
      );
      violations.push(violation);
      throw violation;
    }
    return answer;
  };
}
