// Seeded reservoir sampling with skips (Algorithm L): a uniform sample of fixed size from a stream
// of unknown length, drawing random numbers only for the items it takes, never for the ones it
// passes over. The position of the next item taken is known in advance, so a reader can skip
// decoding everything in between.
import type { Random } from "./random.ts";

/** Why: a full reservoir takes ever fewer items; random draws scale with the sample, not the stream. */
export class SkipReservoir<T> {
  readonly capacity: number;
  private readonly random: Random;
  private readonly kept: T[] = [];
  private offered = 0;
  /** The 0-based position of the next item the full reservoir takes. */
  private next = 0;
  private weight = 0;

  constructor(capacity: number, random: Random) {
    this.capacity = capacity;
    this.random = random;
  }

  /** Items offered (or passed over) so far. */
  get seen(): number {
    return this.offered;
  }

  /** Whether the item at the next position would be taken; false means it may be skipped unread. */
  wantsNext(): boolean {
    return this.offered < this.capacity || this.offered === this.next;
  }

  /** Passes over the next item without reading it (only when wantsNext() is false). */
  pass(): void {
    this.offered += 1;
  }

  /** Offers the next item: kept with probability capacity/seen, replacing a random kept one. */
  offer(item: T): void {
    const position = this.offered;
    this.offered += 1;
    if (this.capacity === 0) return;
    if (position < this.capacity) {
      this.kept.push(item);
      if (this.offered === this.capacity) this.planNext(true);
      return;
    }
    if (position !== this.next) return;
    this.kept[this.random.nextInt(this.capacity)] = item;
    this.planNext(false);
  }

  /** The kept items (in no particular order). */
  items(): T[] {
    return this.kept.slice();
  }

  private planNext(first: boolean): void {
    const k = this.capacity;
    // nextFloat() is in [0, 1); 1 − u is in (0, 1], so the logarithms stay finite.
    const draw = (): number => 1 - this.random.nextFloat();
    const factor = Math.exp(Math.log(draw()) / k);
    this.weight = first ? factor : this.weight * factor;
    const skip = this.weight >= 1 ? 0 : Math.floor(Math.log(draw()) / Math.log(1 - this.weight));
    this.next = this.offered + (Number.isFinite(skip) ? skip : Number.MAX_SAFE_INTEGER);
  }
}
