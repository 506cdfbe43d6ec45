/** A source of uniform numbers in [0, 1). */
export type RandomSource = () => number;

/**
 * A small, fast, seedable PRNG (mulberry32) so `JitterStrategy: FULL`, `States.UUID`,
 * `States.MathRandom`, `$random()` and task tokens are reproducible for a given seed.
 *
 * @example
 * const random = seededRandom(42);
 * random(); // always the same first number for seed 42
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  positions.set(next, () => state);
  return next;
}

// Read only when an execution starts (for its snapshot), so the draw itself stays a plain closure.
const positions = new WeakMap<RandomSource, () => number>();

/**
 * Where a {@link seededRandom} source is in its sequence: `seededRandom(randomPosition(r))`
 * continues exactly as `r` does (a saved execution draws the same task tokens after a restart).
 * `undefined` for a source that is not a `seededRandom`.
 */
export function randomPosition(random: RandomSource): number | undefined {
  return positions.get(random)?.();
}

// Character codes of '0'-'9', 'a'-'f' and '-'.
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const DASH = 45;
// Reused for every UUID (built synchronously): one string allocation per UUID.
const uuidCodes = new Array<number>(36);

/**
 * A v4-shaped UUID drawn from `random` (deterministic under a seed): 32 draws, one per hex digit
 * (the version digit's draw is made and replaced by `4`, the variant digit keeps its low 2 bits).
 * Every execution and task attempt draws one, so it is built without intermediate strings.
 */
export function randomUuid(random: RandomSource): string {
  let at = 0;
  for (let i = 0; i < 32; i++) {
    const digit = Math.floor(random() * 16);
    if (i === 8 || i === 12 || i === 16 || i === 20) uuidCodes[at++] = DASH;
    uuidCodes[at++] = HEX_CODES[i === 12 ? 4 : i === 16 ? (digit & 0x3) | 0x8 : digit];
  }
  return String.fromCharCode.apply(null, uuidCodes);
}
