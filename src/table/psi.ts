// Population stability index over the old side's deciles: how far the new side's values moved
// across the bins the old side fills equally. Conventional reading: below 0.1 stable, 0.1–0.25 a
// moderate shift, above 0.25 a major one.

/** Empty bins would make the log infinite; they count as this share instead (common practice). */
const EMPTY_BIN_SHARE = 1e-4;

/** Why: the distinct 10%…90% quantiles of the old side: bin i holds values ≤ edges[i], the last bin the rest. */
export function distinctEdges(deciles: readonly number[]): number[] {
  const edges: number[] = [];
  for (const edge of deciles) if (edges.length === 0 || edge > edges[edges.length - 1]) edges.push(edge);
  return edges;
}

/** Why: a drift score for columns whose values may legitimately move (re-fit scalers, retrained encoders). */
export function populationStabilityIndex(
  oldCounts: readonly number[],
  newCounts: readonly number[],
): number | null {
  const oldTotal = oldCounts.reduce((sum, count) => sum + count, 0);
  const newTotal = newCounts.reduce((sum, count) => sum + count, 0);
  if (oldTotal === 0 || newTotal === 0) return null;
  let psi = 0;
  for (let bin = 0; bin < oldCounts.length; bin++) {
    const oldShare = Math.max(oldCounts[bin] / oldTotal, EMPTY_BIN_SHARE);
    const newShare = Math.max(newCounts[bin] / newTotal, EMPTY_BIN_SHARE);
    psi += (newShare - oldShare) * Math.log(newShare / oldShare);
  }
  return psi;
}
