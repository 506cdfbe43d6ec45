import { describe, expect, it } from 'vitest';
import { eventTypes, run } from './run';

describe('Wait', () => {
  it('waits Seconds, SecondsPath and Timestamp on the virtual clock', async () => {
    const { execution } = await run({
      StartAt: 'A',
      States: {
        A: { Type: 'Wait', Seconds: 60, Next: 'B' },
        B: { Type: 'Wait', SecondsPath: '$.s', Next: 'C' },
        C: { Type: 'Wait', Timestamp: '2024-06-01T00:00:00Z', End: true },
      },
    }, { s: 3600 });
    const exited = execution.history().filter((e) => e.type === 'WaitStateExited').map((e) => e.timestamp!.toISOString());
    expect(exited).toEqual(['2024-01-01T00:01:00.000Z', '2024-01-01T01:01:00.000Z', '2024-06-01T00:00:00.000Z']);
  });

  it('rejects bad SecondsPath and TimestampPath values as AWS does', async () => {
    const secs = { StartAt: 'W', States: { W: { Type: 'Wait', SecondsPath: '$.s', End: true } } };
    expect((await run(secs, { s: -1 })).result.cause).toContain('The SecondsPath parameter references a negative value: $.s == -1');
    expect((await run(secs, { s: 1.5 })).result.cause).toContain('cannot be parsed as a long value: $.s == 1.5');
    expect((await run(secs, {})).result.cause).toContain('does not reference an input value: $.s');
    const ts = { StartAt: 'W', States: { W: { Type: 'Wait', TimestampPath: '$.t', End: true } } };
    expect((await run(ts, { t: '2016-12-05T25:29:29Z' })).result.cause).toContain('does not reference a valid ISO-8601 extended offset date-time format string: $.t == 2016-12-05T25:29:29Z');
  });

  it('JSONata Seconds expressions', async () => {
    const { result, execution } = await run({ QueryLanguage: 'JSONata', StartAt: 'W', States: { W: { Type: 'Wait', Seconds: '{% $states.input.n * 2 %}', End: true } } }, { n: 5 });
    expect(result.output).toEqual({ n: 5 });
    expect(execution.history().at(-1)!.timestamp!.toISOString()).toBe('2024-01-01T00:00:10.000Z');
  });
});

describe('Choice', () => {
  const choice = {
    StartAt: 'C',
    States: {
      C: { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 10, Next: 'Big', Assign: { size: 'big' } }], Default: 'Small', Assign: { size: 'small' } },
      Big: { Type: 'Pass', Parameters: { 'size.$': '$size' }, End: true },
      Small: { Type: 'Pass', Parameters: { 'size.$': '$size' }, End: true },
    },
  };

  it('takes the first matching rule and its Assign, else Default with the state Assign', async () => {
    expect((await run(choice, { n: 11 })).result.output).toEqual({ size: 'big' });
    expect((await run(choice, { n: 1 })).result.output).toEqual({ size: 'small' });
  });

  it('fails with States.Runtime when nothing matches and there is no Default', async () => {
    const { result } = await run({ StartAt: 'C', States: { C: { Type: 'Choice', Choices: [{ Variable: '$.n', IsPresent: true, Next: 'E' }] }, E: { Type: 'Succeed' } } }, {});
    expect(result.error).toBe('States.Runtime');
    expect(result.cause).toContain("An error occurred while executing the state 'C'");
  });

  it('JSONata: Condition and the matched rule’s Output', async () => {
    const { result, execution } = await run({
      QueryLanguage: 'JSONata',
      StartAt: 'C',
      States: { C: { Type: 'Choice', Choices: [{ Condition: '{% $states.input.n > 1 %}', Output: { picked: true }, Next: 'E' }], Default: 'E' }, E: { Type: 'Succeed' } },
    }, { n: 2 });
    expect(result.output).toEqual({ picked: true });
    expect(eventTypes(execution)).toEqual(['ExecutionStarted', 'ChoiceStateEntered', 'ChoiceStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded']);
  });
});

describe('Fail', () => {
  it('raises literal, path and intrinsic Error/Cause', async () => {
    expect((await run({ StartAt: 'F', States: { F: { Type: 'Fail', Error: 'E', Cause: 'C' } } })).result).toEqual({ status: 'FAILED', error: 'E', cause: 'C' });
    const { result, execution } = await run({ StartAt: 'F', States: { F: { Type: 'Fail', ErrorPath: '$.e', CausePath: "States.Format('n={}', $.n)" } } }, { e: 'Err', n: 3 });
    expect(result).toEqual({ status: 'FAILED', error: 'Err', cause: 'n=3' });
    expect(eventTypes(execution)).toEqual(['ExecutionStarted', 'FailStateEntered', 'ExecutionFailed']);
  });

  it('JSONata Error/Cause', async () => {
    const { result } = await run({ QueryLanguage: 'JSONata', StartAt: 'F', States: { F: { Type: 'Fail', Error: '{% $states.input.code %}', Cause: 'literal' } } }, { code: 'X42' });
    expect(result).toEqual({ status: 'FAILED', error: 'X42', cause: 'literal' });
  });
});
