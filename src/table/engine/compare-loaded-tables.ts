// Comparing two tables loaded into the engine: pair the rows, hand the differing cells to the
// record comparator, and compute everything else (statistics, schema, distributions) in SQL.
// Every pair that differs becomes one trial for the usual aggregator, so the gate, accepted
// differences and every reporter work as for records; unchanged pairs are only counted.
import { type AggregateResult, Aggregator, toExample } from "../../aggregate/aggregator.ts";
import { createComparator } from "../../compare/comparator.ts";
import type { Hint } from "../../hints/types.ts";
import type { Example } from "../../report/types.ts";
import type { TrialResult } from "../../runner/types.ts";
import { ChangedPathsLog } from "../hints/changed-paths-log.ts";
import { attachTableHints, findTableHints } from "../hints/table-hints.ts";
import { RowExamples } from "../row-examples.ts";
import { matchRulesToColumnCase } from "../rule-column-case.ts";
import type { TableComparisonOptions, TableComparisonResult, TableNoise } from "../table-comparison.ts";
import type { ColumnStats, RowLocation, TableReport } from "../types.ts";
import { countCategories } from "./category-counts.ts";
import { matchColumnCase } from "./column-case.ts";
import { planColumns } from "./column-plan.ts";
import { anyNanUnequal, anySignedZero, columnRules } from "./column-rules.ts";
import { pairColumnStats } from "./column-stats.ts";
import { decodeCell, setCell } from "./decode-cell.ts";
import { changedColumnsOf, collectHanded, type HandedTrial, handOver, rawRow } from "./handover.ts";
import { cellTextSql, type LoadedTable } from "./load-table.ts";
import { pairRows } from "./pair-rows.ts";
import { linesOfRows } from "./row-lines.ts";
import { rowPairExample, rowPairTrial } from "./row-pair-example.ts";
import { compareDistributions, compareSchemas, isSchemaChanged } from "./schema-view.ts";
import { profileSides } from "./side-profiles.ts";
import type { TableEngine } from "./table-engine.ts";

const ONE_SIDED_EXAMPLES = 5;

/** What a comparison gets besides two tables: pandas dtypes, trials that are not row pairs. */
export interface ComparisonExtras {
  dtypes?: { old: Record<string, string>; new: Record<string, string> };
  /** Trials that are not row pairs (a dataframe batch that failed); they come after the rows. */
  otherTrials?: Omit<TrialResult, "index">[];
}

type Candidate = HandedTrial & { trial?: TrialResult };

/** Why: one implementation of "compare two tables" for `twinrun diff`, dataset mode and dataframes. */
export async function compareLoadedTables(
  engine: TableEngine,
  oldTable: LoadedTable,
  givenNewTable: LoadedTable,
  givenOptions: TableComparisonOptions,
  extras: ComparisonExtras = {},
): Promise<TableComparisonResult> {
  const caseMatch =
    givenOptions.ignoreColumnCase === true
      ? matchColumnCase(
          oldTable,
          givenNewTable,
          givenOptions.match.by === "key" ? givenOptions.match.key : undefined,
        )
      : undefined;
  const newTable = caseMatch?.newTable ?? givenNewTable;
  const options: TableComparisonOptions =
    caseMatch === undefined
      ? givenOptions
      : {
          ...givenOptions,
          ...(caseMatch.key !== undefined && { match: { by: "key", key: caseMatch.key } }),
          compare: {
            ...givenOptions.compare,
            rules: matchRulesToColumnCase(givenOptions.compare.rules, [
              ...new Set([...oldTable.columns, ...newTable.columns]),
            ]),
          },
        };
  const comparator = createComparator(options.compare);
  const rulesOf = columnRules(options.compare);
  const ignores = (column: string) => comparator.ignoresKey(column);
  const columns = planColumns(oldTable, newTable, ignores);
  const key = options.match.by === "key" ? options.match.key : undefined;
  const counts = await pairRows(engine, oldTable, newTable, options.match, rulesOf);
  const profiles = await profileSides(engine, oldTable, newTable, (column) => {
    const rules = rulesOf(column);
    // Numbers that agree to N significant digits are at most 10^(1-N) apart, relatively.
    const rel = rules.sig > 0 ? Math.max(rules.relTolerance, 10 ** (1 - rules.sig)) : rules.relTolerance;
    return { abs: rules.absTolerance, rel };
  });
  const masks = {
    old: profiles.old.map((profile) => profile.mask),
    new: profiles.new.map((profile) => profile.mask),
  };

  const aggregator = new Aggregator({ maxExamples: 0 });
  const picker = new RowExamples<Candidate>(options.maxExamples);
  const changedByColumn = new Map<string, number>();
  const typeChanged = new Set<string>();
  let changedRows = 0;
  const addTrial = (trial: TrialResult, candidate: Candidate) => {
    aggregator.add(trial);
    options.onTrial?.(trial);
    picker.add(candidate);
  };
  const handover = {
    engine,
    old: oldTable,
    new: newTable,
    columns,
    ...(key !== undefined && { key }),
    comparator,
    nanUnequal: anyNanUnequal(options.compare),
    signedZero: anySignedZero(options.compare),
    rulesOf,
    masks,
  };
  await collectHanded(handover);
  const changedPaths = await ChangedPathsLog.open(engine);
  await handOver(handover, (given) => {
    changedRows++;
    const handed = judgeNoise(options.noise, given);
    const trial = rowPairTrial(handed);
    options.noise?.add(trial);
    // Only old's own noise differed: the pair counts as same (no example, no hint, no column change).
    if (handed.comparison.differences.length === 0) return aggregator.add(trial);
    if (handed.oldRow !== undefined && handed.newRow !== undefined)
      changedPaths.add(handed.oldRow, handed.comparison.differences);
    for (const column of changedColumnsOf(handed.comparison.differences))
      changedByColumn.set(column, (changedByColumn.get(column) ?? 0) + 1);
    for (const difference of handed.comparison.differences) {
      if (difference.kind === "type") {
        const column = changedColumnsOf([difference]).values().next().value;
        if (column !== undefined) typeChanged.add(column);
      }
    }
    addTrial(trial, handed);
  });
  changedPaths.finish();
  const hints = await findTableHints(engine, oldTable, changedPaths, {
    matched: counts.matched,
    ...(key !== undefined && { key }),
  });
  const rowTrials = counts.matched + counts.onlyOld + counts.onlyNew;
  options.noise?.addUnchanged(rowTrials - changedRows);
  for (const [i, other] of (extras.otherTrials ?? []).entries()) {
    const trial = { ...other, index: rowTrials + i };
    options.noise?.add(trial);
    if (trial.comparison.differences.length === 0) {
      aggregator.add(trial);
      continue;
    }
    addTrial(trial, { index: trial.index, comparison: trial.comparison, trial });
  }

  const pairStats = await pairColumnStats(engine, oldTable, newTable, columns, profiles);
  const looseNumbers = options.compare.numberTypes === "loose";
  const schema = compareSchemas(oldTable, newTable, profiles, {
    looseNumbers,
    columnOrder: options.columnOrder,
    // Where the cells decide a column's type, it changed only where the comparator saw a cell change type.
    typeFollowsCells: (column) => {
      const stats = pairStats.find((entry) => entry.column === column);
      return stats !== undefined && stats.bothValues > 0 && !typeChanged.has(column);
    },
  });
  if (caseMatch !== undefined && caseMatch.matched.length > 0) schema.caseMatched = caseMatch.matched;
  if (
    extras.dtypes !== undefined &&
    (Object.keys(extras.dtypes.old).length > 0 || Object.keys(extras.dtypes.new).length > 0)
  ) {
    const { dtypes } = extras;
    schema.dtypes = dtypes;
    schema.dtypeChanges = Object.keys(dtypes.old)
      .filter((column) => column in dtypes.new && dtypes.old[column] !== dtypes.new[column])
      .map((column) => ({ column, old: dtypes.old[column], new: dtypes.new[column] }));
  }
  const distribution = compareDistributions(oldTable, newTable, profiles, schema);
  const categories = await countCategories(engine, oldTable, newTable, schema);

  const columnStats: ColumnStats[] = pairStats
    .filter((stats) => stats.compared > 0)
    .map(({ bothValues: _bothValues, ...stats }) => ({
      ...stats,
      changed: changedByColumn.get(stats.column) ?? 0,
      ...(ignores(stats.column) && { ignored: true }),
    }));
  const order = new Map(columns.map((column, i) => [column.name, i]));
  columnStats.sort(
    (a, b) => b.changed - a.changed || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0),
  );

  const examples = await fillExamples(engine, oldTable, newTable, picker.result(), key);
  const oneSided = await oneSidedExamples(engine, oldTable, newTable, key);
  const table: TableReport = {
    match: options.match,
    schema,
    rows: {
      old: oldTable.rows,
      new: newTable.rows,
      matched: counts.matched,
      onlyOld: counts.onlyOld,
      onlyNew: counts.onlyNew,
      onlyOldExamples: oneSided.old,
      onlyNewExamples: oneSided.new,
      ...(counts.duplicates !== undefined && { duplicates: counts.duplicates }),
    },
    columns: columnStats,
    distribution,
    categories,
    ...(options.psiMax !== undefined && { psiMax: options.psiMax }),
  };
  const schemaChanged = isSchemaChanged(schema, ignores);
  return {
    aggregate: withUnchanged(aggregator.result(), rowTrials - changedRows, examples, hints),
    table,
    schemaChanged,
  };
}

/** A handed row pair with the differences within old's own noise moved aside (none without calibration). */
function judgeNoise(noise: TableNoise | undefined, handed: HandedTrial): HandedTrial {
  if (noise === undefined) return handed;
  const comparison = noise.split(handed.comparison);
  return comparison === handed.comparison ? handed : { ...handed, comparison };
}

/** Why: the aggregate of the changed trials, with the unchanged row pairs counted in (both engines). */
export function withUnchanged(
  result: AggregateResult,
  unchanged: number,
  examples: Example[],
  hints: Map<string, Hint[]>,
): AggregateResult {
  return {
    ...result,
    summary: {
      ...result.summary,
      trials: result.summary.trials + unchanged,
      same: result.summary.same + unchanged,
    },
    paths: attachTableHints(
      result.paths.map((stats) => ({ ...stats, compared: stats.compared + unchanged })),
      hints,
    ),
    examples,
  };
}

/** The picked examples with their whole rows, fetched by position, and their lines. */
async function fillExamples(
  engine: TableEngine,
  oldTable: LoadedTable,
  newTable: LoadedTable,
  picked: Candidate[],
  key: readonly string[] | undefined,
): Promise<Example[]> {
  const rowsOf = async (table: LoadedTable, positions: number[]) => {
    const rows = await fetchRows(engine, table, positions);
    const lines = await linesOfRows(table, positions);
    return { rows, lines };
  };
  const oldSide = await rowsOf(
    oldTable,
    picked.flatMap((c) => (c.trial === undefined && c.oldRow !== undefined ? [c.oldRow] : [])),
  );
  const newSide = await rowsOf(
    newTable,
    picked.flatMap((c) => (c.trial === undefined && c.newRow !== undefined ? [c.newRow] : [])),
  );
  return picked.map((candidate) => {
    if (candidate.trial !== undefined) return toExample(candidate.trial);
    const oldRow = candidate.oldRow === undefined ? null : (oldSide.rows.get(candidate.oldRow) ?? null);
    const newRow = candidate.newRow === undefined ? null : (newSide.rows.get(candidate.newRow) ?? null);
    const oldLine = candidate.oldRow === undefined ? undefined : oldSide.lines.get(candidate.oldRow);
    const newLine = candidate.newRow === undefined ? undefined : newSide.lines.get(candidate.newRow);
    return rowPairExample(candidate, { oldRow, newRow, oldLine, newLine }, key);
  });
}

/** Whole rows by position, as the record readers would have read them. */
async function fetchRows(
  engine: TableEngine,
  table: LoadedTable,
  positions: number[],
): Promise<Map<number, Record<string, unknown>>> {
  const rows = new Map<number, Record<string, unknown>>();
  if (positions.length === 0) return rows;
  const cells = table.columns.map((_, i) => cellTextSql(table, i));
  const raw = table.rawColumn ?? "NULL::VARCHAR";
  const found = await engine.rows(
    `SELECT rowid, ${raw}${cells.map((cell) => `, ${cell}`).join("")} FROM ${table.table} WHERE rowid IN (${[...new Set(positions)].join(", ")})`,
  );
  for (const row of found) {
    const own = rawRow(row[1]);
    if (own !== undefined) {
      rows.set(Number(row[0]), own);
      continue;
    }
    const values: Record<string, unknown> = {};
    for (const [i, name] of table.columns.entries())
      setCell(values, name, decodeCell(row[i + 2] as string | null, table.encoding, table.absentCells));
    rows.set(Number(row[0]), values);
  }
  return rows;
}

/** The first few rows only in old and only in new, with their lines and keys. */
async function oneSidedExamples(
  engine: TableEngine,
  oldTable: LoadedTable,
  newTable: LoadedTable,
  key: readonly string[] | undefined,
): Promise<{ old: RowLocation[]; new: RowLocation[] }> {
  const locate = async (table: LoadedTable, side: "o" | "n", other: "o" | "n"): Promise<RowLocation[]> => {
    const keyCells = (key ?? []).map((name) => {
      const index = table.columns.indexOf(name);
      return index === -1 ? "NULL::VARCHAR" : cellTextSql(table, index, "t");
    });
    const found = await engine.rows(
      `SELECT p.${side}${keyCells.map((cell) => `, ${cell}`).join("")} FROM pairs p JOIN ${table.table} t ON t.rowid = p.${side} ` +
        `WHERE p.${other} IS NULL ORDER BY p.${side} LIMIT ${ONE_SIDED_EXAMPLES}`,
    );
    const lines = await linesOfRows(
      table,
      found.map((row) => Number(row[0])),
    );
    return found.map((row) => {
      const line = lines.get(Number(row[0])) ?? Number(row[0]) + 1;
      if (key === undefined) return { line };
      const values: Record<string, unknown> = {};
      key.forEach((name, i) => {
        const value = decodeCell(row[i + 1] as string | null, table.encoding, table.absentCells);
        values[name] = typeof value === "symbol" ? null : value;
      });
      return { line, key: values };
    });
  };
  return { old: await locate(oldTable, "o", "n"), new: await locate(newTable, "n", "o") };
}
