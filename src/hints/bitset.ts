// Fixed-size sets of trial ordinals as 32-bit words: a condition's trials, a path's changed trials.

/** A set of trial ordinals below `size`. */
export type Bitset = Uint32Array;

/** An empty set for `size` trials. */
export function createBitset(size: number): Bitset {
  return new Uint32Array(Math.ceil(size / 32));
}

export function setBit(bits: Bitset, ordinal: number): void {
  bits[ordinal >>> 5] |= 1 << (ordinal & 31);
}

export function hasBit(bits: Bitset, ordinal: number): boolean {
  return (bits[ordinal >>> 5] & (1 << (ordinal & 31))) !== 0;
}

/** Members of the set. */
export function countBits(bits: Bitset): number {
  let count = 0;
  for (let i = 0; i < bits.length; i++) count += popcount(bits[i]);
  return count;
}

/** Members of both sets, without building the intersection. */
export function countBoth(a: Bitset, b: Bitset): number {
  let count = 0;
  for (let i = 0; i < a.length; i++) count += popcount(a[i] & b[i]);
  return count;
}

/** The intersection as a new set. */
export function intersect(a: Bitset, b: Bitset): Bitset {
  const out = new Uint32Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i] & b[i];
  return out;
}

/** Adds every member of `from` to `into`. */
export function unionInto(into: Bitset, from: Bitset): void {
  for (let i = 0; i < into.length; i++) into[i] |= from[i];
}

export function sameBits(a: Bitset, b: Bitset): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function popcount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
