// Picks the hints for one changed path: of every candidate condition over the input's fields
// (and conjunctions of two), those that pass the thresholds, best first, at most three, then
// shown simplest first.
import { type Bitset, intersect, sameBits } from "./bitset.ts";
import type { FieldColumn } from "./field-columns.ts";
import { type Candidate, candidateOfBits, candidatesOfColumn, type HintScope } from "./field-conditions.ts";
import { logFactorials, logSumExp, logTailProbability } from "./significance.ts";
import type { FieldCondition } from "./types.ts";

/** What a condition must reach to be shown (documented in docs/hints.md). */
export const HINT_THRESHOLDS = Object.freeze({
  /** Of the trials the condition holds for, at least this share changed. */
  minPrecision: 0.8,
  /** It holds for at least this share of the changed trials… */
  minCoverage: 0.25,
  /** …and for at least this many of them. */
  minCovered: 3,
  /** The chance that random changes fit it this well, times the conditions tried, is below this. */
  alpha: 0.001,
});

/** Hints per path. */
export const MAX_HINTS = 3;
/** The strongest single conditions paired into conjunctions. */
const CONJUNCTION_PARTS = 24;

/** The scope's trials, minus the precision threshold the finder supplies. */
export type HintTrials = Omit<HintScope, "minPrecision">;

/** Why: the hints of one changed path, from the summarised inputs of every judged trial. */
export function findHints(columns: FieldColumn[], trials: HintTrials): Candidate[] {
  const scope: HintScope = { ...trials, minPrecision: HINT_THRESHOLDS.minPrecision };
  const changed = scope.changedCount;
  const population = scope.ordinals.length;
  if (changed < HINT_THRESHOLDS.minCovered || changed >= population) return [];
  const logFact = logFactorials(population);
  const singles: Candidate[] = [];
  const families: number[] = [];
  for (const column of columns) {
    const found = candidatesOfColumn(column, scope);
    singles.push(...found.candidates);
    families.push(found.logFamily);
  }
  const logFamily = logSumExp(families);
  const passes = (candidate: Candidate, family: number) =>
    candidate.covered >= HINT_THRESHOLDS.minCovered &&
    candidate.covered / changed >= HINT_THRESHOLDS.minCoverage &&
    candidate.covered / candidate.count >= HINT_THRESHOLDS.minPrecision &&
    logTailProbability(logFact, population, changed, candidate.count, candidate.covered) + family <=
      Math.log(HINT_THRESHOLDS.alpha);
  const passing = singles.filter((candidate) => passes(candidate, logFamily));
  const pairFamily = 2 * logFamily;
  passing.push(...conjunctions(singles, scope).filter((candidate) => passes(candidate, pairFamily)));
  return selectHints(passing, changed, scope.changed);
}

/** Pairs of broad conditions on different fields whose overlap is more precise than either. */
function conjunctions(singles: Candidate[], scope: HintScope): Candidate[] {
  const broad = singles
    .filter(
      (candidate) =>
        candidate.condition.op !== "and" &&
        candidate.covered / scope.changedCount >= HINT_THRESHOLDS.minCoverage &&
        candidate.covered / candidate.count < HINT_THRESHOLDS.minPrecision,
    )
    .sort((a, b) => b.covered - a.covered || precisionOf(b) - precisionOf(a))
    .slice(0, CONJUNCTION_PARTS);
  const out: Candidate[] = [];
  for (let i = 0; i < broad.length; i++) {
    for (let j = i + 1; j < broad.length; j++) {
      const [a, b] = [broad[i], broad[j]];
      if (a.fields[0] === b.fields[0]) continue;
      const pair = candidateOfBits(
        { op: "and", conditions: [a.condition as FieldCondition, b.condition as FieldCondition] },
        intersect(a.bits, b.bits),
        a.complexity + b.complexity,
        [...a.fields, ...b.fields],
        scope,
      );
      if (pair !== undefined && precisionOf(pair) > Math.max(precisionOf(a), precisionOf(b))) out.push(pair);
    }
  }
  return out;
}

/**
 * Best first (F1 of coverage and precision), skipping a condition when a strictly simpler one
 * already chosen separates at least as well, when a better one of the same shape on the same
 * field was chosen, when a better one already holds for all its changed trials, or one as simple
 * holds for exactly the same trials; the chosen ones are then ordered simplest first.
 */
function selectHints(passing: Candidate[], changed: number, changedBits: Bitset): Candidate[] {
  const ranked = [...passing].sort(
    (a, b) =>
      f1Of(b, changed) - f1Of(a, changed) ||
      a.complexity - b.complexity ||
      opRank(a.condition.op) - opRank(b.condition.op),
  );
  const chosen: Candidate[] = [];
  for (const candidate of ranked) {
    if (chosen.length === MAX_HINTS) break;
    const redundant = chosen.some((other) => {
      const sameFields = other.fields.join() === candidate.fields.join();
      return (
        (other.complexity < candidate.complexity && f1Of(other, changed) >= f1Of(candidate, changed)) ||
        // One condition per field and shape: `age ∈ {25, 40, 65}` makes `age ∈ {25, 40}` noise.
        (sameFields && other.condition.op === candidate.condition.op) ||
        // A weaker condition whose changed trials a chosen one already explains adds nothing.
        (f1Of(other, changed) > f1Of(candidate, changed) &&
          coversChangedOf(other.bits, candidate.bits, changedBits)) ||
        (sameFields && other.complexity <= candidate.complexity && sameBits(other.bits, candidate.bits))
      );
    });
    if (!redundant) chosen.push(candidate);
  }
  return chosen.sort((a, b) => a.complexity - b.complexity || f1Of(b, changed) - f1Of(a, changed));
}

/** At equal quality, `flag = true` reads better than `flag > 0`. */
function opRank(op: string): number {
  return op === "in" ? 0 : op === ">" || op === "<" || op === "between" ? 2 : 1;
}

/** True when every changed trial in `inner` is in `outer`. */
function coversChangedOf(outer: Bitset, inner: Bitset, changed: Bitset): boolean {
  for (let i = 0; i < inner.length; i++) if ((inner[i] & changed[i] & ~outer[i]) !== 0) return false;
  return true;
}

function precisionOf(candidate: Candidate): number {
  return candidate.covered / candidate.count;
}

function f1Of(candidate: Candidate, changed: number): number {
  return (2 * candidate.covered) / (changed + candidate.count);
}
