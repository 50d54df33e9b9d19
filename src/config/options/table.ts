// The option table: every command with its arguments and flags. The commander program
// (src/cli/program.ts), the flag types (RunFlags, DiffFlags, MergeFlags) and docs/cli.md
// (`npm run docs`) are all made from it, so a flag is added here and nowhere else.
import { TABLE_FORMATS } from "../../table/types.ts";
import { RUN_OPTIONS, SHRINK_BUDGET_OPTIONS } from "./run.ts";
import { COMPARE_OPTIONS, REPORTER_OPTION, STEP_SUMMARY_OPTION, TABLE_OPTIONS } from "./shared.ts";
import type { CommandSpec, FlagsOf } from "./spec.ts";

/** Why: `twinrun diff` reads the comparison, table, gate and report settings `run` does. */
export const DIFF_OPTIONS = [
  {
    flags: "-c, --config <file>",
    help: "read compare/gate/report/table settings from this config file",
    doc: "read the compare, gate, report and table settings from this config file",
  },
  {
    flags: "--format <format>",
    help: "format of both files, when the extension does not tell",
    choices: TABLE_FORMATS,
  },
  { flags: "--csv-strings", help: "keep CSV cells as text instead of inferring numbers" },
  ...COMPARE_OPTIONS,
  ...TABLE_OPTIONS,
  { flags: "--json <file>", help: "also write the JSON report to this file", config: ["report.json"] },
  {
    flags: "--markdown <file>",
    help: "also write a Markdown summary (for a pull-request comment) to this file",
    config: ["report.markdown"],
  },
  { flags: "--junit <file>", help: "also write a JUnit XML report", config: ["report.junit"] },
  {
    flags: "--html <file>",
    help: "also write an HTML report (one self-contained page with plots)",
    config: ["report.html"],
  },
  REPORTER_OPTION,
  { flags: "--examples <n>", help: "differing rows to show (default 5)", config: ["report.examples"] },
  {
    flags: "--max-changed <count|rate%>",
    help: "changed rows the gate allows (default 0)",
    config: ["gate.maxChanged"],
  },
  {
    flags: "--no-save",
    help: "do not keep the report at .twinrun/last-diff.json",
    config: ["report.save: false"],
    doc: "do not keep the report at `.twinrun/last-diff.json`",
  },
] as const;

export const INIT_OPTIONS = [
  {
    flags: "--force",
    help: "overwrite an existing twinrun.config.yaml",
    doc: "overwrite an existing `twinrun.config.yaml`",
  },
] as const;

export const ACCEPT_OPTIONS = [
  {
    flags: "--out <file>",
    help: "accepted-differences file to write or update (default: twinrun.accepted.yaml)",
    doc: "accepted-differences file to write or update (default: the accepted file the run read, when it is on this machine, else `twinrun.accepted.yaml` in the working folder)",
  },
] as const;

/** Why: `twinrun merge` writes the reports a run writes, from the shards' reports. */
export const MERGE_OPTIONS = [
  { flags: "--json <file>", help: "also write the merged JSON report to this file" },
  { flags: "--markdown <file>", help: "also write a Markdown summary" },
  { flags: "--junit <file>", help: "also write a JUnit XML report" },
  { flags: "--html <file>", help: "also write an HTML report (one self-contained page with plots)" },
  REPORTER_OPTION,
  STEP_SUMMARY_OPTION,
  {
    flags: "--no-save",
    help: "do not keep the merged report at .twinrun/last-report.json",
    doc: "do not keep the merged report at `.twinrun/last-report.json`",
  },
] as const;

/** Why: `twinrun shrink` reruns one input of a report; only the target and the budgets are its own. */
export const SHRINK_OPTIONS = [
  {
    flags: "--path <path>",
    help: "the changed path to keep (default: the input's first difference), e.g. age_bucket or items[*].price",
  },
  ...SHRINK_BUDGET_OPTIONS,
] as const;

/** What commander hands the run action; the API gives the same shape. */
export type RunFlags = FlagsOf<typeof RUN_OPTIONS>;
export type DiffFlags = FlagsOf<typeof DIFF_OPTIONS>;
export type InitFlags = FlagsOf<typeof INIT_OPTIONS>;
export type AcceptFlags = FlagsOf<typeof ACCEPT_OPTIONS>;
export type MergeFlags = FlagsOf<typeof MERGE_OPTIONS>;
export type ShrinkFlags = FlagsOf<typeof SHRINK_OPTIONS>;

/** Why: every command, in `twinrun --help` order. */
export const COMMANDS = [
  {
    name: "run",
    description: "run old and new on sampled inputs, compare the outputs, report and gate",
    arguments: [],
    options: RUN_OPTIONS,
  },
  {
    name: "diff",
    description:
      "compare two table files (.csv, .jsonl, .json array, .parquet) row by row, by key or by position",
    arguments: [
      { syntax: "<old-output>", help: "the old version's output file" },
      { syntax: "<new-output>", help: "the new version's output file" },
    ],
    options: DIFF_OPTIONS,
  },
  {
    name: "init",
    description: "write a commented starter twinrun.config.yaml in the working folder",
    arguments: [],
    options: INIT_OPTIONS,
  },
  {
    name: "accept",
    description: "write the differences of a report as accepted differences, for reviewers to commit",
    arguments: [
      { syntax: "<report.json>", help: "the JSON report of a run (e.g. .twinrun/last-report.json)" },
    ],
    options: ACCEPT_OPTIONS,
  },
  {
    name: "merge",
    description: "combine the reports of the shards of one sample (--shard i/n) into one report and verdict",
    arguments: [{ syntax: "<report.json...>", help: "the shard reports" }],
    options: MERGE_OPTIONS,
  },
  {
    name: "shrink",
    description:
      "rerun one changed input of a report and shrink it to the smallest input that shows the same change",
    arguments: [
      { syntax: "<report.json>", help: "the JSON report of a run (e.g. .twinrun/last-report.json)" },
      { syntax: "<index>", help: "the input's index in the report's sample (as in --only)" },
    ],
    options: SHRINK_OPTIONS,
  },
] as const satisfies readonly CommandSpec[];

/** The names of the commands. */
export type CommandName = (typeof COMMANDS)[number]["name"];

/** Why: one command's spec by name, for the program and the docs. */
export function commandSpec(name: CommandName): CommandSpec {
  const spec = COMMANDS.find((command) => command.name === name);
  if (spec === undefined) throw new Error(`twinrun bug: no command ${name}`);
  return spec;
}
