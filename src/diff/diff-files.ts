// `twinrun diff`: compare two existing table files (CSV, JSONL, JSON array, Parquet) row by row,
// through the same comparator, aggregator, report and gate as `twinrun run`.
import path from "node:path";
import { findUnusedTableRules } from "../compare/rule-usage.ts";
import type { ResolvedDiffConfig } from "../config/resolve-diff.ts";
import { buildReport } from "../report/build-report.ts";
import type { Report } from "../report/types.ts";
import { compareTableFiles } from "../table/compare-table-files.ts";
import { tableComparisonOptions } from "../table/comparison-options.ts";
import { detectTableFormat } from "../table/detect-table-format.ts";

/** Compares the two files of the config and returns the finished report. */
export async function diffFiles(config: ResolvedDiffConfig, cwd = process.cwd()): Promise<Report> {
  const startedAt = Date.now();
  const oldFormat = detectTableFormat(config.oldPath, config.format);
  const newFormat = detectTableFormat(config.newPath, config.format);
  const { key } = config.table;
  const { aggregate, table, schemaChanged } = await compareTableFiles({
    old: { path: config.oldPath, format: oldFormat },
    new: { path: config.newPath, format: newFormat },
    csvStrings: config.csvStrings,
    comparison: tableComparisonOptions(config.compare, config.table, config.report.examples),
  });
  const display = (file: string) => path.relative(cwd, file) || file;
  return buildReport({
    kind: "tables",
    complete: true,
    maxChanged: config.gate.maxChanged,
    components: {
      old: { label: "old", spec: `${display(config.oldPath)} (${countRows(table.rows.old)})` },
      new: { label: "new", spec: `${display(config.newPath)} (${countRows(table.rows.new)})` },
    },
    sample: {
      source: config.newPath,
      format: newFormat,
      sha256: table.files.new.sha256,
      strategy: "all",
      size: aggregate.summary.trials,
      seed: 0,
      indices: [],
      totalRecords: table.rows.new,
      skipped: 0,
    },
    summary: aggregate.summary,
    paths: aggregate.paths,
    examples: aggregate.examples,
    ...(aggregate.inconclusive !== undefined && { inconclusive: aggregate.inconclusive }),
    timing: { ...aggregate.timing, wallMs: Date.now() - startedAt },
    settings: {
      diff: {
        old: {
          path: config.oldPath,
          format: oldFormat,
          sha256: table.files.old.sha256,
          rows: table.rows.old,
        },
        new: {
          path: config.newPath,
          format: newFormat,
          sha256: table.files.new.sha256,
          rows: table.rows.new,
        },
        ...(key !== undefined && { key }),
      },
      compare: config.compare,
    },
    table: { table, schemaChanged },
    unusedRules: findUnusedTableRules(config.compare.rules, table.schema.columns),
  });
}

function countRows(count: number): string {
  return `${count.toLocaleString("en-US")} row${count === 1 ? "" : "s"}`;
}
