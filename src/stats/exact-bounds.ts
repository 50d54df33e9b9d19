// Exact confidence bounds on how many inputs of a source change, from how many of a uniform
// random sample changed: hypergeometric for a known, finite population, binomial (Clopper–
// Pearson) when the population is taken as unbounded. All sums run in log space, so samples
// of millions neither underflow nor lose the tail.

/** log(C(a, b)) as a sum of b logs: exact to rounding for any a, unlike a difference of lgammas. */
export function logChoose(a: number, b: number): number {
  if (b < 0 || b > a) return Number.NEGATIVE_INFINITY;
  const k = Math.min(b, a - b);
  let sum = 0;
  for (let i = 1; i <= k; i += 1) sum += Math.log((a - k + i) / i);
  return sum;
}

function logAdd(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  const high = Math.max(a, b);
  return high + Math.log1p(Math.exp(Math.min(a, b) - high));
}

/**
 * P(X ≤ x) for X ~ Hypergeometric(population, changedInPopulation, sample): the chance that a
 * uniform sample of `sample` inputs holds at most x changed ones.
 */
export function hypergeometricCdf(x: number, population: number, changed: number, sample: number): number {
  const lowest = Math.max(0, sample - (population - changed));
  const highest = Math.min(sample, changed);
  if (x < lowest) return 0;
  if (x >= highest) return 1;
  const logTotal = logChoose(population, sample);
  // Start at k = x and walk down with the pmf ratio P(k-1)/P(k).
  let logTerm = logChoose(changed, x) + logChoose(population - changed, sample - x) - logTotal;
  let logSum = logTerm;
  for (let k = x; k > lowest; k -= 1) {
    logTerm += Math.log((k * (population - changed - sample + k)) / ((changed - k + 1) * (sample - k + 1)));
    logSum = logAdd(logSum, logTerm);
  }
  return Math.min(1, Math.exp(logSum));
}

/** P(X ≤ x) for X ~ Binomial(trials, p). */
export function binomialCdf(x: number, trials: number, p: number): number {
  if (x < 0) return 0;
  if (x >= trials || p <= 0) return 1;
  if (p >= 1) return 0;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  let logTerm = logChoose(trials, x) + x * logP + (trials - x) * logQ;
  let logSum = logTerm;
  // P(k-1)/P(k) = k q / ((n-k+1) p)
  for (let k = x; k > 0; k -= 1) {
    logTerm += Math.log(k / (trials - k + 1)) + logQ - logP;
    logSum = logAdd(logSum, logTerm);
  }
  return Math.min(1, Math.exp(logSum));
}

/**
 * The largest number of changed inputs in the population that the sample does not rule out at
 * level alpha: max{D : P(X ≤ x | D) > alpha}. "At most this many change", one-sided, exact.
 */
export function hypergeometricUpper(x: number, population: number, sample: number, alpha: number): number {
  // P(X ≤ x | D) falls as D grows; D ranges over x .. population - (sample - x).
  let low = x;
  let high = population - (sample - x);
  if (hypergeometricCdf(x, population, high, sample) > alpha) return high;
  // Invariant: cdf(low) > alpha ≥ cdf(high).
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (hypergeometricCdf(x, population, mid, sample) > alpha) low = mid;
    else high = mid;
  }
  return low;
}

/** The smallest number of changed inputs not ruled out: by symmetry, the unchanged ones' upper bound. */
export function hypergeometricLower(x: number, population: number, sample: number, alpha: number): number {
  return population - hypergeometricUpper(sample - x, population, sample, alpha);
}

/** Clopper–Pearson upper limit: the p with P(X ≤ x | n, p) = alpha (1 when x = n). */
export function binomialUpper(x: number, trials: number, alpha: number): number {
  if (x >= trials) return 1;
  if (x === 0) return 1 - alpha ** (1 / trials);
  let low = 0;
  let high = 1;
  // 60 halvings bring the interval below double precision at any p.
  for (let step = 0; step < 60; step += 1) {
    const mid = (low + high) / 2;
    if (binomialCdf(x, trials, mid) > alpha) low = mid;
    else high = mid;
  }
  return high;
}

/** Clopper–Pearson lower limit, by symmetry. */
export function binomialLower(x: number, trials: number, alpha: number): number {
  return 1 - binomialUpper(trials - x, trials, alpha);
}

/**
 * The smallest uniform sample that, if none of it changed, rules out a change rate of `rate` or
 * more at level alpha: hypergeometric for a known population, binomial otherwise.
 */
export function sampleSizeFor(rate: number, alpha: number, population?: number): number {
  if (population === undefined) return Math.ceil(Math.log(alpha) / Math.log1p(-rate));
  const changed = Math.max(1, Math.ceil(rate * population - 1e-9));
  // P(X = 0 | D, n) falls with n: the first n where it reaches alpha. Searched through the same
  // hypergeometricCdf that hypergeometricUpper uses, so the two agree even where P(X = 0) is alpha
  // exactly (N = 60, D = 1, n = 57) and two ways of rounding would disagree.
  let low = 0; // P(X = 0 | n = 0) = 1 > alpha
  let high = population - changed + 1; // no clean sample of this size exists: P = 0
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (hypergeometricCdf(0, population, changed, mid) > alpha) low = mid;
    else high = mid;
  }
  return Math.min(high, population);
}
