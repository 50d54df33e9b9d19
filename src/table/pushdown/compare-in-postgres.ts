// Comparing two tables where they live, in one Postgres database (pushdown): the database pairs
// the rows, keeps the cells that may differ under the column's tolerance, and computes the
// statistics, the schema's types and the distributions; only the cells that may differ, the
// findings and the example rows leave it. Every cell that leaves goes through the record
// comparator, so each verdict is the comparator's, as in the embedded engine.
import { type AggregateResult, Aggregator } from "../../aggregate/aggregator.ts";
import { createComparator } from "../../compare/comparator.ts";
import { parseLossless } from "../../json/parse.ts";
import type { Example } from "../../report/types.ts";
import { planColumns } from "../engine/column-plan.ts";
import { columnRules } from "../engine/column-rules.ts";
import { withUnchanged } from "../engine/compare-loaded-tables.ts";
import { setCell } from "../engine/decode-cell.ts";
import { changedColumnsOf, type HandedTrial, oneSidedTrial } from "../engine/handover.ts";
import { rowPairExample, rowPairTrial } from "../engine/row-pair-example.ts";
import { compareSchemas, isSchemaChanged } from "../engine/schema-view.ts";
import { RowExamples } from "../row-examples.ts";
import type { TableComparisonOptions, TableComparisonResult } from "../table-comparison.ts";
import type { ColumnStats, RowLocation, TableReport } from "../types.ts";
import { jsonTextSql, reportType } from "./pg-cells.ts";
import { pgColumnStats } from "./pg-column-stats.ts";
import { mayDifferSql } from "./pg-differs.ts";
import { pgDistributions } from "./pg-distributions.ts";
import { findPgHints, PgChangedPaths, pushdownFindsHints } from "./pg-hints.ts";
import { pairPgRows } from "./pg-pairs.ts";
import { pgCategories, profilePgSide } from "./pg-profiles.ts";
import type { PgSession } from "./pg-session.ts";
import { type PgTable, pgCell } from "./pg-tables.ts";
import { SqlParams } from "./sql-params.ts";

const ONE_SIDED_EXAMPLES = 5;

/** Why: the same comparison as compareLoadedTables, with the database as the engine. */
export async function compareInPostgres(
  session: PgSession,
  oldTable: PgTable,
  newTable: PgTable,
  options: TableComparisonOptions,
): Promise<TableComparisonResult> {
  const comparator = createComparator(options.compare);
  const rulesOf = columnRules(options.compare);
  const ignores = (column: string) => comparator.ignoresKey(column);
  const described = (table: PgTable) => ({
    columns: table.columns.map((column) => column.name),
    declared: table.columns.map(reportType),
  });
  const columns = planColumns(described(oldTable), described(newTable), ignores);
  const key = options.match.by === "key" ? options.match.key : undefined;
  const counts = await pairPgRows(session, oldTable, newTable, options.match, rulesOf);

  const aggregator = new Aggregator({ maxExamples: 0 });
  const picker = new RowExamples<HandedTrial>(options.maxExamples);
  const changedByColumn = new Map<string, number>();
  let changedRows = 0;
  const changedPaths = pushdownFindsHints(counts.matched) ? new PgChangedPaths() : undefined;
  await handOverPg(session, oldTable, newTable, columns, key, options, (handed) => {
    changedRows++;
    if (handed.oldRow !== undefined && handed.newRow !== undefined)
      changedPaths?.add(handed.oldRow, handed.comparison.differences);
    for (const column of changedColumnsOf(handed.comparison.differences))
      changedByColumn.set(column, (changedByColumn.get(column) ?? 0) + 1);
    const trial = rowPairTrial(handed);
    aggregator.add(trial);
    options.onTrial?.(trial);
    picker.add(handed);
  });
  const rowTrials = counts.matched + counts.onlyOld + counts.onlyNew;
  const hints =
    changedPaths === undefined
      ? new Map()
      : await findPgHints(session, oldTable, changedPaths, {
          matched: counts.matched,
          ...(key !== undefined && { key }),
        });

  const pairStats = await pgColumnStats(session, oldTable, newTable, columns);
  const noProfile = { mask: 0, cells: { present: 0, nullish: 0, valued: 0, finite: 0 } };
  const schema = compareSchemas(
    described(oldTable),
    described(newTable),
    { old: oldTable.columns.map(() => noProfile), new: newTable.columns.map(() => noProfile) },
    {
      looseNumbers: options.compare.numberTypes === "loose",
      columnOrder: options.columnOrder,
      typeFollowsCells: () => false,
    },
  );
  const numbers = {
    old: await profilePgSide(session, oldTable, { deciles: true }),
    new: await profilePgSide(session, newTable, { deciles: false }),
  };
  const distribution = await pgDistributions(session, oldTable, newTable, numbers, schema, (column) => {
    const rules = rulesOf(column);
    const rel = rules.sig > 0 ? Math.max(rules.relTolerance, 10 ** (1 - rules.sig)) : rules.relTolerance;
    return { abs: rules.absTolerance, rel };
  });
  const categories = await pgCategories(session, oldTable, newTable, schema);

  const columnStats: ColumnStats[] = pairStats
    .filter((stats) => stats.compared > 0)
    .map((stats) => ({
      ...stats,
      changed: changedByColumn.get(stats.column) ?? 0,
      ...(ignores(stats.column) && { ignored: true }),
    }));
  const order = new Map(columns.map((column, i) => [column.name, i]));
  columnStats.sort(
    (a, b) => b.changed - a.changed || (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0),
  );
  const examples = await fillPgExamples(session, oldTable, newTable, picker.result(), key);
  const table: TableReport = {
    match: options.match,
    schema,
    rows: {
      old: oldTable.rows,
      new: newTable.rows,
      matched: counts.matched,
      onlyOld: counts.onlyOld,
      onlyNew: counts.onlyNew,
      onlyOldExamples: await oneSidedPgExamples(session, oldTable, "o", "n", key),
      onlyNewExamples: await oneSidedPgExamples(session, newTable, "n", "o", key),
      ...(counts.duplicates !== undefined && { duplicates: counts.duplicates }),
    },
    columns: columnStats,
    distribution,
    categories,
    ...(options.psiMax !== undefined && { psiMax: options.psiMax }),
  };
  const schemaChanged = isSchemaChanged(schema, ignores);
  const aggregate: AggregateResult = withUnchanged(
    aggregator.result(),
    rowTrials - changedRows,
    examples,
    hints,
  );
  return { aggregate, table, schemaChanged };
}

/**
 * Why: streams, in trial order, every row pair where some compared cell may differ (with only
 * those cells) and every one-sided row, and hands each to the comparator; `onTrial` sees the
 * changed ones.
 */
async function handOverPg(
  session: PgSession,
  oldTable: PgTable,
  newTable: PgTable,
  columns: ReturnType<typeof planColumns>,
  key: readonly string[] | undefined,
  options: TableComparisonOptions,
  onTrial: (trial: HandedTrial) => void,
): Promise<void> {
  const rulesOf = columnRules(options.compare);
  const comparator = createComparator(options.compare);
  const compared = columns.filter((column) => !column.ignored);
  const params = new SqlParams();
  const cell = (alias: string, index: number | undefined) =>
    index === undefined ? "NULL" : `${alias}.${pgCell(index)}`;
  const inner = [
    "p.idx",
    "p.o",
    "p.n",
    ...compared.flatMap((column, i) => {
      const oldCell = cell("o", column.old);
      const newCell = cell("n", column.new);
      const oldColumn = column.old === undefined ? undefined : oldTable.columns[column.old];
      const newColumn = column.new === undefined ? undefined : newTable.columns[column.new];
      return [
        `${oldCell} AS oc${i}`,
        `${newCell} AS nc${i}`,
        `${mayDifferSql(oldCell, newCell, oldColumn, newColumn, rulesOf(column.name), params)} AS d${i}`,
      ];
    }),
    ...(key ?? []).flatMap((name, k) => {
      const oldIndex = oldTable.columns.findIndex((column) => column.name === name);
      const newIndex = newTable.columns.findIndex((column) => column.name === name);
      return [
        `${jsonTextSql(`o.${pgCell(oldIndex)}`, oldTable.columns[oldIndex])} AS ko${k}`,
        `${jsonTextSql(`n.${pgCell(newIndex)}`, newTable.columns[newIndex])} AS kn${k}`,
      ];
    }),
  ];
  const outer = [
    "idx",
    "o",
    "n",
    ...(key ?? []).flatMap((_, k) => [`ko${k}`, `kn${k}`]),
    ...compared.flatMap((column, i) => [
      `d${i}`,
      column.old === undefined
        ? "NULL"
        : `CASE WHEN d${i} THEN ${jsonTextSql(`oc${i}`, oldTable.columns[column.old])} END`,
      column.new === undefined
        ? "NULL"
        : `CASE WHEN d${i} THEN ${jsonTextSql(`nc${i}`, newTable.columns[column.new])} END`,
    ]),
  ];
  // OFFSET 0 keeps the inner level apart, so each may-differ test runs once per pair, not once per use.
  const anyDiffers = compared.length === 0 ? "FALSE" : compared.map((_, i) => `d${i}`).join(" OR ");
  const sql =
    `SELECT ${outer.join(", ")} FROM (SELECT ${inner.join(", ")} FROM twinrun_pairs p ` +
    `LEFT JOIN ${oldTable.table} o ON o.r = p.o LEFT JOIN ${newTable.table} n ON n.r = p.n OFFSET 0) x ` +
    `WHERE o IS NULL OR n IS NULL OR ${anyDiffers} ORDER BY idx`;
  const keyStart = 3;
  const cellStart = keyStart + (key?.length ?? 0) * 2;
  const decode = (text: string | null) => (text === null ? null : parseLossless(text));
  for await (const batch of session.stream(sql, params.values)) {
    for (const row of batch) {
      const index = Number(row[0]);
      const oldRow = row[1] === null ? undefined : Number(row[1]);
      const newRow = row[2] === null ? undefined : Number(row[2]);
      let keyValues: Record<string, unknown> | undefined;
      if (key !== undefined) {
        const values: Record<string, unknown> = {};
        key.forEach((name, k) => {
          values[name] = decode(row[keyStart + k * 2 + (newRow === undefined ? 0 : 1)]);
        });
        keyValues = values;
      }
      if (oldRow === undefined || newRow === undefined) {
        onTrial(oneSidedTrial(index, oldRow, newRow, keyValues));
        continue;
      }
      const oldValues: Record<string, unknown> = {};
      const newValues: Record<string, unknown> = {};
      compared.forEach((column, i) => {
        const at = cellStart + i * 3;
        if (row[at] !== "t") return;
        if (column.old !== undefined) setCell(oldValues, column.name, decode(row[at + 1]));
        if (column.new !== undefined) setCell(newValues, column.name, decode(row[at + 2]));
      });
      const comparison = comparator.compareValues(oldValues, newValues);
      if (comparison.differences.length === 0) continue;
      onTrial({ index, oldRow, newRow, ...(keyValues !== undefined && { key: keyValues }), comparison });
    }
  }
}

/** Whole rows by position, as JSON values, for the examples shown. */
async function fetchPgRows(
  session: PgSession,
  table: PgTable,
  positions: number[],
): Promise<Map<number, Record<string, unknown>>> {
  const rows = new Map<number, Record<string, unknown>>();
  if (positions.length === 0) return rows;
  const params = new SqlParams();
  const cells = table.columns.map((column, i) => jsonTextSql(pgCell(i), column));
  const found = await session.rows(
    `SELECT r${cells.map((cell) => `, ${cell}`).join("")} FROM ${table.table} WHERE r = ANY(${params.bind([...new Set(positions)], "bigint[]")})`,
    params.values,
  );
  for (const row of found) {
    const values: Record<string, unknown> = {};
    table.columns.forEach((column, i) => {
      setCell(values, column.name, row[i + 1] === null ? null : parseLossless(String(row[i + 1])));
    });
    rows.set(Number(row[0]), values);
  }
  return rows;
}

/** The picked examples with their whole rows; a row is named by its position (from 1) as a line, as for Parquet. */
async function fillPgExamples(
  session: PgSession,
  oldTable: PgTable,
  newTable: PgTable,
  picked: HandedTrial[],
  key: readonly string[] | undefined,
): Promise<Example[]> {
  const oldRows = await fetchPgRows(
    session,
    oldTable,
    picked.flatMap((c) => (c.oldRow === undefined ? [] : [c.oldRow])),
  );
  const newRows = await fetchPgRows(
    session,
    newTable,
    picked.flatMap((c) => (c.newRow === undefined ? [] : [c.newRow])),
  );
  return picked.map((candidate) => {
    const oldRow = candidate.oldRow === undefined ? null : (oldRows.get(candidate.oldRow) ?? null);
    const newRow = candidate.newRow === undefined ? null : (newRows.get(candidate.newRow) ?? null);
    const oldLine = candidate.oldRow === undefined ? undefined : candidate.oldRow + 1;
    const newLine = candidate.newRow === undefined ? undefined : candidate.newRow + 1;
    return rowPairExample(candidate, { oldRow, newRow, oldLine, newLine }, key);
  });
}

/** The first few rows only on one side, with their row numbers and keys. */
async function oneSidedPgExamples(
  session: PgSession,
  table: PgTable,
  side: "o" | "n",
  other: "o" | "n",
  key: readonly string[] | undefined,
): Promise<RowLocation[]> {
  const keyCells = (key ?? []).map((name) => {
    const index = table.columns.findIndex((column) => column.name === name);
    return jsonTextSql(`t.${pgCell(index)}`, table.columns[index]);
  });
  const params = new SqlParams();
  const found = await session.rows(
    `SELECT p.${side}${keyCells.map((cell) => `, ${cell}`).join("")} FROM twinrun_pairs p JOIN ${table.table} t ON t.r = p.${side} ` +
      `WHERE p.${other} IS NULL ORDER BY p.${side} LIMIT ${params.bind(ONE_SIDED_EXAMPLES, "int")}`,
    params.values,
  );
  return found.map((row) => {
    const line = Number(row[0]) + 1;
    if (key === undefined) return { line };
    const values: Record<string, unknown> = {};
    key.forEach((name, i) => {
      values[name] = row[i + 1] === null ? null : parseLossless(String(row[i + 1]));
    });
    return { line, key: values };
  });
}
