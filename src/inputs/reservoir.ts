// Seeded reservoir sampling (Algorithm R): a uniform sample of fixed size from a stream of
// unknown length, in one pass, holding only the items that may still be chosen.
import type { Random } from "./random.ts";

/** Why: memory is the capacity, not the stream length; every item ends up kept with equal probability. */
export class Reservoir<T> {
  readonly capacity: number;
  private readonly random: Random;
  private readonly kept: T[] = [];
  private offered = 0;

  constructor(capacity: number, random: Random) {
    this.capacity = capacity;
    this.random = random;
  }

  /** Items offered so far. */
  get seen(): number {
    return this.offered;
  }

  /** Offers the next item: kept with probability capacity/seen, replacing a random kept one. */
  offer(item: T): void {
    this.offered += 1;
    if (this.kept.length < this.capacity) {
      this.kept.push(item);
      return;
    }
    const slot = this.random.nextInt(this.offered);
    if (slot < this.capacity) this.kept[slot] = item;
  }

  /** The kept items (in no particular order). */
  items(): T[] {
    return this.kept.slice();
  }
}

/** Why: draws a uniform subset of `count` items (partial Fisher–Yates) to shrink a reservoir further. */
export function pickUniform<T>(items: readonly T[], count: number, random: Random): T[] {
  const pool = items.slice();
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i += 1) {
    const j = i + random.nextInt(pool.length - i);
    const swap = pool[i];
    pool[i] = pool[j];
    pool[j] = swap;
  }
  return pool.slice(0, take);
}
