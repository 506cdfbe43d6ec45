import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/asl/limits';
import { run } from '../run';

const big = 'x'.repeat(250_000); // one variable just under 256 KiB

/** A chain of Pass states, the i-th assigning `name(i)` from `$.big`. */
function assigningChain(count: number, name: (i: number) => string) {
  const states: Record<string, object> = {};
  for (let i = 0; i < count; i++) {
    states[`S${i}`] = { Type: 'Pass', Assign: { [`${name(i)}.$`]: '$.big' }, ...(i + 1 < count ? { Next: `S${i + 1}` } : { End: true }) };
  }
  return { StartAt: 'S0', States: states };
}

describe('variable size limits', () => {
  it('all variables of an execution together: at most 10 MiB (States.Runtime, naming the state)', async () => {
    expect(LIMITS.variablesBytes).toBe(10 * 1024 * 1024);
    const count = Math.ceil(LIMITS.variablesBytes / (big.length + 2)) + 1;
    const { result } = await run(assigningChain(count, (i) => `v${i}`), { big });
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.Runtime' });
    // 41 variables of 250,002 bytes fit (10,250,082); the 42nd would not.
    expect(result.cause).toContain("The state 'S41' cannot assign its variables");
    expect(result.cause).toContain('over the limit of 10485760 bytes (10 MiB)');
  });

  it('a reassigned variable counts once', async () => {
    const { result } = await run(assigningChain(60, () => 'same'), { big });
    expect(result.status).toBe('SUCCEEDED');
  });

  it('variables of finished Map iterations stop counting', async () => {
    // 60 iterations × 200 KB each = 12 MB stored one after another, never more than 200 KB at once.
    const iteration = {
      StartAt: 'Keep',
      States: { Keep: { Type: 'Pass', Assign: { 'inner.$': '$.blob' }, Next: 'Done' }, Done: { Type: 'Pass', Result: 1, End: true } },
    };
    const { result } = await run(
      {
        StartAt: 'Make',
        States: {
          Make: { Type: 'Pass', Parameters: { 'items.$': 'States.ArrayRange(1, 60, 1)', 'blob.$': '$.blob' }, Next: 'M' },
          M: {
            Type: 'Map',
            MaxConcurrency: 1,
            ItemsPath: '$.items',
            ItemSelector: { 'blob.$': '$.blob' },
            ItemProcessor: iteration,
            ResultSelector: { 'n.$': 'States.ArrayLength($)' },
            End: true,
          },
        },
      },
      { blob: 'y'.repeat(200_000) },
    );
    expect(result).toEqual({ status: 'SUCCEEDED', output: { n: 60 } });
  });

  it('one Assign over 256 KiB is still States.DataLimitExceeded', async () => {
    const { result } = await run(
      { StartAt: 'A', States: { A: { Type: 'Pass', Assign: { 'a.$': '$.big', 'b.$': '$.big' }, End: true } } },
      { big },
    );
    expect(result).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' });
  });
});
