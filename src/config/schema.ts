// The user config (twinrun.config.yaml|yml|json): the single source of truth for validation,
// for the UserConfig type and for the published JSON Schema (scripts/write-schema.ts).
// Every object is strict: an unknown key is an error with a "did you mean …?" suggestion.
import { z } from "zod";
import { BAD_INPUT_ACTIONS, INPUT_FORMATS, SAMPLE_STRATEGIES } from "../inputs/types.ts";
import { REPORTER_NAMES } from "../reporters/names.ts";
import { componentSchema } from "./schema-components.ts";
import {
  anyInteger,
  envMap,
  flag,
  integerAtLeast,
  maxChangedValue,
  nonNegativeNumber,
  oneOf,
  pathPattern,
  positiveNumber,
  targetRateValue,
  text,
} from "./schema-leaves.ts";
import { datasetSchema, tableSchema } from "./schema-tables.ts";

const SAMPLE_EXPECTED = 'a positive integer or "all"';
const UNORDERED_EXPECTED = "true, false or { key: <field> }";
const CALIBRATE_EXPECTED = "true, false or a number of inputs >= 1";

const toleranceSchema = z
  .strictObject(
    {
      abs: nonNegativeNumber("Absolute tolerance: numbers within this distance are equal.").optional(),
      rel: nonNegativeNumber(
        "Relative tolerance, a fraction of the larger magnitude (1e-9 = 0.0000001%).",
      ).optional(),
      ulps: integerAtLeast(0, "Numbers within this many units in the last place are equal too.").optional(),
      sig: integerAtLeast(
        1,
        "Numbers that agree to this many significant digits are equal too (as numpy's assert_approx_equal).",
      ).optional(),
    },
    { error: "a mapping like { abs: 1e-12, rel: 1e-9 }" },
  )
  .describe(
    "Numbers are equal when |old-new| <= max(abs, rel * max(|old|, |new|)), as Python's math.isclose.",
  );

const nanSchema = oneOf(["equal", "unequal"], "Whether NaN equals NaN (default equal).");
const numberTypesSchema = oneOf(
  ["strict", "loose"],
  "strict: an int that became an integral float (1 vs 1.0) is a type change; loose: it is not.",
);

const unorderedSchema = z
  .union(
    [
      z.boolean({ error: UNORDERED_EXPECTED }),
      z.strictObject(
        { key: text("Field whose value matches old elements with new ones.") },
        { error: UNORDERED_EXPECTED },
      ),
    ],
    { error: UNORDERED_EXPECTED },
  )
  .describe("true: compare the array as a multiset; { key: id }: match elements by a key field.");

const ruleSchema = z
  .strictObject(
    {
      path: pathPattern('Output path pattern: a.b, a.*, a.**, **.ts, emb[*], rows[*].score, ["odd key"].'),
      tolerance: toleranceSchema.optional(),
      ignore: flag("Ignore this path entirely.").optional(),
      unordered: unorderedSchema.optional(),
      trim: flag("Compare strings without leading/trailing whitespace.").optional(),
      caseInsensitive: flag("Compare strings ignoring case.").optional(),
      unicode: oneOf(["NFC"], "Normalise strings to this Unicode form before comparing.").optional(),
      numericStrings: flag('Compare strings that hold numbers ("1.50" vs "1.5") as numbers.').optional(),
      timestamps: flag(
        "Compare strings that read as ISO 8601 dates or date-times as instants (2017-01-01 = 2017-01-01 00:00:00 = 2017-01-01T01:00:00+01:00); no offset means UTC.",
      ).optional(),
      nullEqualsMissing: flag("Treat null and a missing key as the same.").optional(),
      nan: nanSchema.optional(),
      signedZero: flag("Tell -0 from 0.").optional(),
      numberTypes: numberTypesSchema.optional(),
    },
    { error: "a rule mapping like { path: tags, unordered: true }" },
  )
  .describe(
    "A path rule; the most specific matching pattern wins, later rules win ties; options a rule leaves unset come from compare's settings.",
  );

const inputSchema = z
  .strictObject(
    {
      path: text("Input source file (.jsonl, .json array, .csv), relative to this config file.").optional(),
      format: oneOf(INPUT_FORMATS, "Input format, when the file extension does not tell.").optional(),
      sample: z
        .union(
          [
            z.int({ error: SAMPLE_EXPECTED }).min(1, { error: SAMPLE_EXPECTED }),
            z.literal("all", { error: SAMPLE_EXPECTED }),
          ],
          { error: SAMPLE_EXPECTED },
        )
        .describe('How many inputs to sample, or "all" (default 100).')
        .optional(),
      strategy: oneOf(
        SAMPLE_STRATEGIES,
        "Sampling strategy (default cover; all when sample is all).",
      ).optional(),
      seed: anyInteger("Sampling seed (default 0); also given to components as TWINRUN_SEED.").optional(),
      stratifyBy: text("Field for the stratified strategy.").optional(),
      csvStrings: flag(
        "CSV: keep every cell as text instead of inferring numbers (default false).",
      ).optional(),
      onBadInput: oneOf(
        BAD_INPUT_ACTIONS,
        "A malformed input record: fail the run with exit 2, or skip it and count it (default fail).",
      ).optional(),
    },
    { error: "a mapping like { path: inputs.jsonl, sample: 100 }" },
  )
  .describe("Where inputs come from and which ones a run uses.");

const compareSchema = z
  .strictObject(
    {
      tolerance: toleranceSchema
        .describe(
          "Numbers are equal when |old-new| <= max(abs, rel * max(|old|, |new|)), as Python's math.isclose (default { abs: 1e-12, rel: 1e-9 }).",
        )
        .optional(),
      exact: flag(
        "No numeric tolerance at all (abs = rel = 0); overrides tolerance (default false).",
      ).optional(),
      nan: nanSchema.optional(),
      signedZero: flag("Tell -0 from 0 (default false).").optional(),
      numberTypes: oneOf(
        ["strict", "loose"],
        "strict: an int that became an integral float (1 vs 1.0) is a type change; loose: it is not (default strict).",
      ).optional(),
      nullEqualsMissing: flag("Treat null and a missing key as the same (default false).").optional(),
      failureMessage: oneOf(
        ["match", "ignore"],
        "match: two failures are the same only when kind and message match; ignore: kind only (default match).",
      ).optional(),
      maxDifferencesPerTrial: integerAtLeast(
        1,
        "Stop collecting differences for one input after this many (default 1000).",
      ).optional(),
      rules: z
        .array(ruleSchema, { error: "a list of rules like - { path: tags, unordered: true }" })
        .describe("Per-path rules: tolerance, ignore, unordered, string normalisation.")
        .optional(),
    },
    { error: "a mapping like { tolerance: { rel: 1e-9 } }" },
  )
  .describe("How outputs are compared.");

/** Why: validates a config file (or a report's settings) and is the source of the JSON Schema. */
export const userConfigSchema = z
  .strictObject(
    {
      input: inputSchema.optional(),
      base: text(
        "Git ref (branch, tag, commit) the old side is checked out from into a temporary worktree; old then defaults to new's settings.",
      ).optional(),
      database: text(
        "The database SQL components (sql:<file>) run in: a postgresql://[user@]host[:port]/database URL (password also from PGPASSWORD or ~/.pgpass) or duckdb:<file>.",
      ).optional(),
      old: componentSchema("old").optional(),
      new: componentSchema("new").optional(),
      env: envMap(
        "Extra environment for both sides (overrides TZ, PYTHONHASHSEED, TWINRUN_SEED).",
      ).optional(),
      compare: compareSchema.optional(),
      calibrate: z
        .union(
          [
            z.boolean({ error: CALIBRATE_EXPECTED }),
            z.int({ error: CALIBRATE_EXPECTED }).min(1, { error: CALIBRATE_EXPECTED }),
          ],
          { error: CALIBRATE_EXPECTED },
        )
        .describe(
          "Run old twice on this many sampled inputs first (true: min(50, sample); tables: the whole sample); differences on paths where old differs from itself count only beyond that noise.",
        )
        .optional(),
      table: tableSchema.optional(),
      dataset: datasetSchema.optional(),
      run: z
        .strictObject(
          {
            concurrency: integerAtLeast(1, "Trials run at once (default: CPU count).").optional(),
            timeout: integerAtLeast(
              0,
              "Per-input timeout in ms (default 10000, 0 = none); in dataset mode, the timeout of each side's whole run (default none).",
            ).optional(),
            outputLimit: positiveNumber(
              "Largest output read from one component for one input, in MB (default: $TWINRUN_MAX_OUTPUT_MB, else 64); a larger output is not compared and makes its trial inconclusive.",
            ).optional(),
          },
          { error: "a mapping like { concurrency: 2, timeout: 10000, outputLimit: 64 }" },
        )
        .describe("How trials run.")
        .optional(),
      gate: z
        .strictObject(
          {
            maxChanged: maxChangedValue(
              'Changed inputs allowed: a count (default 0) or a rate like "2%".',
            ).optional(),
            accepted: text(
              "Accepted-differences file, relative to this config file (default: twinrun.accepted.yaml beside it, when present).",
            ).optional(),
            strictAccepted: flag("Fail when an accepted entry matched nothing (default false).").optional(),
            maxSlowdown: z
              .number({ error: "a number >= 1, e.g. 2" })
              .min(1, { error: "a number >= 1, e.g. 2" })
              .describe(
                "Fail when new is slower than this many times old with 95% confidence, e.g. 2 (default: no slowdown gate).",
              )
              .optional(),
          },
          { error: "a mapping like { maxChanged: 0 }" },
        )
        .describe("When a run fails (exit 1).")
        .optional(),
      shrink: z
        .strictObject(
          {
            examples: integerAtLeast(
              0,
              "Examples (the report's first) to shrink to minimal inputs after the run (default 0).",
            ).optional(),
            maxSteps: integerAtLeast(
              1,
              "Steps per input, each running both components once on a smaller candidate (default 200).",
            ).optional(),
            timeBudget: integerAtLeast(0, "Time per input in ms (default 30000, 0 = none).").optional(),
          },
          { error: "a mapping like { examples: 1, maxSteps: 200, timeBudget: 30000 }" },
        )
        .describe("Shrinking changed inputs to the smallest input that shows the same change.")
        .optional(),
      report: z
        .strictObject(
          {
            json: text("Also write the JSON report here, relative to this config file.").optional(),
            examples: integerAtLeast(0, "Differing inputs to show (default 5).").optional(),
            save: flag("Keep the report at .twinrun/last-report.json (default true).").optional(),
            markdown: text(
              "Also write a Markdown summary here (for a PR comment), relative to this config file.",
            ).optional(),
            junit: text(
              "Also write a JUnit XML report here (for CI test dashboards), relative to this config file.",
            ).optional(),
            html: text(
              "Also write an HTML report here (one self-contained page with plots), relative to this config file.",
            ).optional(),
            reporters: z
              .array(
                text(
                  "A reporter and its file, `<name>[=<file>]` (file relative to this config file; none: stdout).",
                ),
              )
              .describe(
                `Reporters to write: ${REPORTER_NAMES.join(", ")}; e.g. [markdown=summary.md, junit=junit.xml].`,
              )
              .optional(),
            targetRate: targetRateValue(
              'A change rate the sample should rule out, e.g. "0.1%": the report states the random sample that takes.',
            ).optional(),
            writeCalibration: text(
              "With calibrate: write the rules that would replace the calibration into this config file, for review.",
            ).optional(),
            stepSummary: flag(
              "Append the Markdown summary to $GITHUB_STEP_SUMMARY when it is set (default true).",
            ).optional(),
          },
          { error: "a mapping like { examples: 5 }" },
        )
        .describe("What the run writes and shows.")
        .optional(),
    },
    {
      error:
        "a mapping of sections (input, base, database, old, new, env, compare, calibrate, table, dataset, run, gate, shrink, report)",
    },
  )
  .meta({
    title: "twinrun configuration",
    description:
      "twinrun.config.yaml: run the old and new version of a pipeline component on the same inputs.",
  });

/** The config as a user writes it (every key optional). */
export type UserConfig = z.infer<typeof userConfigSchema>;
export type UserCompareRule = z.infer<typeof ruleSchema>;
