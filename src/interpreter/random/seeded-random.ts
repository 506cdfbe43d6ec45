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
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A v4-shaped UUID drawn from `random` (deterministic under a seed). */
export function randomUuid(random: RandomSource): string {
  const hex: string[] = [];
  for (let i = 0; i < 32; i++) hex.push(Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
