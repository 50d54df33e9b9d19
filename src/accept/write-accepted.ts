// `twinrun accept`: turns a report's changed paths into accepted-differences entries and renders
// the YAML file reviewers commit. Nothing here runs during a gate: accepting is a deliberate step.
import { Document, isMap, isSeq } from "yaml";
import type { DifferenceKind } from "../compare/types.ts";
import { TwinrunError } from "../errors.ts";
import type { Report } from "../report/types.ts";
import type { AcceptedFileInput } from "./schema.ts";

/** One entry as the file holds it. */
export type AcceptedEntryInput = AcceptedFileInput["accepted"][number];

const KIND_ORDER: DifferenceKind[] = ["value", "type", "added", "removed", "length", "failure"];

const HEADER = [
  " twinrun accepted differences: behaviour changes that reviewers approved on purpose.",
  "",
  " A run reads this file (beside twinrun.config.yaml, or --accepted <file>) and does not count",
  " changed inputs that these entries cover. Each entry approves differences of the listed kinds",
  " at paths matching `path` (whole paths: use a.** for everything below a) on at most",
  " `maxChanged` inputs (a count, or a rate of the run's inputs like 0.5%); an entry that matches",
  " more inputs covers nothing. Written by `twinrun accept`; review it like code, say in `note`",
  " why each change is intended, and commit it deliberately with the change it approves.",
].join("\n");

/** Why: one entry per changed path, kinds as seen, and the share of inputs rounded up so the same run passes. */
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
    .map((stats) => ({
      path: stats.path,
      kinds: KIND_ORDER.filter((kind) => (stats.kinds[kind] ?? 0) > 0),
      maxChanged: formatRateUp((stats.changed / trials) * 100),
      note: `seen on ${stats.changed} of ${trials} inputs (${report.components.old.label} → ${report.components.new.label}, ${day}); explain why it is intended`,
    }));
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
    same.maxChanged = widerMaxChanged(same.maxChanged, entry.maxChanged);
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

function widerMaxChanged(a: string | number, b: string | number): string | number {
  const rate = (value: string | number) =>
    typeof value === "string" ? Number(value.slice(0, -1)) : undefined;
  const rateA = rate(a);
  const rateB = rate(b);
  if (rateA !== undefined && rateB !== undefined) return rateA >= rateB ? a : b;
  if (typeof a === "number" && typeof b === "number") return Math.max(a, b);
  return b;
}
