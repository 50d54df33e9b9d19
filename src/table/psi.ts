// Population stability index over the old side's deciles: how far the new side's values moved
// across the bins the old side fills equally. Conventional reading: below 0.1 stable, 0.1–0.25 a
// moderate shift, above 0.25 a major one.
import { quantile } from "./numeric-sampler.ts";

/** Empty bins would make the log infinite; they count as this share instead (common practice). */
const EMPTY_BIN_SHARE = 1e-4;

/** Why: a drift score for columns whose values may legitimately move (re-fit scalers, retrained encoders). */
export function populationStabilityIndex(oldSorted: Float64Array, newSorted: Float64Array): number | null {
  if (oldSorted.length === 0 || newSorted.length === 0) return null;
  const edges = decileEdges(oldSorted);
  const oldShares = binShares(oldSorted, edges);
  const newShares = binShares(newSorted, edges);
  let psi = 0;
  for (let bin = 0; bin < oldShares.length; bin++) {
    const oldShare = Math.max(oldShares[bin], EMPTY_BIN_SHARE);
    const newShare = Math.max(newShares[bin], EMPTY_BIN_SHARE);
    psi += (newShare - oldShare) * Math.log(newShare / oldShare);
  }
  return psi;
}

/** The distinct 10%…90% quantiles of the old side: bin i holds values ≤ edges[i], the last bin the rest. */
function decileEdges(sorted: Float64Array): number[] {
  const edges: number[] = [];
  for (let decile = 1; decile < 10; decile++) {
    const edge = quantile(sorted, decile / 10);
    if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  }
  return edges;
}

/** Share of the (sorted) values in each bin, by binary search on the edges. */
function binShares(sorted: Float64Array, edges: number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let start = 0;
  for (let bin = 0; bin < edges.length; bin++) {
    const end = upperBound(sorted, edges[bin], start);
    counts[bin] = end - start;
    start = end;
  }
  counts[edges.length] = sorted.length - start;
  return counts.map((count) => count / sorted.length);
}

/** First index at or after `from` whose value is greater than `limit`. */
function upperBound(sorted: Float64Array, limit: number, from: number): number {
  let low = from;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle] <= limit) low = middle + 1;
    else high = middle;
  }
  return low;
}
