// `twinrun merge` of calibrated shards: each shard ran old twice on its own calibration inputs
// (disjoint from the other shards'), so the noise model of the whole sample is their union.
import { rateTestPValue } from "../calibrate/noise-judge.ts";
import { describeNoisyPath } from "../calibrate/noise-profile.ts";
import type { CalibrationReport, NoisyPath } from "../calibrate/types.ts";
import type { PathStats, RecordsReport } from "../report/types.ts";

/**
 * Why: a merged report must keep the noise its changes were judged against. Calibration inputs
 * and noise trials add up; a noisy path's old-vs-old counts add over the shards (a shard where
 * the path never differed old vs old adds its calibration inputs as compared), its largest
 * differences take the max, and its rule follows from those. The run's counts on the path add
 * (a shard that did not find it noisy counted its differences there as changes: they add to
 * `beyond`), and the rate test is recomputed on the sums. Each shard judged its own trials
 * against its own calibration's limit; those judgements stand. Undefined when no shard calibrated.
 */
export function mergeCalibrations(reports: readonly RecordsReport[]): CalibrationReport | undefined {
  const calibrated = reports.filter((report) => report.calibration !== undefined);
  if (calibrated.length === 0) return undefined;
  const first = calibrated[0].calibration!;
  const names = [...new Set(calibrated.flatMap((report) => report.calibration!.paths.map((p) => p.path)))];
  const paths = names.map((name) => mergeNoisyPath(name, calibrated, first.level));
  paths.sort(
    (a, b) =>
      b.differed / b.compared - a.differed / a.compared || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
  return {
    trials: calibrated.reduce((total, report) => total + report.calibration!.trials, 0),
    indices: calibrated.flatMap((report) => report.calibration!.indices).sort((a, b) => a - b),
    margin: first.margin,
    level: first.level,
    noiseTrials: calibrated.reduce((total, report) => total + report.calibration!.noiseTrials, 0),
    paths,
  };
}

function mergeNoisyPath(name: string, reports: readonly RecordsReport[], level: number): NoisyPath {
  const stats: PathStats = { path: name, compared: 0, changed: 0, kinds: {}, exampleIndices: [] };
  const run = { differed: 0, compared: 0, noise: 0, beyond: 0 };
  for (const report of reports) {
    const calibration = report.calibration!;
    const noisy = calibration.paths.find((path) => path.path === name);
    if (noisy === undefined) {
      stats.compared += calibration.trials;
      const changed = report.paths.find((path) => path.path === name)?.changed ?? 0;
      run.differed += changed;
      run.beyond += changed;
      run.compared += comparedTrials(report, name);
      continue;
    }
    stats.compared += noisy.compared;
    stats.changed += noisy.differed;
    for (const [kind, count] of Object.entries(noisy.kinds) as [keyof PathStats["kinds"], number][])
      stats.kinds[kind] = (stats.kinds[kind] ?? 0) + count;
    const maxAbs = larger(stats.maxAbs, noisy.maxAbs);
    const maxRel = larger(stats.maxRel, noisy.maxRel);
    if (maxAbs !== undefined) stats.maxAbs = maxAbs;
    if (maxRel !== undefined) stats.maxRel = maxRel;
    run.differed += noisy.run.differed;
    run.compared += noisy.run.compared;
    run.noise += noisy.run.noise;
    run.beyond += noisy.run.beyond;
  }
  const pValue = rateTestPValue(stats.changed, stats.compared, run.differed, run.compared);
  return { ...describeNoisyPath(stats), run: { ...run, pValue, rateBeyond: pValue < level } };
}

/** Trials of a shard where the path could be compared, as the noise judge counts them. */
function comparedTrials(report: RecordsReport, path: string): number {
  const { trials, failures } = report.summary;
  return path === "$" ? trials : trials - failures.old - failures.new - failures.both;
}

function larger(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Number(b) > Number(a) ? b : a;
}
