// Flags more than one command takes with the same meaning: comparison, tables, reporters.
import { REPORTER_NAMES } from "../../reporters/names.ts";

/** Why: the comparison flags `run` and `diff` share, one to one with the config's compare section. */
export const COMPARE_OPTIONS = [
  {
    flags: "--abs <x>",
    help: "absolute tolerance for numbers (default 1e-12)",
    config: ["compare.tolerance.abs"],
  },
  {
    flags: "--rel <x>",
    help: "relative tolerance for numbers (default 1e-9)",
    config: ["compare.tolerance.rel"],
  },
  { flags: "--exact", help: "no numeric tolerance at all (abs = rel = 0)", config: ["compare.exact"] },
  {
    flags: "--ignore <pattern>",
    help: "ignore an output path (repeatable)",
    repeatable: true,
    config: ["compare.rules[] {path, ignore: true}"],
    doc: "ignore an output path or a column (repeatable)",
  },
  {
    flags: "--tol <pattern=abs:x,rel:y>",
    help: "tolerance for one path pattern (repeatable)",
    repeatable: true,
    config: ["compare.rules[] {path, tolerance}"],
    doc: 'tolerance for one path or column (repeatable): `<pattern>=abs:<x>,rel:<y>[,ulps:<n>][,sig:<n>]`, e.g. `--tol "score=rel:1e-6"` or `--tol "price=sig:6"` (agree to 6 significant digits)',
  },
  {
    flags: "--unordered <pattern[:keyField]>",
    help: "compare an array as a multiset, or matched by a key field (repeatable)",
    repeatable: true,
    config: ["compare.rules[] {path, unordered}"],
    doc: "order-free array, or matched by a key field (repeatable), e.g. `--unordered tags`, `--unordered items:id`",
  },
  {
    flags: "--timestamps <pattern>",
    help: "compare strings that read as ISO 8601 dates or date-times at this path as instants (repeatable)",
    repeatable: true,
    config: ["compare.rules[] {path, timestamps}"],
    doc: "compare dates and date-times at a path or column as instants (repeatable): `2017-01-01` = `2017-01-01 00:00:00` = a Parquet timestamp then; no offset is UTC",
  },
] as const;

/** Why: the table flags `run` and `diff` share, one to one with the config's table section. */
export const TABLE_OPTIONS = [
  {
    flags: "--key <column,...>",
    help: "match rows by these key columns instead of by position (tables: dataset mode, diff, Python dataframe style)",
    config: ["table.key"],
  },
  {
    flags: "--column-order",
    help: "report a change in the order of columns",
    config: ["table.columnOrder"],
    doc: "report (and gate on) a changed column order",
  },
  {
    flags: "--ignore-column-case",
    help: "match column names (key columns too) ignoring case",
    config: ["table.ignoreColumnCase"],
    doc: "match column names (key columns too) ignoring case (`Score` with `score`); the report lists each pair so matched",
  },
  {
    flags: "--psi-max <x>",
    help: "fail when a column's population stability index (PSI) exceeds this, e.g. 0.1",
    config: ["table.psiMax"],
  },
  {
    flags: "--memory-limit <size>",
    help: "memory the table engine may use before it spills to disk (default 1GB)",
    config: ["table.memoryLimit"],
    doc: "the table engine's memory limit (default `1GB`); past it the engine spills to a temp folder",
  },
] as const;

/** Why: `--reporter <name>[=file]`, the same for run, diff and merge. */
export const REPORTER_OPTION = {
  flags: "--reporter <name[=file]>",
  help: `write a reporter (${REPORTER_NAMES.join(", ")}) to stdout or a file (repeatable)`,
  repeatable: true,
  config: ["report.reporters"],
  doc: `write a reporter (${REPORTER_NAMES.join(", ")}) to stdout or a file; repeatable; with one on stdout the terminal report is left out`,
} as const;

/** Why: CI runs append their Markdown summary to GitHub's step summary unless told not to. */
export const STEP_SUMMARY_OPTION = {
  flags: "--no-step-summary",
  help: "do not append the Markdown summary to $GITHUB_STEP_SUMMARY",
  config: ["report.stepSummary: false"],
  doc: "do not append the Markdown summary to `$GITHUB_STEP_SUMMARY`",
} as const;
