/**
 * The first `nextInt(bound)` of a fresh `java.util.Random(seed)`: a 48-bit linear congruential
 * generator, reproduced bit for bit so a seeded `States.MathRandom` gives what a JVM gives.
 */
const MULTIPLIER = 0x5deece66dn;
const INCREMENT = 0xbn;
const MASK = (1n << 48n) - 1n;

export function javaRandomNextInt(seed: number, bound: number): number {
  let state = (BigInt(seed) ^ MULTIPLIER) & MASK;
  const next31 = (): number => {
    state = (state * MULTIPLIER + INCREMENT) & MASK;
    return Number(state >> 17n); // the top 31 of 48 bits, always non-negative
  };
  if ((bound & -bound) === bound) {
    return Number((BigInt(bound) * BigInt(next31())) >> 31n);
  }
  for (;;) {
    const bits = next31();
    const value = bits % bound;
    // Java rejects the draw when `bits - value + (bound - 1)` overflows int32 (biased tail).
    if (bits - value + (bound - 1) <= 2 ** 31 - 1) return value;
  }
}
