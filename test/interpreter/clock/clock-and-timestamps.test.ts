import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../src/interpreter/choice/timestamp';
import { parseWaitTimestamp } from '../../../src/interpreter/states/wait-time';
import { run } from '../run';

describe('JSONata $now() and $millis() follow the execution’s (virtual) clock', () => {
  it('reads the clock when the expression runs, after a Wait of a year', async () => {
    const { result } = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Before',
        States: {
          Before: { Type: 'Pass', Assign: { before: '{% $now() %}', beforeMs: '{% $millis() %}' }, Next: 'Year' },
          Year: { Type: 'Wait', Seconds: 31_536_000, Next: 'After' },
          After: { Type: 'Pass', Output: { before: '{% $before %}', beforeMs: '{% $beforeMs %}', after: '{% $now() %}', afterMs: '{% $millis() %}' }, End: true },
        },
      },
      {},
      { startTime: '2024-01-01T00:00:00Z' },
    );
    expect(result.output).toEqual({
      before: '2024-01-01T00:00:00.000Z',
      beforeMs: Date.UTC(2024, 0, 1),
      after: '2024-12-31T00:00:00.000Z',
      afterMs: Date.UTC(2024, 11, 31),
    });
  });
});

describe('one timestamp parser for Choice rules and Wait', () => {
  it('reads years 0–99 as written (Date.UTC would read 1900–1999)', () => {
    expect(parseWaitTimestamp('0050-06-01T12:00:00Z')).toBe(new Date('0050-06-01T12:00:00Z').getTime());
    expect(parseWaitTimestamp('0050-06-01T12:00:00Z')).toBe(parseTimestamp('0050-06-01T12:00:00Z')!.epochSeconds * 1000);
  });

  it('truncates to the second and accepts exactly what Choice timestamp rules accept', () => {
    expect(parseWaitTimestamp('2016-03-14T01:59:00.999+01:00')).toBe(Date.UTC(2016, 2, 14, 0, 59, 0));
    for (const text of ['2016-03-14 01:59:00Z', '2016-03-14T01:59Z', '2016-03-14T01:59:00', '2016-03-14T01:59:00.1234567891Z', '2016-02-30T00:00:00Z']) {
      expect(parseWaitTimestamp(text)).toBeUndefined();
      expect(parseTimestamp(text)).toBeUndefined();
    }
  });

  it('a Wait keeps AWS’s error wording for unreadable timestamps', async () => {
    const { result } = await run(
      { StartAt: 'W', States: { W: { Type: 'Wait', TimestampPath: '$.at', End: true } } },
      { at: '2016-03-14 01:59:00Z' },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    expect(result.cause).toContain(
      'The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: $.at == 2016-03-14 01:59:00Z',
    );
  });

  it('a Wait until a year-0050 timestamp does not wait (it is long past)', async () => {
    const { result, execution } = await run(
      { StartAt: 'W', States: { W: { Type: 'Wait', Timestamp: '0050-01-01T00:00:00Z', End: true } } },
      { v: 1 },
      { startTime: '2024-01-01T00:00:00Z' },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { v: 1 } });
    expect(execution.history().at(-1)?.timestamp).toEqual(new Date('2024-01-01T00:00:00Z'));
  });
});
