// `twinrun init`: a commented starter twinrun.config.yaml showing every section, its keys and
// their defaults. Active keys hold the defaults, so writing the file changes no behaviour.
import { access, writeFile } from "node:fs/promises";
import path from "node:path";
import { TwinrunError } from "../errors.ts";
import { CONFIG_FILE_NAMES } from "./load-config-file.ts";

/** Where editors find the schema once twinrun is installed in a project. */
export const PACKAGED_SCHEMA_PATH = "./node_modules/twinrun/schema/twinrun.schema.json";

const STARTER_LINES = [
  `# yaml-language-server: $schema=${PACKAGED_SCHEMA_PATH}`,
  "# twinrun runs the OLD and the NEW version of a pipeline component on the same sampled inputs",
  "# and reports every behavioural change. Run it with: npx twinrun run",
  "# Paths are relative to this file. Flags (--old, --sample, --tol, ...) override these settings.",
  "",
  "input:",
  "  path: inputs.jsonl # the input source: .jsonl, .json (an array of records) or .csv",
  "  # format: jsonl # jsonl | json | csv, when the file extension does not tell",
  '  sample: 100 # how many inputs to run, or "all"',
  "  strategy: cover # first | random | cover | stratified | all",
  "  seed: 0 # sampling seed; components also get it as TWINRUN_SEED",
  "  # stratifyBy: segment # the field to balance on, for strategy: stratified",
  "  csvStrings: false # CSV: keep every cell as text instead of inferring numbers",
  "  onBadInput: fail # a malformed input record: fail (exit 2) or skip it",
  "",
  "# Take the old side from git: new's settings, run from a temporary worktree of this ref.",
  "# base: origin/main # then old needs no command (old: { setup: ... } may still tune it)",
  "",
  "# SQL components (sql:<file.sql>) run their queries in this database; no input source is read.",
  "# database: postgresql://analyst@localhost:5432/shop # or duckdb:warehouse.duckdb; password from PGPASSWORD or ~/.pgpass",
  "",
  "old:",
  "  command: python3 features_old.py # the version you trust",
  "  mode: per-input # per-input: one process per input | worker: long-lived, one JSON line in and out",
  "  # mode: dataset # a batch step, run once on the whole sample (both sides), e.g. with",
  "  # command: python3 build.py --in {input} --out {output} # no {input}: sample on stdin; no {output}: stdout",
  "  # cwd: . # the command's working folder (default: this file's folder)",
  '  # env: { MY_SETTING: "1" } # environment for this side only',
  "  # label: main@3f2a # display name in reports (default: old)",
  "  shell: false # run the command through a shell (pipes, globs)",
  "  # setup: pip install -e . # run once in cwd before the component starts (with base: in the worktree)",
  "  # A Python function instead of a command (replace command, mode and shell with these):",
  "  # adapter: python # command (default) | python | notebook | module | http | sql",
  "  # module: features_old # imported from cwd first, then path",
  "  # function: build_features",
  "  # style: record # record: function(dict) per input | dataframe: function(DataFrame) per batch",
  "  # python: .venv/bin/python # the interpreter (default: $TWINRUN_PYTHON, else python3)",
  "  # path: [src] # extra sys.path entries, after cwd",
  "  # batchSize: 1000 # dataframe: rows per call (default: the whole sample in one call)",
  "  # key: [customer_id] # dataframe: match rows by these columns instead of by position",
  "  # seedEachCall: false # seed random and numpy.random from TWINRUN_SEED before every call",
  "  # A Jupyter notebook instead: a function from its defining cells (imports, def, class, constants),",
  "  # called like a Python function above; or, without function, the whole notebook as a batch step:",
  "  # adapter: notebook",
  "  # notebook: explore.ipynb # relative to this file; its folder is the default cwd",
  "  # parameters: { input: input_path, output: output_path } # whole notebook: injected after the cell tagged parameters",
  "  # kernel: python3 # whole notebook: a named Jupyter kernel (default: an ipykernel of python itself)",
  "  # A JavaScript or TypeScript function instead (runs in worker threads; TypeScript needs no build):",
  "  # adapter: module",
  "  # file: src/score_old.ts # relative to this file",
  "  # export: score # the exported function (default: the default export)",
  "  # An HTTP endpoint instead (each input is POSTed as JSON; the JSON response is the output):",
  "  # adapter: http",
  `  # url: http://127.0.0.1:\${TWINRUN_PORT}/score # \${NAME} reads an environment variable`,
  "  # method: POST # POST | PUT | PATCH | GET | DELETE",
  `  # headers: { Authorization: "Bearer \${API_TOKEN}" } # values from the environment never reach reports`,
  `  # bodyTemplate: '{"instances": [{{input}}]}' # default: the input's JSON as the body`,
  "  # timeout: 2000 # per-request timeout for this side (default: run.timeout)",
  `  # start: { command: node server_old.mjs, healthUrl: http://127.0.0.1:\${TWINRUN_PORT}/health, timeout: 30000 }`,
  "  # A SQL query instead (its result is the output table; both sides, with database above):",
  "  # adapter: sql",
  "  # file: models/features_old.sql # one SELECT, relative to this file",
  "  # database: duckdb:warehouse.duckdb # this side's own database (default: database above)",
  "",
  "new:",
  "  command: python3 features_new.py # the refactor under test",
  "  mode: per-input",
  "  # label: working tree # display name in reports (default: new)",
  "  shell: false",
  "",
  "# Environment for both sides. TZ=UTC, PYTHONHASHSEED=0 and TWINRUN_SEED are set already.",
  '# env: { OMP_NUM_THREADS: "1" }',
  "",
  "compare:",
  "  # Numbers are equal when |old - new| <= max(abs, rel * max(|old|, |new|)), like Python's",
  "  # math.isclose; add ulps: 4 to also accept 4 units in the last place.",
  "  tolerance: { abs: 1.0e-12, rel: 1.0e-9 }",
  "  exact: false # true: no numeric tolerance at all (abs = rel = 0)",
  "  nan: equal # equal: NaN equals NaN | unequal",
  "  signedZero: false # true: -0 differs from 0",
  "  numberTypes: strict # strict: 1 turning into 1.0 is a type change | loose: it is not",
  "  nullEqualsMissing: false # true: null and a missing key are the same",
  "  failureMessage: match # match: two failures are the same when kind and message match | ignore: kind only",
  "  maxDifferencesPerTrial: 1000 # stop collecting differences for one input after this many",
  "  # Per-path rules; the most specific pattern wins. Patterns: a.b, a.*, a.**, **.ts, emb[*], rows[*].x",
  "  rules: []",
  "  # rules:",
  "  #   - { path: meta.generated_at, ignore: true } # a timestamp: differs on every run",
  "  #   - { path: tags, unordered: true } # the order carries no meaning",
  "  #   - { path: items, unordered: { key: id } } # match list items by their id",
  '  #   - { path: "embedding[*]", tolerance: { abs: 1.0e-6 } }',
  "  #   - { path: name, trim: true, caseInsensitive: true, unicode: NFC }",
  '  #   - { path: raw, numericStrings: true } # "1.50" equals "1.5"',
  "",
  "# Old against old first: on paths where old differs from itself (ids, timestamps, float noise),",
  "# only differences beyond that noise count. true: on min(50, sample) inputs; or a count.",
  "# calibrate: true",
  "",
  "# Tables (dataset mode, twinrun diff, the Python dataframe style): how rows are paired and checked.",
  "# table:",
  "#   key: [customer_id] # match rows by these columns (default: by position)",
  "#   columnOrder: false # true: report a change in the order of columns",
  "#   ignoreColumnCase: false # true: match column names (key columns too) ignoring case",
  "#   psiMax: 0.1 # fail when a column's population stability index exceeds this",
  "#   memoryLimit: 1GB # memory the table engine may use before it spills to disk",
  "#   pushdown: true # two tables of one Postgres database are compared inside it",
  "",
  "# Dataset mode (mode: dataset on both sides): the sample file and the output tables.",
  "# dataset:",
  "#   format: csv # the sample file: csv | jsonl | json (default: the input source's format)",
  "#   outputFormat: parquet # the outputs: csv | jsonl | json | parquet (default: the sample's format)",
  "#   keepTemp: false # true: keep the folder with the sample and outputs, to look at them",
  "#   repeat: 5 # run each side's batch step 5 times for the slowdown's interval (default 1)",
  "",
  "run:",
  "  # concurrency: 4 # trials run at once (default: the CPU count)",
  "  timeout: 10000 # per-input timeout in ms; the component's processes are killed (0 = none)",
  "  # in dataset mode it bounds each side's whole run (default there: none): raise it, or set 0",
  "  # outputLimit: 64 # MB read from one output; a larger one is not compared (the trial is inconclusive)",
  "",
  "gate:",
  '  maxChanged: 0 # changed inputs allowed before exit 1: a count, or a rate of trials like "2%"',
  "  # accepted: twinrun.accepted.yaml # approved differences (default: this file, beside the config, if present)",
  "  # strictAccepted: false # true: an accepted entry that matched nothing fails the gate",
  "  # maxSlowdown: 2 # fail when new is slower than 2x old with 95% confidence (default: no slowdown gate)",
  "",
  "report:",
  "  # json: twinrun-report.json # also write the JSON report here",
  "  examples: 5 # differing inputs to show",
  "  save: true # keep .twinrun/last-report.json, which --replay reads",
  "  # markdown: twinrun-summary.md # a Markdown summary for a PR comment",
  "  # junit: twinrun-junit.xml # JUnit XML for CI test dashboards (one testcase per changed path)",
  "  # html: twinrun-report.html # one self-contained page with plots, to open in a browser",
  "  # reporters: [github, markdown=twinrun-summary.md] # reporters by name, to stdout or a file",
  "  # stepSummary: true # append the Markdown summary to $GITHUB_STEP_SUMMARY when it is set",
  '  # targetRate: "0.1%" # the report says how large a random sample rules out this change rate',
  "  # writeCalibration: twinrun.calibration.yaml # with calibrate: the rules that would replace it, for review",
];

/** Why: `twinrun init` writes this; tests check it validates and states the real defaults. */
export function renderStarterConfig(): string {
  return `${STARTER_LINES.join("\n")}\n`;
}

/**
 * Why: a starter must never silently replace a user's config, nor shadow a .yml/.json one
 * (twinrun.config.yaml is looked for first). Returns the absolute path written.
 */
export async function writeStarterConfig(dir: string, options: { force: boolean }): Promise<string> {
  const target = path.join(dir, CONFIG_FILE_NAMES[0]);
  if (!options.force) {
    for (const name of CONFIG_FILE_NAMES) {
      if (await exists(path.join(dir, name))) {
        throw new TwinrunError(
          "USAGE",
          `${name} already exists in ${dir}; keep it, or replace it with "twinrun init --force"`,
        );
      }
    }
  }
  await writeFile(target, renderStarterConfig(), { encoding: "utf8", flag: options.force ? "w" : "wx" });
  return target;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
