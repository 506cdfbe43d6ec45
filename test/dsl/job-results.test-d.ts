/**
 * `.sync` results are typed from the service's API model (generated into
 * src/dsl/integrations/job-results from the botocore shapes TestState validates with): a typo in a
 * result field is a compile error, and the fields AWS returns are there with their types.
 */
import { describe, expectTypeOf, it } from 'vitest';
import { batch, ecs, glue, stepFunctions, workflow, type Chain } from '../../src/dsl/index';

type Next<C> = C extends Chain<any, infer S, any, any, any, any> ? S : never;
const start = () => workflow('Jobs');
const arn = 'arn:aws:states:us-east-1:123456789012:stateMachine:child';

describe('.sync results of nested executions', () => {
  it('.sync gives the DescribeExecution record with Output as JSON text', () => {
    const c = start().task('Child', stepFunctions.startExecution.sync({ StateMachineArn: arn }));
    expectTypeOf<Next<typeof c>['Output']>().toEqualTypeOf<string>();
    expectTypeOf<Next<typeof c>['Input']>().toEqualTypeOf<string>();
    expectTypeOf<Next<typeof c>['StartDate']>().toEqualTypeOf<number>();
    expectTypeOf<Next<typeof c>['Status']>().toEqualTypeOf<'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED' | 'PENDING_REDRIVE'>();
    start().task('Child', stepFunctions.startExecution.sync({ StateMachineArn: arn }), { resultSelector: (r) => ({ out: r.Output, arn: r.ExecutionArn, redrives: r.RedriveCount }) });
    // @ts-expect-error `Otput` is not a field of the DescribeExecution record
    start().task('Child', stepFunctions.startExecution.sync({ StateMachineArn: arn }), { resultSelector: (r) => ({ out: r.Otput }) });
  });

  it('.sync:2 gives Output as JSON', () => {
    const c = start().task('Child', stepFunctions.startExecution.sync2({ StateMachineArn: arn }));
    expectTypeOf<Next<typeof c>['Output']>().toEqualTypeOf<unknown>();
    expectTypeOf<Next<typeof c>['ExecutionArn']>().toEqualTypeOf<string>();
    // @ts-expect-error no such field
    start().task('Child', stepFunctions.startExecution.sync2({ StateMachineArn: arn }), { resultSelector: (r) => ({ out: r.Outputs }) });
  });

  it('request-response gives the execution ARN and the start date in epoch milliseconds', () => {
    const c = start().task('Start', stepFunctions.startExecution({ StateMachineArn: arn }));
    expectTypeOf<Next<typeof c>['StartDate']>().toEqualTypeOf<number>();
  });
});

describe('.sync results of jobs', () => {
  const submit = batch.submitJob.sync({ JobName: 'j', JobQueue: 'q', JobDefinition: 'd' });
  const run = ecs.runTask.sync({ Cluster: 'c', TaskDefinition: 't' });
  const etl = glue.startJobRun.sync({ JobName: 'nightly' });

  it('Batch: the DescribeJobs job detail', () => {
    const c = start().task('Render', submit);
    expectTypeOf<Next<typeof c>['JobId']>().toEqualTypeOf<string>();
    expectTypeOf<Next<typeof c>['Status']>().toEqualTypeOf<'SUBMITTED' | 'PENDING' | 'RUNNABLE' | 'STARTING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED'>();
    start().task('Render', submit, { resultSelector: (r) => ({ exit: r.Container.ExitCode, log: r.Container.LogStreamName, created: r.CreatedAt }) });
    // @ts-expect-error `ExitCodes` is not a member of the container detail
    start().task('Render', submit, { resultSelector: (r) => ({ exit: r.Container.ExitCodes }) });
    // @ts-expect-error the API's camelCase name is not what Step Functions returns
    start().task('Render', submit, { resultSelector: (r) => ({ id: r.jobId }) });
  });

  it('ECS: the stopped task', () => {
    const c = start().task('Crunch', run, { resultPath: 'task' });
    expectTypeOf<Next<typeof c>['task']['StopCode']>().toEqualTypeOf<'TaskFailedToStart' | 'EssentialContainerExited' | 'UserInitiated' | 'ServiceSchedulerInitiated' | 'SpotInterruption' | 'TerminationNotice' | undefined>();
    start().task('Crunch', run, { resultSelector: (r) => ({ status: r.LastStatus, exit: r.Containers[0].ExitCode }) });
    // @ts-expect-error `LastStatuss` is a typo
    start().task('Crunch', run, { resultSelector: (r) => ({ status: r.LastStatuss }) });
    // the request-response result lists the started tasks
    start().task('Start', ecs.runTask({ TaskDefinition: 't' }), { resultSelector: (r) => ({ arn: r.Tasks[0].TaskArn }) });
  });

  it('Glue: the job run', () => {
    const c = start().task('ETL', etl);
    expectTypeOf<Next<typeof c>['ExecutionTime']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Next<typeof c>['Arguments']>().toEqualTypeOf<Record<string, string> | undefined>();
    start().task('ETL', etl, { resultSelector: (r) => ({ state: r.JobRunState, id: r.Id }) });
    // @ts-expect-error `State` is not a member of a job run (it is `JobRunState`)
    start().task('ETL', etl, { resultSelector: (r) => ({ state: r.State }) });
  });
});
