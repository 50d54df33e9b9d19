// The command-line surface: commands and flags, nothing else. Each action lives in its own file,
// loaded only when its command runs, so `--help` and small commands start fast.
import { Command, Option } from "commander";
import type { CliIo } from "./io.ts";
import { readOwnVersion } from "./version.ts";

const EXIT_CODES_HELP = `
Exit codes:
  0  no behavioural change beyond the gate (--max-changed)
  1  behavioural change
  2  bad usage, config or input
  3  a component could not be started at all
  130 interrupted (Ctrl-C); the partial report is still written, marked incomplete`;

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** Builds the commander program; `runTwinrun` parses argv with it, and each action reports its exit code. */
export function buildProgram(io: CliIo, exit: (code: number) => void): Command {
  const program = new Command("twinrun")
    .version(readOwnVersion(), "-V, --version", "print the version of twinrun")
    .description(
      "Run the old and new version of a pipeline component on the same inputs and report every behavioural change.",
    )
    .showHelpAfterError("(run with --help for usage)")
    .addHelpText("after", EXIT_CODES_HELP);

  const run = program
    .command("run")
    .description("run old and new on sampled inputs, compare the outputs, report and gate")
    .option(
      "-c, --config <file>",
      "config file (default: twinrun.config.yaml|yml|json in the working folder)",
    )
    .option(
      "--old <component>",
      "the old component: a command, py:<module>:<function>, nb:<notebook.ipynb>[:<function>] (a function from the notebook's cells that only define things — imports, def, class, constants — or the whole notebook as a dataset-mode batch step), js:<file>#<export> or an http(s):// URL",
    )
    .option(
      "--new <component>",
      "the new component: a command, py:<module>:<function>, nb:<notebook.ipynb>[:<function>], js:<file>#<export> or an http(s):// URL",
    )
    .addOption(
      new Option(
        "--mode <mode>",
        "how both components run: one process per input, long-lived workers, or dataset (once on the whole sample file: {input}, {output} in the command)",
      ).choices(["per-input", "worker", "dataset"]),
    )
    .option("--old-label <label>", "display label of the old side (default: old)")
    .option("--new-label <label>", "display label of the new side (default: new)")
    .option("--shell", "run the commands through a shell (pipes, globs)")
    .addOption(
      new Option(
        "--style <style>",
        "Python functions: function(dict) per input, or function(DataFrame)",
      ).choices(["record", "dataframe"]),
    )
    .option(
      "--batch-size <n>",
      "Python dataframe style: rows per call (default: the whole sample in one call)",
    )
    .option(
      "--python <interpreter>",
      "Python interpreter, e.g. .venv/bin/python (default: $TWINRUN_PYTHON, else python3)",
    )
    .option("-i, --input <file>", "input source: .jsonl, .json (array) or .csv")
    .addOption(formatOption("input format, when the extension does not tell"))
    .option("-n, --sample <n|all>", "how many inputs to sample (default 100)")
    .addOption(
      new Option("--strategy <strategy>", "sampling strategy (default cover)").choices([
        "first",
        "random",
        "cover",
        "stratified",
        "all",
      ]),
    )
    .option("--stratify-by <field>", "field for --strategy stratified")
    .option("--seed <int>", "sampling seed (default 0); also passed to components as TWINRUN_SEED")
    .option("--csv-strings", "keep CSV cells as text instead of inferring numbers")
    .addOption(
      new Option("--on-bad-input <action>", "malformed input records: fail (exit 2) or skip").choices([
        "fail",
        "skip",
      ]),
    )
    .addOption(
      new Option(
        "--dataset-format <format>",
        "dataset mode: format of the sample file the components read (default: the input's format)",
      ).choices(["csv", "jsonl", "json"]),
    )
    .addOption(
      new Option(
        "--output-format <format>",
        "dataset mode: format of the tables the components write (default: the sample file's format)",
      ).choices(["csv", "jsonl", "json", "parquet"]),
    )
    .option("--keep-temp", "dataset mode: keep the temporary folder with the sample and output files");
  addTableOptions(addCompareOptions(run))
    .option("--concurrency <n>", "trials run at once (default: CPU count)")
    .option(
      "--timeout <ms>",
      "per-input timeout in ms; the component's process tree is killed (default 10000, 0 = none; dataset mode: each side's whole run, default none)",
    )
    .option("--json <file>", "also write the JSON report to this file")
    .option("--examples <n>", "differing inputs to show (default 5)")
    .option("--max-changed <count|rate%>", "changed inputs the gate allows (default 0)")
    .option("--replay <report.json>", "rerun exactly the inputs (and settings) of an earlier report")
    .option("--only <index,...>", "with --replay: only these input indices")
    .option("--no-save", "do not keep the report at .twinrun/last-report.json")
    .option(
      "--base <git-ref>",
      "old = the new component as of this git ref (e.g. origin/main), run from a temporary worktree",
    )
    .option(
      "--shard <i/n>",
      "run only the i-th of n disjoint parts of the sample (combine with twinrun merge)",
    )
    .option(
      "--accepted <file>",
      "accepted-differences file (default: twinrun.accepted.yaml beside the config, or in the working folder)",
    )
    .option("--strict-accepted", "fail the gate when an accepted entry matched nothing")
    .option("--markdown <file>", "also write a Markdown summary (for a PR comment)")
    .option("--junit <file>", "also write a JUnit XML report (one testcase per changed path)")
    .option(
      "--reporter <name[=file]>",
      "write a reporter (terminal, json, markdown, junit, github) to stdout or a file (repeatable)",
      collect,
    )
    .option("--no-step-summary", "do not append the Markdown summary to $GITHUB_STEP_SUMMARY")
    .action(async (_options, command: Command) =>
      exit(await (await import("./run-command.ts")).runRunCommand(command, io)),
    );

  const diff = program
    .command("diff")
    .description(
      "compare two table files (.csv, .jsonl, .json array, .parquet) row by row, by key or by position",
    )
    .argument("<old-output>", "the old version's output file")
    .argument("<new-output>", "the new version's output file")
    .option("-c, --config <file>", "read compare/gate/report/table settings from this config file")
    .addOption(
      formatOption("format of both files, when the extension does not tell", [
        "jsonl",
        "json",
        "csv",
        "parquet",
      ]),
    )
    .option("--csv-strings", "keep CSV cells as text instead of inferring numbers");
  addTableOptions(addCompareOptions(diff))
    .option("--json <file>", "also write the JSON report to this file")
    .option("--markdown <file>", "also write a Markdown summary (for a pull-request comment) to this file")
    .option("--junit <file>", "also write a JUnit XML report")
    .option(
      "--reporter <name[=file]>",
      "write a reporter (terminal, json, markdown, junit, github) to stdout or a file (repeatable)",
      collect,
    )
    .option("--examples <n>", "differing rows to show (default 5)")
    .option("--max-changed <count|rate%>", "changed rows the gate allows (default 0)")
    .option("--no-save", "do not keep the report at .twinrun/last-diff.json")
    .action(async (oldPath: string, newPath: string, _options, command: Command) =>
      exit(await (await import("./diff-command.ts")).runDiffCommand(oldPath, newPath, command, io)),
    );

  program
    .command("init")
    .description("write a commented starter twinrun.config.yaml in the working folder")
    .option("--force", "overwrite an existing twinrun.config.yaml")
    .action(async (options: { force?: boolean }) =>
      exit(await (await import("./init-command.ts")).runInitCommand(options, io)),
    );

  program
    .command("accept")
    .description("write the differences of a report as accepted differences, for reviewers to commit")
    .argument("<report.json>", "the JSON report of a run (e.g. .twinrun/last-report.json)")
    .option("--out <file>", "accepted-differences file to write or update (default: twinrun.accepted.yaml)")
    .action(async (reportPath: string, options: { out?: string }) =>
      exit(await (await import("./accept-command.ts")).runAcceptCommand(reportPath, options, io)),
    );

  program
    .command("merge")
    .description("combine the reports of the shards of one sample (--shard i/n) into one report and verdict")
    .argument("<report.json...>", "the shard reports")
    .option("--json <file>", "also write the merged JSON report to this file")
    .option("--markdown <file>", "also write a Markdown summary")
    .option("--junit <file>", "also write a JUnit XML report")
    .option(
      "--reporter <name[=file]>",
      "write a reporter (terminal, json, markdown, junit, github) to stdout or a file (repeatable)",
      collect,
    )
    .option("--no-step-summary", "do not append the Markdown summary to $GITHUB_STEP_SUMMARY")
    .option("--no-save", "do not keep the merged report at .twinrun/last-report.json")
    .action(async (reportPaths: string[], _options, command: Command) =>
      exit(await (await import("./merge-command.ts")).runMergeCommand(reportPaths, command, io)),
    );

  return program;
}

/** The comparison flags `run` and `diff` share, one to one with the config's compare section. */
function addCompareOptions(command: Command): Command {
  return command
    .option("--abs <x>", "absolute tolerance for numbers (default 1e-12)")
    .option("--rel <x>", "relative tolerance for numbers (default 1e-9)")
    .option("--exact", "no numeric tolerance at all (abs = rel = 0)")
    .option("--ignore <pattern>", "ignore an output path (repeatable)", collect)
    .option("--tol <pattern=abs:x,rel:y>", "tolerance for one path pattern (repeatable)", collect)
    .option(
      "--unordered <pattern[:keyField]>",
      "compare an array as a multiset, or matched by a key field (repeatable)",
      collect,
    );
}

/** The table flags `run` and `diff` share, one to one with the config's table section. */
function addTableOptions(command: Command): Command {
  return command
    .option(
      "--key <column,...>",
      "match rows by these key columns instead of by position (tables: dataset mode, diff, Python dataframe style)",
    )
    .option("--column-order", "report a change in the order of columns")
    .option("--psi-max <x>", "fail when a column's population stability index (PSI) exceeds this, e.g. 0.1")
    .option(
      "--memory-limit <size>",
      "memory the table engine may use before it spills to disk (default 1GB)",
    );
}

function formatOption(description: string, formats = ["jsonl", "json", "csv"]): Option {
  return new Option("--format <format>", description).choices(formats);
}
