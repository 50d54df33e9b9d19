// The config sections about tables: `dataset` (how dataset-mode components get the sample and
// give their output) and `table` (how two tables are compared: dataset mode, `twinrun diff`,
// the Python dataframe style).
import { z } from "zod";
import { DATASET_FORMATS, TABLE_FORMATS } from "../table/types.ts";
import { MEMORY_LIMIT_PATTERN } from "./memory-limit.ts";
import { flag, integerAtLeast, nonNegativeNumber, oneOf, stringList } from "./schema-leaves.ts";

/** Why: dataset mode's files: the sample's format, the output's format, and whether to keep them. */
export const datasetSchema = z
  .strictObject(
    {
      format: oneOf(
        DATASET_FORMATS,
        "Format of the sample file dataset-mode components read (default: the input source's format).",
      ).optional(),
      outputFormat: oneOf(
        TABLE_FORMATS,
        "Format of the table dataset-mode components write (default: the sample file's format).",
      ).optional(),
      keepTemp: flag(
        "Keep the temporary folder with the sample and output files, and say where it is (default false).",
      ).optional(),
      repeat: integerAtLeast(
        1,
        "Run each side's batch step this many times, in alternating order, and state the slowdown of new against old with a confidence interval (default 1; gate.maxSlowdown needs 5 or more). The first run's outputs are compared.",
      ).optional(),
    },
    { error: "a mapping like { format: csv, outputFormat: parquet }" },
  )
  .describe(
    "Dataset mode (mode: dataset): each side runs once on the whole sample, written to a file; their output tables are compared.",
  );

/** Why: how rows of two tables are paired and what besides values is checked. */
export const tableSchema = z
  .strictObject(
    {
      key: stringList(
        "Column(s) identifying a row, e.g. id or [region, month]; rows are matched by them instead of by position.",
      ).optional(),
      columnOrder: flag("Report a change in the order of columns (default false).").optional(),
      ignoreColumnCase: flag(
        "Match column names (key columns too) ignoring case, e.g. Score with score; the report lists each pair so matched (default false).",
      ).optional(),
      psiMax: nonNegativeNumber(
        "Fail the gate when a column's population stability index (PSI) between old and new exceeds this (e.g. 0.1).",
      ).optional(),
      memoryLimit: z
        .string()
        .regex(MEMORY_LIMIT_PATTERN, { error: "a size such as 1GB, 512MB or 2GiB" })
        .describe(
          "Memory the table engine may use before it spills to disk (default 1GB), e.g. 512MB or 4GB.",
        )
        .optional(),
      pushdown: flag(
        "Compare two tables of one Postgres database inside it (default true); false streams both into the embedded engine.",
      ).optional(),
    },
    { error: "a mapping like { key: [id], psiMax: 0.1 }" },
  )
  .describe("How tables are compared: dataset mode, twinrun diff and the Python dataframe style.");
