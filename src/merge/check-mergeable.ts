// Before shard reports are combined: they must be the shards of ONE sample, run the same way,
// each exactly once, all present. Anything else would give a verdict no unsharded run gives.
import equal from "fast-deep-equal";
import { TwinrunError } from "../errors.ts";
import type { Report } from "../report/types.ts";

/** A report and the name it was given on the command line (for messages). */
export interface NamedReport {
  name: string;
  report: Report;
}

/**
 * Why: merging reports of different samples or overlapping shards would silently count inputs
 * twice or compare different things; each such mistake is a USAGE error (exit 2) naming the files.
 */
export function assertMergeable(reports: readonly NamedReport[]): void {
  if (reports.length === 0) throw usage("merge: expected at least one shard report");
  const notShards = reports.filter(({ report }) => report.shard === undefined);
  if (notShards.length > 0) {
    throw usage(
      `merge: ${notShards.map(({ name }) => name).join(", ")} ${notShards.length === 1 ? "is not a shard report" : "are not shard reports"}; ` +
        "merge combines the reports of runs with --shard i/n",
    );
  }
  const [first, ...rest] = reports;
  for (const other of rest) {
    const difference = findSampleDifference(first.report, other.report);
    if (difference !== undefined) {
      throw usage(
        `merge: ${first.name} and ${other.name} are shards of different samples (${difference}); ` +
          "run every shard with the same input, --sample, --strategy and --seed",
      );
    }
    const setting = findSettingDifference(first.report, other.report);
    if (setting !== undefined) {
      throw usage(
        `merge: ${first.name} and ${other.name} were run with different ${setting}; rerun the shards alike`,
      );
    }
  }
  const count = first.report.shard!.count;
  const byIndex = new Map<number, string>();
  for (const { name, report } of reports) {
    const shard = report.shard!;
    if (shard.count !== count) {
      throw usage(
        `merge: ${first.name} is a shard of ${count} but ${name} of ${shard.count}; use one --shard i/n count`,
      );
    }
    const seen = byIndex.get(shard.index);
    if (seen !== undefined) {
      throw usage(`merge: overlapping shards: ${seen} and ${name} are both shard ${shard.index}/${count}`);
    }
    byIndex.set(shard.index, name);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !byIndex.has(index));
  if (missing.length > 0) {
    throw usage(
      `merge: missing shard${missing.length === 1 ? "" : "s"} ${missing.map((index) => `${index}/${count}`).join(", ")}; ` +
        "a merge needs every shard to give the verdict of the whole sample",
    );
  }
  assertDisjoint(reports);
}

function findSampleDifference(a: Report, b: Report): string | undefined {
  const fields = ["sha256", "seed", "strategy", "size", "stratifyBy", "format"] as const;
  for (const field of fields) {
    if (a.sample[field] !== b.sample[field]) {
      return `${field} ${JSON.stringify(a.sample[field])} vs ${JSON.stringify(b.sample[field])}`;
    }
  }
  return undefined;
}

function findSettingDifference(a: Report, b: Report): string | undefined {
  if (a.gate.maxChanged !== b.gate.maxChanged)
    return `--max-changed (${a.gate.maxChanged} vs ${b.gate.maxChanged})`;
  // Structural equality: two reports may list the same settings' keys in another order.
  if (!equal(a.settings.compare, b.settings.compare)) return "compare settings";
  if (a.base?.commit !== b.base?.commit) {
    return `base commits (${a.base?.commit ?? "none"} vs ${b.base?.commit ?? "none"}: did the base branch move between the shards?)`;
  }
  const entries = (report: Report) =>
    JSON.stringify(
      report.accepted?.entries.map(({ path, kinds, maxChanged }) => ({ path, kinds, maxChanged })),
    );
  if (entries(a) !== entries(b) || a.accepted?.strict !== b.accepted?.strict) return "accepted differences";
  return undefined;
}

function assertDisjoint(reports: readonly NamedReport[]): void {
  const owner = new Map<number, string>();
  for (const { name, report } of reports) {
    for (const index of report.sample.indices) {
      const other = owner.get(index);
      if (other !== undefined)
        throw usage(`merge: overlapping shards: input ${index} is in both ${other} and ${name}`);
      owner.set(index, name);
    }
  }
}

function usage(message: string): TwinrunError {
  return new TwinrunError("USAGE", message);
}
