// Counts of positive values on a fixed log-scale grid: constant memory, and the same bin edges in
// every run, so shards merge by adding counts. Reports carry them for the HTML report's histograms.

/** One bin of a log-scale histogram: values in [lower, upper). */
export interface LogBin {
  lower: number;
  upper: number;
  count: number;
}

/** A counter of positive finite values into bins of `binsPerDecade` per power of ten. */
export class LogBinCounter {
  private readonly counts = new Map<number, number>();

  constructor(private readonly binsPerDecade: number) {}

  /** Counts one value; zero, negative and non-finite values have no bin and are not counted. */
  add(value: number): void {
    if (!(value > 0) || !Number.isFinite(value)) return;
    const bin = Math.floor(Math.log10(value) * this.binsPerDecade);
    this.counts.set(bin, (this.counts.get(bin) ?? 0) + 1);
  }

  /** The non-empty bins, lowest first. */
  bins(): LogBin[] {
    return [...this.counts.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([bin, count]) => ({
        lower: edgeOf(bin, this.binsPerDecade),
        upper: edgeOf(bin + 1, this.binsPerDecade),
        count,
      }));
  }
}

/** Why: shard reports hold bins of the same grid; the merged report adds the counts of equal bins. */
export function mergeLogBins(lists: readonly (readonly LogBin[] | undefined)[]): LogBin[] | undefined {
  const present = lists.filter((list): list is readonly LogBin[] => list !== undefined);
  if (present.length === 0) return undefined;
  const merged = new Map<number, LogBin>();
  for (const bin of present.flat()) {
    const into = merged.get(bin.lower);
    if (into === undefined) merged.set(bin.lower, { ...bin });
    else into.count += bin.count;
  }
  return [...merged.values()].sort((a, b) => a.lower - b.lower);
}

// Rounded to 3 significant digits so edges read cleanly (1e-6, 1.78e-6) and compare equal across runs.
function edgeOf(bin: number, binsPerDecade: number): number {
  return Number((10 ** (bin / binsPerDecade)).toPrecision(3));
}
