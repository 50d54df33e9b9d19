// The distribution view of a table comparison: per numeric column, old and new summary
// statistics with the PSI between them. Stable columns are counted, not shown.
import type { DistributionStats, NumericSummary, TableReport } from "../table/types.ts";
import { formatCompactNumber, formatCount } from "./format.ts";
import { type GridCell, renderGrid } from "./grid.ts";
import type { Paint } from "./style.ts";
import { describePsiLegend, formatPsi, PSI_STABLE, readPsi } from "./table-text.ts";

/** Columns shown before `… and N more`; columns over psiMax are shown beyond it. */
export const MAX_DISTRIBUTION_ROWS = 20;

const STATS = ["mean", "std", "min", "p1", "p50", "p99", "max"] as const satisfies (keyof NumericSummary)[];

/** The columns worth a look, most shifted first, and how many stable ones were left out. */
export interface DistributionSelection {
  shown: DistributionStats[];
  /** Numeric columns whose values did not change and whose PSI stayed below 0.1 (not over psiMax). */
  stable: number;
  /** Worth a look but cut by MAX_DISTRIBUTION_ROWS. */
  hidden: number;
}

/** Why: a wide table has hundreds of numeric columns; only changed or shifted ones deserve rows. */
export function selectDistribution(table: TableReport): DistributionSelection {
  const changed = new Set(table.columns.filter((stats) => stats.changed > 0).map((stats) => stats.column));
  const over = (stats: DistributionStats) => readPsi(stats.psi, table.psiMax) === "over";
  const worth = table.distribution
    .filter(
      (stats) => changed.has(stats.column) || over(stats) || (stats.psi !== null && stats.psi >= PSI_STABLE),
    )
    .sort((a, b) => (b.psi ?? Number.NEGATIVE_INFINITY) - (a.psi ?? Number.NEGATIVE_INFINITY));
  const shown = worth.filter((stats, position) => position < MAX_DISTRIBUTION_ROWS || over(stats));
  return {
    shown,
    stable: table.distribution.length - worth.length,
    hidden: worth.length - shown.length,
  };
}

/** The terminal's distribution section, or undefined when the report has no numeric columns. */
export function renderDistributionSection(
  table: TableReport,
  paint: Paint,
  width: number,
): string | undefined {
  if (table.distribution.length === 0) return undefined;
  const heading = paint("bold", "Distribution");
  const { shown, stable, hidden } = selectDistribution(table);
  const why = `values unchanged, PSI < ${PSI_STABLE}`;
  if (shown.length === 0)
    return `${heading}: all ${formatCount(stable)} numeric column${stable === 1 ? "" : "s"} stable (${why})`;
  const head = ["column", "", ...STATS, "PSI"];
  const rows: GridCell[][] = [];
  for (const stats of shown) {
    const psi = paintPsi(stats, table.psiMax, paint);
    const name = paint("cyan", stats.sampled === true ? `${stats.column} *` : stats.column);
    const [oldCells, newCells] = formatSummaries(stats.old, stats.new);
    rows.push([{ content: name, rowSpan: 2 }, "old", ...oldCells, { content: psi, rowSpan: 2 }]);
    rows.push(["new", ...newCells]);
  }
  const lines = [
    heading,
    renderGrid(head, rows, { paint, width }),
    paint("dim", describePsiLegend(table.psiMax)),
  ];
  if (shown.some((stats) => stats.sampled === true))
    lines.push(paint("dim", "* quantiles and PSI from a uniform sample of each side"));
  if (hidden > 0)
    lines.push(`… and ${formatCount(hidden)} more shifted or changed columns in the JSON report`);
  if (stable > 0)
    lines.push(`${formatCount(stable)} stable numeric column${stable === 1 ? "" : "s"} not shown (${why})`);
  return lines.join("\n");
}

/** Why: both sides' seven statistics, each pair with just enough digits to tell old from new apart. */
export function formatSummaries(
  oldSummary: NumericSummary,
  newSummary: NumericSummary,
): [string[], string[]] {
  const pairs = STATS.map((name) => formatDistinct(oldSummary[name], newSummary[name]));
  return [pairs.map((pair) => pair[0]), pairs.map((pair) => pair[1])];
}

/** Four significant digits, more when two different numbers would otherwise print alike. */
export function formatDistinct(oldValue: number, newValue: number): [string, string] {
  let pair: [string, string] = [formatSignificant(oldValue, 4), formatSignificant(newValue, 4)];
  for (let digits = 5; digits <= 17 && pair[0] === pair[1] && !Object.is(oldValue, newValue); digits++)
    pair = [formatSignificant(oldValue, digits), formatSignificant(newValue, digits)];
  return pair;
}

function formatSignificant(value: number, digits: number): string {
  if (!Number.isFinite(value) || value === 0) return formatCompactNumber(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-4 || magnitude >= 1e9) return Number(value.toPrecision(digits)).toExponential();
  if (Number.isInteger(value)) return String(value);
  // Every digit before the point, and at least one after it: 123456.8, not 123500.
  const integerDigits = Math.max(0, Math.ceil(Math.log10(magnitude)));
  return String(Number(value.toPrecision(Math.min(17, Math.max(digits, integerDigits + 1)))));
}

function paintPsi(stats: DistributionStats, psiMax: number | undefined, paint: Paint): string {
  const text = formatPsi(stats, psiMax);
  const level = readPsi(stats.psi, psiMax);
  if (level === "over" || level === "major") return paint(["red", "bold"], text);
  return level === "moderate" ? paint("yellow", text) : text;
}
