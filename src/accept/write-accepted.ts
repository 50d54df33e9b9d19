// `twinrun accept`: turns a report's changed paths into accepted-differences entries and renders
// the YAML file reviewers commit. Nothing here runs during a gate: accepting is a deliberate step.
import { Document, isMap, isSeq } from "yaml";
import type { DifferenceKind } from "../compare/types.ts";
import { TwinrunError } from "../errors.ts";
import type { Report } from "../report/types.ts";
import { pathRateInterval } from "./rate-bound.ts";
import type { AcceptedFileInput } from "./schema.ts";

/** One entry as the file holds it. */
export type AcceptedEntryInput = AcceptedFileInput["accepted"][number];

const KIND_ORDER: DifferenceKind[] = ["value", "type", "added", "removed", "length", "failure"];

const HEADER = [
  " twinrun accepted differences: behaviour changes that reviewers approved on purpose.",
  "",
  " A run reads this file (beside twinrun.config.yaml, or --accepted <file>) and does not count",
  " changed inputs that these entries cover. Each entry approves differences of the listed kinds",
  " at paths matching `path` (whole paths: use a.** for everything below a) within its limit:",
  " `maxRate`, the upper end of the change rate's 95% interval from the accepted run (a run exceeds",
  " it only when its counts show a higher rate with 95% confidence), or `maxChanged`, a count or a",
  " rate of the run's inputs like 0.5%; an entry beyond its limit covers nothing. Written by",
  " `twinrun accept`; review it like code, say in `note`",
  " why each change is intended, and commit it deliberately with the change it approves.",
].join("\n");

/**
 * Why: one entry per changed path, kinds as seen. On a uniform random sample the entry stores the
 * upper end of that path's 95% change-rate interval (maxRate), so a rerun on more inputs, another
 * seed or one shard passes unless the rate moved beyond it; otherwise (cover picks, a shard, tables,
 * a non-random strategy) the share of inputs rounded up (maxChanged), so the same run passes.
 */
export function buildAcceptedEntries(report: Report, reportName: string): AcceptedEntryInput[] {
  if (!report.complete) {
    throw new TwinrunError(
      "USAGE",
      `${reportName}: the report is incomplete (the run was interrupted), so its counts are not the whole sample; rerun it to the end first`,
    );
  }
  if (report.verdict === "error") {
    throw new TwinrunError(
      "USAGE",
      `${reportName}: the run reached no verdict (${report.error ?? "no trials"}); nothing to accept`,
    );
  }
  const trials = report.summary.trials;
  const day = report.createdAt.slice(0, 10);
  return report.paths
    .filter((stats) => stats.changed > 0)
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((stats) => {
      const kinds = KIND_ORDER.filter((kind) => (stats.kinds[kind] ?? 0) > 0);
      const run = `${report.components.old.label} → ${report.components.new.label}, ${day}`;
      const interval =
        report.kind === "records"
          ? pathRateInterval(stats.changed, trials, report.summary.changeRate)
          : undefined;
      if (interval === undefined) {
        return {
          path: stats.path,
          kinds,
          maxChanged: formatRateUp((stats.changed / trials) * 100),
          note: `seen on ${stats.changed} of ${trials} inputs (${run}); explain why it is intended`,
        };
      }
      if (interval.population !== undefined && trials >= interval.population) {
        return {
          path: stats.path,
          kinds,
          maxRate: formatRateUp(interval.high * 100),
          note: `seen on ${stats.changed} of ${trials} inputs, all of the source (${run}); explain why it is intended`,
        };
      }
      const of = interval.population === undefined ? "" : ` of ${interval.population}`;
      const range = `${formatRateDown(interval.low * 100)}–${formatRateUp(interval.high * 100)}`;
      return {
        path: stats.path,
        kinds,
        maxRate: formatRateUp(interval.high * 100),
        note: `seen on ${stats.changed} of ${trials} sampled inputs${of}: with ${interval.confidence * 100}% confidence ${range} of all inputs change (${run}); explain why it is intended`,
      };
    });
}

/**
 * Why: accepting again keeps what reviewers wrote: an entry for the same path keeps its note,
 * gains the new kinds and takes the fresh range; entries for other paths stay as they are.
 */
export function mergeAcceptedEntries(
  existing: readonly AcceptedEntryInput[],
  fresh: readonly AcceptedEntryInput[],
): AcceptedEntryInput[] {
  const merged = existing.map((entry) => ({ ...entry, kinds: [...entry.kinds] }));
  for (const entry of fresh) {
    const same = merged.find((candidate) => candidate.path === entry.path);
    if (same === undefined) {
      merged.push({ ...entry });
      continue;
    }
    same.kinds = KIND_ORDER.filter((kind) => same.kinds.includes(kind) || entry.kinds.includes(kind));
    if (same.maxRate !== undefined && entry.maxRate !== undefined) {
      same.maxRate = String(widerMaxChanged(same.maxRate, entry.maxRate));
    } else if (same.maxChanged !== undefined && entry.maxChanged !== undefined) {
      same.maxChanged = widerMaxChanged(same.maxChanged, entry.maxChanged);
    } else {
      // A rate bound replaces a point limit (and the other way round): the fresh kind of limit wins.
      delete same.maxChanged;
      delete same.maxRate;
      Object.assign(
        same,
        entry.maxRate !== undefined ? { maxRate: entry.maxRate } : { maxChanged: entry.maxChanged },
      );
    }
  }
  return merged;
}

/** The YAML text: the header comment, then `accepted:` with one mapping per entry. */
export function renderAcceptedYaml(entries: readonly AcceptedEntryInput[]): string {
  const document = new Document({ accepted: entries.map((entry) => ({ ...entry })) });
  document.commentBefore = HEADER;
  const list = document.get("accepted", true);
  if (isSeq(list)) {
    for (const item of list.items) {
      const kinds = isMap(item) ? item.get("kinds", true) : undefined;
      if (isSeq(kinds)) kinds.flow = true;
    }
  }
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A percentage rounded UP to two significant digits (0.6%, 34%, 0.0021%), never below the observed share. */
export function formatRateUp(percent: number): string {
  if (percent >= 100) return "100%";
  if (percent <= 0) return "0%";
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(percent)));
  const scale = 10 ** decimals;
  const rounded = Math.ceil(percent * scale - 1e-9) / scale;
  const text = Math.min(100, rounded).toFixed(decimals);
  return `${text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text}%`;
}

/** A percentage rounded DOWN to two significant digits, for the low end of an interval. */
export function formatRateDown(percent: number): string {
  if (percent <= 0) return "0%";
  if (percent >= 100) return "100%";
  const decimals = Math.max(0, 1 - Math.floor(Math.log10(percent)));
  const scale = 10 ** decimals;
  const text = (Math.floor(percent * scale + 1e-9) / scale).toFixed(decimals);
  return `${text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text}%`;
}

function widerMaxChanged(a: string | number, b: string | number): string | number {
  const rate = (value: string | number) =>
    typeof value === "string" ? Number(value.slice(0, -1)) : undefined;
  const rateA = rate(a);
  const rateB = rate(b);
  if (rateA !== undefined && rateB !== undefined) return rateA >= rateB ? a : b;
  if (typeof a === "number" && typeof b === "number") return Math.max(a, b);
  return b;
}
