// How surprising a condition's overlap with the changed trials is, if changes hit inputs at
// random: the hypergeometric tail, in logs. With the number of conditions tried (Bonferroni),
// it keeps chance patterns among few changed trials from becoming hints.

/** Natural logs of 0!..n!. */
export function logFactorials(n: number): Float64Array {
  const table = new Float64Array(n + 1);
  for (let i = 2; i <= n; i++) table[i] = table[i - 1] + Math.log(i);
  return table;
}

/**
 * log P(X ≥ hits) for X ~ Hypergeometric(population, changed, drawn): the chance that a random
 * set of `changed` trials puts at least `hits` of them among the `drawn` trials a condition holds for.
 */
export function logTailProbability(
  logFact: Float64Array,
  population: number,
  changed: number,
  drawn: number,
  hits: number,
): number {
  const logChoose = (n: number, k: number) => logFact[n] - logFact[k] - logFact[n - k];
  const denominator = logChoose(population, drawn);
  const top = Math.min(drawn, changed);
  let max = Number.NEGATIVE_INFINITY;
  const terms: number[] = [];
  for (let j = Math.max(hits, drawn - (population - changed)); j <= top; j++) {
    const term = logChoose(changed, j) + logChoose(population - changed, drawn - j) - denominator;
    terms.push(term);
    if (term > max) max = term;
  }
  if (terms.length === 0) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (const term of terms) sum += Math.exp(term - max);
  return Math.min(0, max + Math.log(sum));
}

/** log(Σ exp(values)), for adding up the sizes of families of conditions kept as logs. */
export function logSumExp(values: number[]): number {
  const max = Math.max(...values);
  if (!Number.isFinite(max)) return max;
  let sum = 0;
  for (const value of values) sum += Math.exp(value - max);
  return max + Math.log(sum);
}

/** log C(n, k). */
export function logChoose(n: number, k: number): number {
  if (k < 0 || k > n) return Number.NEGATIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += Math.log(n - i) - Math.log(i + 1);
  return sum;
}
