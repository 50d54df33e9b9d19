// The flags of `twinrun run`, in `--help` order: components, inputs, dataset mode, comparison,
// tables, the run, the gate and the reports.
import { COMMAND_MODES } from "../../../adapters/command/types.ts";
import { PYTHON_STYLES } from "../../../adapters/python/types.ts";
import { BAD_INPUT_ACTIONS, INPUT_FORMATS, SAMPLE_STRATEGIES } from "../../inputs/types.ts";
import { DATASET_FORMATS, TABLE_FORMATS } from "../../table/types.ts";
import { COMPARE_OPTIONS, REPORTER_OPTION, STEP_SUMMARY_OPTION, TABLE_OPTIONS } from "./shared.ts";

/** Why: what a run's components are and how they run. */
const COMPONENT_OPTIONS = [
  {
    flags: "-c, --config <file>",
    help: "config file (default: twinrun.config.yaml|yml|json in the working folder)",
    doc: "config file; default: `twinrun.config.yaml`, `.yml` or `.json` in the working folder",
  },
  {
    flags: "--old <component>",
    help: "the old component: a command, py:<module>:<function>, nb:<notebook.ipynb>[:<function>] (a function from the notebook's cells that only define things — imports, def, class, constants — or the whole notebook as a dataset-mode batch step), js:<file>#<export>, an http(s):// URL or sql:<file.sql> (with --database)",
    config: ["old", "old.command"],
    doc: "the old component: a command, `py:<module>:<function>`, `nb:<file.ipynb>[:<function>]`, `js:<file>#<export>`, an `http(s)://` URL ([components](components.md)) or `sql:<file.sql>` ([SQL models](sql.md))",
  },
  {
    flags: "--new <component>",
    help: "the new component: a command, py:<module>:<function>, nb:<notebook.ipynb>[:<function>], js:<file>#<export>, an http(s):// URL or sql:<file.sql>",
    config: ["new", "new.command"],
    doc: "the new component, spelled as `--old`'s",
  },
  {
    flags: "--database <url>",
    help: "where sql:<file> components run: postgresql://[user@]host[:port]/database (password from PGPASSWORD or ~/.pgpass) or duckdb:<file>",
    config: ["database"],
    doc: "where `sql:<file>` components run: `postgresql://[user@]host[:port]/database` (password from `PGPASSWORD` or `~/.pgpass`) or `duckdb:<file>` ([SQL models](sql.md))",
  },
  {
    flags: "--mode <mode>",
    help: "how both components run: one process per input, long-lived workers, or dataset (once on the whole sample file: {input}, {output} in the command)",
    choices: COMMAND_MODES,
    config: ["old.mode", "new.mode"],
    doc: "how both components run (default `per-input`); `dataset`: a batch step run once on the whole sample ([Tables](tables.md#dataset-mode))",
  },
  {
    flags: "--old-label <label>",
    help: "display label of the old side (default: old)",
    config: ["old.label"],
  },
  {
    flags: "--new-label <label>",
    help: "display label of the new side (default: new)",
    config: ["new.label"],
  },
  {
    flags: "--shell",
    help: "run the commands through a shell (pipes, globs)",
    config: ["old.shell", "new.shell"],
    doc: "run the commands through `sh -c` (pipes, globs, `$VARS`)",
  },
  {
    flags: "--style <style>",
    help: "Python functions: function(dict) per input, or function(DataFrame)",
    choices: PYTHON_STYLES,
    config: ["old.style", "new.style"],
    doc: "Python functions: `function(dict)` per input, or `function(DataFrame)` per batch ([Python](python.md#dataframe-style))",
  },
  {
    flags: "--batch-size <n>",
    help: "Python dataframe style: rows per call (default: the whole sample in one call)",
    config: ["old.batchSize", "new.batchSize"],
  },
  {
    flags: "--python <interpreter>",
    help: "Python interpreter, e.g. .venv/bin/python (default: $TWINRUN_PYTHON, else python3)",
    config: ["old.python", "new.python"],
    doc: "Python interpreter, e.g. `.venv/bin/python` (default: `$TWINRUN_PYTHON`, else `python3`)",
  },
] as const;

/** Why: where the inputs come from and which ones a run uses. */
const INPUT_OPTIONS = [
  {
    flags: "-i, --input <file>",
    help: "input source: .jsonl, .json (array), .csv, or postgresql://…?table=… / ?query=…",
    config: ["input.path"],
    doc: "input source: `.jsonl`/`.ndjson`, `.json` (an array), `.csv`, or a Postgres table or query (`postgresql://user@host/db?table=schema.name`, `…?query=<SQL>`; see [inputs](inputs.md))",
  },
  {
    flags: "--format <format>",
    help: "input format, when the extension does not tell",
    choices: INPUT_FORMATS,
    config: ["input.format"],
  },
  {
    flags: "-n, --sample <n|all>",
    help: "how many inputs to sample (default 100)",
    config: ["input.sample"],
    doc: "how many inputs (default 100; in dataset mode all)",
  },
  {
    flags: "--strategy <strategy>",
    help: "sampling strategy (default cover)",
    choices: SAMPLE_STRATEGIES,
    config: ["input.strategy"],
    doc: "sampling strategy (default `cover`) ([Inputs](inputs.md))",
  },
  {
    flags: "--stratify-by <field>",
    help: "field for --strategy stratified",
    config: ["input.stratifyBy"],
  },
  {
    flags: "--seed <int>",
    help: "sampling seed (default 0); also passed to components as TWINRUN_SEED",
    config: ["input.seed"],
    doc: "sampling seed (default 0); components get it as `TWINRUN_SEED`",
  },
  {
    flags: "--csv-strings",
    help: "keep CSV cells as text instead of inferring numbers",
    config: ["input.csvStrings"],
  },
  {
    flags: "--on-bad-input <action>",
    help: "malformed input records: fail (exit 2) or skip",
    choices: BAD_INPUT_ACTIONS,
    config: ["input.onBadInput"],
    doc: "a malformed input record fails the run (exit 2) or is skipped and counted",
  },
] as const;

/** Why: dataset mode's files. */
const DATASET_OPTIONS = [
  {
    flags: "--dataset-format <format>",
    help: "dataset mode: format of the sample file the components read (default: the input's format)",
    choices: DATASET_FORMATS,
    config: ["dataset.format"],
  },
  {
    flags: "--output-format <format>",
    help: "dataset mode: format of the tables the components write (default: the sample file's format)",
    choices: TABLE_FORMATS,
    config: ["dataset.outputFormat"],
  },
  {
    flags: "--keep-temp",
    help: "dataset mode: keep the temporary folder with the sample and output files",
    config: ["dataset.keepTemp"],
    doc: "dataset mode: keep the sample and output files; the report names the folder",
  },
  {
    flags: "--repeat <n>",
    help: "dataset mode: run each side's batch step n times for the slowdown's confidence interval (default 1; --max-slowdown needs 5 or more)",
    config: ["dataset.repeat"],
    doc: "dataset mode: run each side's batch step n times, alternating, for the slowdown figure and its interval; `--max-slowdown` needs n ≥ 5 ([Reports](reports.md#the-slowdown-gate))",
  },
] as const;

/** Why: shrinking's budgets, shared by `run --shrink` and `twinrun shrink`. */
export const SHRINK_BUDGET_OPTIONS = [
  {
    flags: "--shrink-steps <n>",
    help: "shrinking: steps per input, each running both components once (default 200)",
    config: ["shrink.maxSteps"],
  },
  {
    flags: "--shrink-time <ms>",
    help: "shrinking: time per input in ms (default 30000, 0 = none)",
    config: ["shrink.timeBudget"],
  },
] as const;

const SHRINK_OPTIONS = [
  {
    flags: "--shrink [k]",
    help: "after the run, shrink the report's first k examples (default 1) to minimal inputs that show the same change",
    config: ["shrink.examples"],
    doc: "after the run, shrink the report's first k examples (bare `--shrink`: 1) to minimal inputs that show the same change; each is written to `.twinrun/minimal/` with a repro command ([shrinking](hints.md#shrinking-the-smallest-input-that-shows-a-change))",
  },
  ...SHRINK_BUDGET_OPTIONS,
] as const;

/** Why: how trials run, which inputs a replay reruns, the gate and the reports. */
const RUN_AND_REPORT_OPTIONS = [
  {
    flags: "--concurrency <n>",
    help: "trials run at once (default: CPU count)",
    config: ["run.concurrency"],
    doc: "trials at once (default: CPU count); in worker mode, processes per side",
  },
  {
    flags: "--timeout <ms>",
    help: "per-input timeout in ms; the component's process tree is killed (default 10000, 0 = none; dataset mode: each side's whole run, default none)",
    config: ["run.timeout"],
  },
  {
    flags: "--output-limit <MB>",
    help: "largest output twinrun reads from one component for one input, in MB (default: $TWINRUN_MAX_OUTPUT_MB, else 64); a larger one makes the trial inconclusive",
    config: ["run.outputLimit"],
    doc: "largest output read from one component for one input, in MB (default: `$TWINRUN_MAX_OUTPUT_MB`, else 64); a larger output is not compared and makes its trial inconclusive",
  },
  {
    flags: "--json <file>",
    help: "also write the JSON report to this file",
    config: ["report.json"],
    doc: "also write the JSON report to this file (atomically)",
  },
  {
    flags: "--examples <n>",
    help: "differing inputs to show (default 5)",
    config: ["report.examples"],
    doc: "differing inputs shown and kept in the report (default 5)",
  },
  {
    flags: "--max-changed <count|rate%>",
    help: "changed inputs the gate allows (default 0)",
    config: ["gate.maxChanged"],
    doc: "changed inputs the gate allows (default 0), e.g. `3` or `0.5%`",
  },
  {
    flags: "--replay <report.json>",
    help: "rerun exactly the inputs (and settings) of an earlier report",
    doc: "rerun exactly the inputs and settings of an earlier report ([replay](inputs.md))",
  },
  { flags: "--only <index,...>", help: "with --replay: only these input indices" },
  {
    flags: "--no-save",
    help: "do not keep the report at .twinrun/last-report.json",
    config: ["report.save: false"],
    doc: "do not keep the report at `.twinrun/last-report.json`",
  },
  {
    flags: "--base <git-ref>",
    help: "old = the new component as of this git ref (e.g. origin/main), run from a temporary worktree",
    config: ["base"],
    doc: "the old side is the new side's component as of this ref, run from a temporary `git worktree` ([CI](ci.md#the-old-side-from-git---base))",
  },
  {
    flags: "--shard <i/n>",
    help: "run only the i-th of n disjoint parts of the sample (combine with twinrun merge)",
    doc: "run only the i-th of n disjoint parts of the sample ([sharding](ci.md#sharding---shard-and-twinrun-merge))",
  },
  {
    flags: "--accepted <file>",
    help: "accepted-differences file (default: twinrun.accepted.yaml beside the config, or in the working folder)",
    config: ["gate.accepted"],
    doc: "accepted-differences file (default: `twinrun.accepted.yaml` beside the config, or in the working folder) ([Accepted differences](accepted.md))",
  },
  {
    flags: "--strict-accepted",
    help: "fail the gate when an accepted entry matched nothing",
    config: ["gate.strictAccepted"],
  },
  {
    flags: "--calibrate [n]",
    help: "run old twice on n sampled inputs first (default min(50, sample); tables: the whole sample); differences on paths where old differs from itself count only beyond that noise",
    config: ["calibrate"],
    doc: "run old against old on n sampled inputs first (default min(50, sample); tables: the whole sample); on its noisy paths (columns) only differences beyond that noise count ([Reports](reports.md#calibration-old-against-old))",
  },
  {
    flags: "--write-calibration <file>",
    help: "with --calibrate: write the rules that would replace the calibration into this config file, for review",
    config: ["report.writeCalibration"],
  },
  {
    flags: "--target-rate <rate%>",
    help: "a change rate the sample should rule out, e.g. 0.1%: the report states the random sample that takes",
    config: ["report.targetRate"],
    doc: "a change rate the sample should rule out, e.g. `0.1%`: the report states how large a random sample that takes ([the bound](reports.md#what-the-sample-rules-out))",
  },
  {
    flags: "--max-slowdown <x>",
    help: "fail when new is slower than x times old with 95% confidence, e.g. 2",
    config: ["gate.maxSlowdown"],
    doc: "fail (exit 1) when new is slower than x times old with 95% confidence, e.g. `2` ([the slowdown gate](reports.md#the-slowdown-gate))",
  },
  {
    flags: "--markdown <file>",
    help: "also write a Markdown summary (for a PR comment)",
    config: ["report.markdown"],
  },
  {
    flags: "--junit <file>",
    help: "also write a JUnit XML report (one testcase per changed path)",
    config: ["report.junit"],
  },
  {
    flags: "--html <file>",
    help: "also write an HTML report (one self-contained page with plots)",
    config: ["report.html"],
  },
  REPORTER_OPTION,
  STEP_SUMMARY_OPTION,
  ...SHRINK_OPTIONS,
] as const;

/** Why: every flag of `twinrun run`, in `--help` order. */
export const RUN_OPTIONS = [
  ...COMPONENT_OPTIONS,
  ...INPUT_OPTIONS,
  ...DATASET_OPTIONS,
  ...COMPARE_OPTIONS,
  ...TABLE_OPTIONS,
  ...RUN_AND_REPORT_OPTIONS,
] as const;
