// `twinrun diff`: compare two existing output files record by record, through the same
// comparator, aggregator, report and gate as `twinrun run`.
import path from "node:path";
import type { Outcome } from "../../adapters/types.ts";
import { Aggregator } from "../aggregate/aggregator.ts";
import { createComparator } from "../compare/comparator.ts";
import type { CompareResult } from "../compare/types.ts";
import type { ResolvedDiffConfig } from "../config/resolve-diff.ts";
import { TwinrunError } from "../errors.ts";
import { evaluateGate } from "../gate/gate.ts";
import { detectFormat } from "../inputs/detect-format.ts";
import { parseLossless } from "../json/parse.ts";
import { stringifyLossless } from "../json/stringify.ts";
import type { Report } from "../report/types.ts";
import type { TrialResult } from "../runner/types.ts";
import { describeKey, matchByKey, matchByPosition, type RecordPair } from "./match-records.ts";
import { readOutputFile } from "./read-output-file.ts";

/** Compares the two files of the config and returns the finished report. */
export async function diffFiles(config: ResolvedDiffConfig, cwd = process.cwd()): Promise<Report> {
  const startedAt = Date.now();
  const format = detectSharedFormat(config);
  const [oldFile, newFile] = await Promise.all([
    readOutputFile(config.oldPath, format, config.csvStrings),
    readOutputFile(config.newPath, format, config.csvStrings),
  ]);
  const pairs =
    config.key === undefined
      ? matchByPosition(oldFile.records, newFile.records)
      : matchByKey(config.key, { path: config.oldPath, ...oldFile }, { path: config.newPath, ...newFile });

  const comparator = createComparator(config.compare);
  const aggregator = new Aggregator({ maxExamples: config.report.examples });
  pairs.forEach((pair, index) => {
    aggregator.add(toTrial(index, pair, (oldText, newText) => comparator.compareTexts(oldText, newText)));
  });

  const aggregate = aggregator.result();
  const gate = evaluateGate(aggregate.summary, config.gate.maxChanged);
  const display = (file: string) => path.relative(cwd, file) || file;
  return {
    tool: "twinrun",
    reportVersion: 1,
    createdAt: new Date().toISOString(),
    complete: true,
    verdict: gate.verdict,
    components: {
      old: { label: "old", spec: `${display(config.oldPath)} (${oldFile.records.length} records)` },
      new: { label: "new", spec: `${display(config.newPath)} (${newFile.records.length} records)` },
    },
    sample: {
      source: config.newPath,
      format,
      sha256: newFile.sha256,
      strategy: "all",
      size: pairs.length,
      seed: 0,
      indices: [],
      totalRecords: newFile.records.length,
      skipped: 0,
    },
    summary: aggregate.summary,
    paths: aggregate.paths,
    examples: aggregate.examples,
    timing: { ...aggregate.timing, wallMs: Date.now() - startedAt },
    gate: { maxChanged: gate.maxChanged, passed: gate.passed, exitCode: gate.exitCode },
    settings: {
      diff: {
        old: { path: config.oldPath, sha256: oldFile.sha256, records: oldFile.records.length },
        new: { path: config.newPath, sha256: newFile.sha256, records: newFile.records.length },
        ...(config.key !== undefined && { key: config.key }),
      },
      compare: config.compare,
    },
  };
}

function detectSharedFormat(config: ResolvedDiffConfig) {
  const oldFormat = detectFormat(config.oldPath, config.format);
  const newFormat = detectFormat(config.newPath, config.format);
  if (oldFormat !== newFormat) {
    throw new TwinrunError(
      "USAGE",
      `mismatched files: ${config.oldPath} is ${oldFormat} but ${config.newPath} is ${newFormat}; ` +
        "twinrun diff compares two files of the same format (convert one, or pass --format to read both alike)",
    );
  }
  return oldFormat;
}

const placeholder: Outcome = { status: "ok", text: "null", value: null, durationMs: 0 };

/** One pair as a trial; a record on one side only is an `added`/`removed` difference at `$`. */
function toTrial(
  index: number,
  pair: RecordPair,
  compareTexts: (a: string, b: string) => CompareResult,
): TrialResult {
  const inputText = describePair(pair);
  if (pair.old !== undefined && pair.new !== undefined) {
    return {
      index,
      inputText,
      old: { status: "ok", text: pair.old.text, durationMs: 0 },
      new: { status: "ok", text: pair.new.text, durationMs: 0 },
      comparison: compareTexts(pair.old.text, pair.new.text),
    };
  }
  const present = (pair.old ?? pair.new)!;
  const value = parseLossless(present.text);
  const outcome: Outcome = { status: "ok", text: present.text, value, durationMs: 0 };
  const onlyOld = pair.old !== undefined;
  return {
    index,
    inputText,
    old: onlyOld ? outcome : placeholder,
    new: onlyOld ? placeholder : outcome,
    absent: onlyOld ? "new" : "old",
    comparison: {
      differences: [
        onlyOld ? { path: "$", kind: "removed", old: value } : { path: "$", kind: "added", new: value },
      ],
      truncated: false,
    },
  };
}

function describePair(pair: RecordPair): string {
  const where = [
    pair.old !== undefined ? `old line ${pair.old.line}` : "not in old",
    pair.new !== undefined ? `new line ${pair.new.line}` : "not in new",
  ].join(" · ");
  if (pair.key !== undefined)
    return stringifyLossless(pair.key) === "{}" ? where : `${describeKey(pair.key)} · ${where}`;
  return `record ${(pair.new ?? pair.old)!.position} · ${where}`;
}
