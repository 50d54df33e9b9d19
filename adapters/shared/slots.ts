// A counting semaphore: at most `size` holders at once, the rest wait in arrival order.

/** Limits how many run() calls use workers at the same time. */
export class Slots {
  private used = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly size: number;

  constructor(size: number) {
    this.size = Math.max(1, Math.floor(size));
  }

  /** Resolves once a slot is free and taken. */
  async acquire(): Promise<void> {
    if (this.used < this.size) {
      this.used++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  /** Frees a slot, handing it straight to the longest waiter if there is one. */
  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.used--;
  }
}
