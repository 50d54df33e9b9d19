// Judges new-vs-old differences on noisy paths against what old-vs-old showed: a new kind or a
// magnitude beyond the limit counts as a change, the rest is noise; a rate significantly higher
// than old-vs-old fails the gate. Memory: a few counters per noisy path.
import { foldPath } from "../compare/paths.ts";
import type { CompareResult, Difference } from "../compare/types.ts";
import type { PathStats } from "../report/types.ts";
import type { TrialResult } from "../runner/types.ts";
import { hypergeometricCdf } from "../stats/exact-bounds.ts";
import { describeNoisyPath, NOISE_MARGIN, RATE_TEST_LEVEL } from "./noise-profile.ts";
import type { CalibrationReport, NoisyPath } from "./types.ts";

interface PathState {
  noisy: Omit<NoisyPath, "run">;
  kinds: ReadonlySet<string>;
  differed: number;
  noise: number;
  beyond: number;
}

/** Why: one object holds the calibration's noise model and counts what the run did on each noisy path. */
export class NoiseJudge {
  private readonly paths = new Map<string, PathState>();
  private trials = 0;
  private bothOk = 0;
  private noiseTrials = 0;

  constructor(
    calibrationPaths: readonly PathStats[],
    private readonly calibration: { trials: number; indices: number[] },
  ) {
    for (const stats of calibrationPaths) {
      this.paths.set(stats.path, {
        noisy: describeNoisyPath(stats),
        kinds: new Set(Object.keys(stats.kinds)),
        differed: 0,
        noise: 0,
        beyond: 0,
      });
    }
  }

  /** Why: shrinking and `twinrun shrink` judge candidates against a finished run's calibration, counting afresh. */
  static fromReport(calibration: CalibrationReport): NoiseJudge {
    const paths: PathStats[] = calibration.paths.map((noisy) => ({
      path: noisy.path,
      compared: noisy.compared,
      changed: noisy.differed,
      kinds: noisy.kinds,
      ...(noisy.maxAbs !== undefined && { maxAbs: noisy.maxAbs }),
      ...(noisy.maxRel !== undefined && { maxRel: noisy.maxRel }),
      exampleIndices: [],
    }));
    return new NoiseJudge(paths, { trials: calibration.trials, indices: calibration.indices });
  }

  /** True when calibration found any noisy path. */
  get isNoisy(): boolean {
    return this.paths.size > 0;
  }

  /** Splits a comparison: differences beyond the noise stay, those within it move to `noise`. */
  split(result: CompareResult): CompareResult & { noise?: Difference[] } {
    if (this.paths.size === 0 || result.differences.length === 0) return result;
    const counted: Difference[] = [];
    const noise: Difference[] = [];
    for (const difference of result.differences) {
      const state = this.paths.get(foldPath(difference.path));
      if (state !== undefined && isWithinNoise(difference, state)) noise.push(difference);
      else counted.push(difference);
    }
    if (noise.length === 0) return result;
    return { ...result, differences: counted, noise };
  }

  /** Counts one finished trial (after split). */
  add(trial: TrialResult & { comparison: { noise?: Difference[] } }): void {
    this.trials++;
    if (trial.old.status === "ok" && trial.new.status === "ok") this.bothOk++;
    const { differences, noise = [] } = trial.comparison;
    if (noise.length > 0 && differences.length === 0) this.noiseTrials++;
    const noisyHere = new Set(noise.map((difference) => foldPath(difference.path)));
    const beyondHere = new Set(differences.map((difference) => foldPath(difference.path)));
    for (const [path, state] of this.paths) {
      const beyond = beyondHere.has(path);
      if (!beyond && !noisyHere.has(path)) continue;
      state.differed++;
      if (beyond) state.beyond++;
      else state.noise++;
    }
  }

  /** Why: a table comparison hands over only the row pairs whose cells differ; the equal ones count too. */
  addUnchanged(count: number): void {
    this.trials += count;
    this.bothOk += count;
  }

  /** The report's calibration section: every noisy path with its run figures and rate test. */
  result(): CalibrationReport {
    const paths = [...this.paths.values()].map(({ noisy, differed, noise, beyond }) => {
      const compared = noisy.path === "$" ? this.trials : this.bothOk;
      const pValue = rateTestPValue(noisy.differed, noisy.compared, differed, compared);
      return {
        ...noisy,
        run: { differed, compared, noise, beyond, pValue, rateBeyond: pValue < RATE_TEST_LEVEL },
      };
    });
    paths.sort(
      (a, b) =>
        b.differed / b.compared - a.differed / a.compared || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
    );
    return {
      trials: this.calibration.trials,
      indices: this.calibration.indices,
      margin: NOISE_MARGIN,
      level: RATE_TEST_LEVEL,
      noiseTrials: this.noiseTrials,
      paths,
    };
  }
}

function isWithinNoise(difference: Difference, state: PathState): boolean {
  if (!state.kinds.has(difference.kind)) return false;
  const limit = state.noisy.limit;
  if (limit === undefined) return true;
  if (limit.rel !== undefined && difference.rel !== undefined) return !(Number(difference.rel) > limit.rel);
  if (limit.abs !== undefined && difference.abs !== undefined) return !(Number(difference.abs) > limit.abs);
  // The calibration measured this path numerically, this difference cannot be measured the same way: beyond.
  return false;
}

/**
 * One-sided Fisher exact test: the chance, were the rates equal, that the run's share of
 * differing trials would be at least what it was. Conditioned on the total differing.
 */
export function rateTestPValue(
  calibrationDiffered: number,
  calibrationCompared: number,
  runDiffered: number,
  runCompared: number,
): number {
  if (runCompared === 0 || runDiffered === 0) return 1;
  const population = calibrationCompared + runCompared;
  const differing = calibrationDiffered + runDiffered;
  return Math.max(0, 1 - hypergeometricCdf(runDiffered - 1, population, differing, runCompared));
}
