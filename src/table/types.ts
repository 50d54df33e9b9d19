// Table comparison's contracts: two tables (old and new) in, a TableReport out.
// A table is a stream of rows (objects of column → lossless value). Rows are matched by key
// columns or by position; every matched pair goes through the one comparator (a column name is
// a path), and per-column statistics, the schema and the distributions are collected beside it.

/**
 * The type of a column, from the kinds of its non-null values. `int` and `float` mixed is `float`
 * (JavaScript writes whole doubles as integers); under `numberTypes: loose` both are `number`.
 * Any other mix is `mixed`; a column with nothing but nulls is `null`.
 */
export type ColumnType =
  | "int"
  | "float"
  | "number"
  | "string"
  | "bool"
  | "object"
  | "array"
  | "null"
  | "mixed";

/** Table formats twinrun reads (inputs, outputs, `twinrun diff`); Parquet only as an output. */
export const TABLE_FORMATS = ["csv", "jsonl", "json", "parquet"] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];
/** Where a compared table was read from: a table file's format, or `duckdb` for a DuckDB database table. */
export type TableSourceFormat = TableFormat | "duckdb" | "postgres";
/** The formats a dataset-mode sample file can be written in. */
export const DATASET_FORMATS = ["csv", "jsonl", "json"] as const;
export type DatasetFormat = (typeof DATASET_FORMATS)[number];

/** How rows were paired. */
export type RowMatch = { by: "key"; key: string[] } | { by: "position" };

/** Where a row sits in its file, for examples. */
export interface RowLocation {
  /** 1-based line where the row starts (Parquet: 1-based row number). */
  line: number;
  /** Key columns' values (keyed matching only). */
  key?: Record<string, unknown>;
}

export interface SchemaReport {
  /** Column names per side, in file order. */
  columns: { old: string[]; new: string[] };
  onlyOld: string[];
  onlyNew: string[];
  /** Columns on both sides whose type differs (int→float, float→string, …). */
  typeChanges: { column: string; old: ColumnType; new: ColumnType }[];
  /** Each column's type per side. */
  types: { old: Record<string, ColumnType>; new: Record<string, ColumnType> };
  /** Present only when column order was asked for (`columnOrder: true`): true when the shared columns' order differs. */
  orderChanged?: boolean;
  /** Columns matched ignoring case (`ignoreColumnCase`): the new side's spelling of an old column. */
  caseMatched?: { old: string; new: string }[];
  /** pandas dtypes per column, when the tables came from DataFrames (the Python dataframe style). */
  dtypes?: { old: Record<string, string>; new: Record<string, string> };
  /** Columns on both sides whose pandas dtype differs (`int64 → Int64`, `object → category`). */
  dtypeChanges?: { column: string; old: string; new: string }[];
}

/** Keys that name more than one row on one side. */
export interface DuplicateKeys {
  /** Distinct keys seen more than once. */
  keys: number;
  /** Rows beyond the first of each duplicated key. */
  extraRows: number;
  /** The first few duplicated keys and the lines of their rows. */
  examples: { key: Record<string, unknown>; lines: number[] }[];
}

export interface RowsReport {
  old: number;
  new: number;
  /** Pairs compared (both sides have the row). */
  matched: number;
  onlyOld: number;
  onlyNew: number;
  /** The first few rows only on one side. */
  onlyOldExamples: RowLocation[];
  onlyNewExamples: RowLocation[];
  /**
   * Keyed matching only. Rows sharing a key are paired in file order (the 1st old with the 1st
   * new, …); surplus rows are only-old/only-new. Nothing is collapsed.
   */
  duplicates?: { old: DuplicateKeys; new: DuplicateKeys };
}

/** One column across the matched rows. */
export interface ColumnStats {
  column: string;
  /** Matched rows where the column could be compared (present on at least one side, not ignored). */
  compared: number;
  /** Matched rows with a difference in this column (beyond tolerance, type changes included). */
  changed: number;
  /** Over every matched row where both values are numbers (in-tolerance noise included). */
  maxAbs?: number;
  maxRel?: number;
  meanAbs?: number;
  /** Null (or absent) values per side, over matched rows. */
  nulls: { old: number; new: number };
  /** Matched rows where a value became null, and where a null became a value. */
  nullChanges: { toNull: number; fromNull: number };
  /** True when a rule ignores the column: it is shown but never counted as changed. */
  ignored?: boolean;
}

/** Summary statistics of one side of one numeric column (every row of the side, not only matched). */
export interface NumericSummary {
  count: number;
  mean: number;
  std: number;
  min: number;
  max: number;
  p1: number;
  p50: number;
  p99: number;
}

/** The distribution view of one numeric column. */
export interface DistributionStats {
  column: string;
  old: NumericSummary;
  new: NumericSummary;
  /** Population stability index over the old side's deciles (null when the old side has no spread to bin). */
  psi: number | null;
  /**
   * PSI's bins: bin i holds values ≤ edges[i] (the old side's distinct deciles), the last bin the
   * rest; rows per bin on each side. Absent in older reports.
   */
  bins?: { edges: number[]; old: number[]; new: number[] };
  /** True when quantiles and PSI were computed from a uniform sample of each side (large tables). */
  sampled?: boolean;
}

/** The most frequent values of one text column, counted on each side over all its rows. */
export interface CategoryStats {
  column: string;
  /** Distinct values over both sides. */
  distinct: number;
  /** Non-null values per side. */
  totals: { old: number; new: number };
  /** At most ten values, most frequent on either side first, with each side's count. */
  values: { value: string; old: number; new: number }[];
}

/** Everything table comparison adds to a report (`report.table`). */
export interface TableReport {
  match: RowMatch;
  schema: SchemaReport;
  rows: RowsReport;
  /** Sorted by changed rows, most first. */
  columns: ColumnStats[];
  distribution: DistributionStats[];
  /** Top values of the text columns both sides have (absent in older reports). */
  categories?: CategoryStats[];
  /** The PSI gate, when set: columns whose PSI exceeds it fail the gate. */
  psiMax?: number;
  /** Where the comparison ran (absent: the embedded engine, on files). */
  engine?: TableEngineUse;
  /** Files the comparison read (diff and dataset mode), with their sha256. */
  files?: { old: TableFileInfo; new: TableFileInfo };
}

/**
 * Where a table comparison ran: inside the database both sides live in (`pushdown`: only findings
 * and examples left it), or in the embedded engine, with the sides named in `streamed` read from
 * their database.
 */
export type TableEngineUse =
  | { kind: "pushdown"; database: string; databaseMs: number }
  | {
      kind: "embedded";
      streamed: ("old" | "new")[];
      /** Both sides were in one database, but the comparison could not run there: why. */
      declined?: string;
    };

export interface TableFileInfo {
  /** The file read (for a database reference: the database file). */
  path: string;
  format: TableSourceFormat;
  /** The file's sha256 (for a database reference: the whole database file's). */
  sha256: string;
  /** The table reference the side came from (`duckdb:<file>?table=…`); absent for a table file. */
  reference?: string;
}
