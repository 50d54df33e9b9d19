// A seeded pseudo-random generator (xoshiro128**): samples must be reproducible from
// (source hash, strategy, size, seed), so Math.random is never used for sampling.

/** The few draws the samplers need. */
export interface Random {
  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number;
  /** A uniformly distributed float in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** A uniformly distributed integer in [0, bound). */
  nextInt(bound: number): number;
}

const TWO_POW_32 = 0x1_0000_0000;
const TWO_POW_53 = 9007199254740992;

// splitmix32 turns one seed word into well-mixed state words (xoshiro must not start at all zeros).
function createSplitMix32(seedWord: number): () => number {
  let state = seedWord >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Why: one deterministic stream of draws per seed; any safe integer seed (negative too) is accepted. */
export function createRandom(seed: number): Random {
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_POW_32) >>> 0;
  const mixHigh = createSplitMix32(high);
  const mix = createSplitMix32(low ^ mixHigh());
  let s0 = mix();
  let s1 = mix();
  let s2 = mix();
  let s3 = mix();
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;

  const nextUint32 = (): number => {
    const result = Math.imul(rotateLeft(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotateLeft(s3, 11);
    return result;
  };
  const nextFloat = (): number => {
    const high27 = nextUint32() >>> 5;
    const low26 = nextUint32() >>> 6;
    return (high27 * 67108864 + low26) / TWO_POW_53;
  };
  const nextInt = (bound: number): number => Math.floor(nextFloat() * bound);
  return { nextUint32, nextFloat, nextInt };
}

function rotateLeft(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
