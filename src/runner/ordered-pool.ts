// A bounded pool that runs tasks concurrently but hands results back in input order.
// At most `concurrency` tasks run at once, and at most `window` results wait for a slow
// predecessor, so memory is bounded by concurrency, never by the number of items.

export interface OrderedPoolOptions<T, R> {
  items: Iterable<T>;
  concurrency: number;
  run: (item: T) => Promise<R>;
  /** Called once per item, strictly in item order. */
  onResult: (result: R, item: T) => void;
  /** Stop starting new items; results of items still running are dropped. */
  signal?: AbortSignal;
}

/** Runs every item (until aborted); resolves when all started items settled. */
export async function runOrderedPool<T, R>(
  options: OrderedPoolOptions<T, R>,
): Promise<{ completed: number }> {
  const { concurrency, run, onResult, signal } = options;
  const iterator = options.items[Symbol.iterator]();
  const window = Math.max(1, concurrency) * 4;
  const waiting = new Map<number, { result: R; item: T }>();
  let nextToStart = 0;
  let nextToEmit = 0;
  let running = 0;
  let exhausted = false;
  let failure: unknown;

  return new Promise((resolve, reject) => {
    const finishIfDone = () => {
      if (running > 0) return;
      if (failure !== undefined) reject(failure);
      else if (exhausted || signal?.aborted) resolve({ completed: nextToEmit });
    };

    const emitReady = () => {
      for (let entry = waiting.get(nextToEmit); entry !== undefined; entry = waiting.get(nextToEmit)) {
        waiting.delete(nextToEmit);
        nextToEmit++;
        onResult(entry.result, entry.item);
      }
    };

    const fill = () => {
      while (
        failure === undefined &&
        !exhausted &&
        !signal?.aborted &&
        running < concurrency &&
        nextToStart < nextToEmit + window
      ) {
        const step = iterator.next();
        if (step.done) {
          exhausted = true;
          break;
        }
        const position = nextToStart++;
        const item = step.value;
        running++;
        run(item).then(
          (result) => {
            running--;
            if (!signal?.aborted && failure === undefined) {
              waiting.set(position, { result, item });
              try {
                emitReady();
              } catch (error) {
                failure = error;
              }
            }
            fill();
            finishIfDone();
          },
          (error: unknown) => {
            running--;
            if (failure === undefined) failure = error;
            finishIfDone();
          },
        );
      }
      finishIfDone();
    };

    signal?.addEventListener("abort", () => finishIfDone(), { once: true });
    fill();
  });
}
