// `twinrun diff`: compare two existing table files (CSV, JSONL, JSON array, Parquet) or DuckDB /
// Postgres database tables row by row, through the same comparator, aggregator, report and gate as `twinrun run`.
import path from "node:path";
import { findUnusedTableRules } from "../compare/rule-usage.ts";
import type { ResolvedDiffConfig } from "../config/resolve-diff.ts";
import { buildReport } from "../report/build-report.ts";
import type { Report } from "../report/types.ts";
import { compareTableFiles, type TableSide } from "../table/compare-table-files.ts";
import { tableComparisonOptions } from "../table/comparison-options.ts";
import { detectTableFormat } from "../table/detect-table-format.ts";
import { describeTableReference, type TableReference } from "../table/table-reference.ts";
import type { TableFormat } from "../table/types.ts";

/** Compares the two files of the config and returns the finished report. */
export async function diffFiles(config: ResolvedDiffConfig, cwd = process.cwd()): Promise<Report> {
  const startedAt = Date.now();
  const oldSide = tableSide(config.oldPath, config.oldReference, config.format);
  const newSide = tableSide(config.newPath, config.newReference, config.format);
  const oldFormat = "reference" in oldSide ? oldSide.reference.kind : oldSide.format;
  const newFormat = "reference" in newSide ? newSide.reference.kind : newSide.format;
  const { key } = config.table;
  const { aggregate, table, schemaChanged } = await compareTableFiles({
    old: oldSide,
    new: newSide,
    csvStrings: config.csvStrings,
    comparison: tableComparisonOptions(config.compare, config.table, config.report.examples),
  });
  const display = (file: string) => path.relative(cwd, file) || file;
  // How each side is named: its file, or its reference with the database file as the user sees it
  // (a Postgres URL without its password).
  const source = (file: string, reference: TableReference | undefined) =>
    reference === undefined ? display(file) : describeTableReference(reference, display);
  const oldSource = source(config.oldPath, config.oldReference);
  const newSource = source(config.newPath, config.newReference);
  return buildReport({
    kind: "tables",
    complete: true,
    maxChanged: config.gate.maxChanged,
    components: {
      old: { label: "old", spec: `${oldSource} (${countRows(table.rows.old)})` },
      new: { label: "new", spec: `${newSource} (${countRows(table.rows.new)})` },
    },
    sample: {
      source:
        config.newReference === undefined ? config.newPath : describeTableReference(config.newReference),
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
          ...(table.files.old.reference !== undefined && { reference: table.files.old.reference }),
        },
        new: {
          path: config.newPath,
          format: newFormat,
          sha256: table.files.new.sha256,
          rows: table.rows.new,
          ...(table.files.new.reference !== undefined && { reference: table.files.new.reference }),
        },
        ...(key !== undefined && { key }),
      },
      compare: config.compare,
    },
    table: { table, schemaChanged },
    unusedRules: findUnusedTableRules(
      config.compare.rules,
      table.schema.columns,
      config.table.ignoreColumnCase,
    ),
  });
}

/** A table file in its format, or a database reference (which --format does not apply to). */
function tableSide(
  file: string,
  reference: TableReference | undefined,
  format: TableFormat | undefined,
): TableSide {
  return reference === undefined ? { path: file, format: detectTableFormat(file, format) } : { reference };
}

function countRows(count: number): string {
  return `${count.toLocaleString("en-US")} row${count === 1 ? "" : "s"}`;
}
