/**
 * The long STANDARD loop the memory tests and `memory-loop.ts` run: Fetch (a Task) answers every
 * round, results over 256 KiB are caught (`States.DataLimitExceeded`) and the loop goes on.
 */
export function fetchLoop(rounds: number) {
  return {
    StartAt: 'Init',
    States: {
      Init: { Type: 'Pass', Result: 0, ResultPath: '$.n', Next: 'Fetch' },
      Fetch: {
        Type: 'Task',
        Resource: 'arn:aws:lambda:us-east-1:123456789012:function:fetch',
        ResultPath: '$.page',
        Catch: [{ ErrorEquals: ['States.DataLimitExceeded'], ResultPath: '$.error', Next: 'Count' }],
        Next: 'Count',
      },
      Count: { Type: 'Pass', Parameters: { 'n.$': 'States.MathAdd($.n, 1)' }, Next: 'More?' },
      'More?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericLessThan: rounds, Next: 'Fetch' }], Default: 'Done' },
      Done: { Type: 'Succeed' },
    },
  };
}
